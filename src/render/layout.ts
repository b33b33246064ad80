/**
 * How text is laid out on one output stream: wrapped to the width of a terminal,
 * and left as it is for a file, a pipe or JSON. The wrapping code (and its width
 * tables) loads only for a terminal.
 */
import type { OutputStream } from '../io/io.js';

export interface Layout {
  /** The terminal's width; undefined when output is not wrapped. */
  width: number | undefined;
  /** `prefix` then `text`, continuation lines indented by the prefix's width. */
  hanging(prefix: string, text: string): string;
  /** Every line of a block, continuation lines indented like their line (and under a list item's text). */
  wrap(text: string): string;
}

/** Output left as it is. */
export const UNWRAPPED: Layout = { width: undefined, hanging: (prefix, text) => `${prefix}${text}`, wrap: (text) => text };

/** The layout of a stream: wrapped to its width when it is a terminal. */
export async function layoutFor(stream: OutputStream): Promise<Layout> {
  const width = stream.isTTY ? stream.columns : undefined;
  return width ? wrappedTo(width) : UNWRAPPED;
}

/** A layout wrapping to `width` columns. */
export async function wrappedTo(width: number): Promise<Layout> {
  const { hanging, wrap } = await import('./wrap.js');
  return { width, hanging: (prefix, text) => hanging(prefix, text, width), wrap: (text) => wrap(text, width) };
}

/**
 * A line that starts with a mark and a space ("✔ ", "✘ ", "? "), laid out with its continuation lines under the text
 * after the mark; lines after it (an indented note) are wrapped like their own.
 */
export function afterMark(layout: Layout, text: string): string {
  const [first = '', ...rest] = text.split('\n');
  return [layout.hanging('  ', first).slice(2), ...rest.map((line) => layout.wrap(line))].join('\n');
}

/** A warning (`prefix` then `text`) on its own line of `stream`, wrapped like all text on a terminal: continuation lines under the text. */
export async function writeWarning(stream: OutputStream, prefix: string, text: string): Promise<void> {
  stream.write(`${(await layoutFor(stream)).hanging(prefix, text)}\n`);
}

/** A warning about the run as a whole: said on standard error, and kept for a --json document (Context.warned). */
export async function sayRunWarning(ctx: { io: { stderr: OutputStream }; t: (key: 'warning.prefix') => string; warned: string[] }, text: string, prefix = ctx.t('warning.prefix')): Promise<void> {
  ctx.warned.push(text);
  await writeWarning(ctx.io.stderr, prefix, text);
}

/** Warnings of one kind said one by one, up to a screenful; past it, the rest are counted. */
export const MAX_WARNINGS_SAID = 10;

/**
 * Warnings of one kind (damaged lines of the case log, damaged unfinished cases): the first MAX_WARNINGS_SAID each
 * on its line, then `more(count)` for the rest, so a folder or file full of junk is said in a screenful, not one line each.
 */
export async function writeWarnings(stream: OutputStream, prefix: string, texts: readonly string[], more: (count: number) => string): Promise<void> {
  for (const text of texts.slice(0, MAX_WARNINGS_SAID)) await writeWarning(stream, prefix, text);
  if (texts.length > MAX_WARNINGS_SAID) await writeWarning(stream, prefix, more(texts.length - MAX_WARNINGS_SAID));
}
