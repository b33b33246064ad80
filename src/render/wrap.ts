/**
 * The one line-wrapping of wallet-help's text output: by display width (CJK takes
 * two columns, colour escapes none), at word boundaries, with a hanging indent for
 * continuation lines. Loaded only when output is actually wrapped (a terminal).
 *
 * fast-wrap-ansi (which inquirer uses) breaks only at spaces and counts a space
 * between every two words, so it can neither break Chinese between characters nor
 * keep a URL or "1 天" whole; the break rules are therefore here, on top of
 * fast-string-width.
 */
import stringWidth from 'fast-string-width';
import '../core.js';

/** Display width of text on a terminal, ignoring colour escapes. */
export function displayWidth(text: string): number {
  return stringWidth(text);
}

/**
 * Wraps `text` to `width` columns with `prefix` before its first line and spaces
 * of the prefix's width before every other line. Without a width (not a terminal),
 * or on an absurdly narrow one, the text is returned as it is.
 */
export function hanging(prefix: string, text: string, width: number | undefined): string {
  if (!width || width < MIN_WIDTH) return `${prefix}${text}`;
  const indent = ' '.repeat(stringWidth(prefix));
  return text
    .split('\n')
    .map((line, i) => fill(line, width, i === 0 ? prefix : indent, indent))
    .join('\n');
}

/**
 * Wraps every line of a block of text. A continuation line is indented like its
 * line, and under the text of a list item ("  1. ", "  - ", "• ").
 */
export function wrap(text: string, width: number | undefined): string {
  if (!width || width < MIN_WIDTH) return text;
  return text
    .split('\n')
    .map((line) => {
      const lead = LIST_LEAD.exec(line)?.[0] ?? '';
      return fill(line.slice(lead.length), width, lead, ' '.repeat(stringWidth(lead)));
    })
    .join('\n');
}

const MIN_WIDTH = 10;

/** Leading white space and a list marker (or the "$" of an example command): where a continuation line's text starts. */
const LIST_LEAD = /^\s*(?:(?:\d+[.)]|[-•*$])\s+)?/;

/** Never at the start of a line: closing punctuation, and the separators that end a list item. */
const NO_LINE_START = new Set([...'、，。．：；！？）」』”’》】〉〕］｝,.;:!?)]}%·…']);
/** Never at the end of a line: opening punctuation. */
const NO_LINE_END = new Set([...'（「『“‘《【〈〔［｛([{']);

/**
 * The pieces of a line, in order: a colour escape, white space, a URL or e-mail
 * address, a number with its unit ("1 天", "13 h", "0.5 LTC"), one wide (CJK)
 * character, or a run of anything else (a word).
 */
const WIDE = '\\u1100-\\u115F\\u2E80-\\u303E\\u3041-\\u33FF\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uA960-\\uA97F\\uAC00-\\uD7A3\\uF900-\\uFAFF\\uFE30-\\uFE4F\\uFF00-\\uFF60\\uFFE0-\\uFFE6';
const ZH_UNITS = '小时|分钟|秒钟|个月|天|周|年|月|日|秒|次|笔|元|个|位|倍|条|项';
const PIECE = new RegExp(
  [
    '(?<escape>\\u001b\\[[0-9;]*m|\\u001b\\]8;;[^\\u0007]*\\u0007)',
    '(?<space>[ \\t]+)',
    // A command quoted for the reader to run ("wallet-help diagnose … --resume"): whole on one line, so that copying
    // it copies one command (QA: zh user, a line break inside it made two).
    '(?<command>"wallet-help [^"\\n]{1,120}"|\u201cwallet-help [^\u201d\\n]{1,120}\u201d)',
    // Stops at white space, CJK text (a full-width bracket or comma after it) and quotes.
    `(?<atom>(?:https?://|www\\.)[^\\s"'<>${WIDE}]+|[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+|\\+\\d[\\d ()-]*\\d|\\d+(?:[.,:]\\d+)*[ \\u00a0]?(?:${ZH_UNITS}))`,
    `(?<latinUnit>\\d+(?:[.,:]\\d+)*[ \\u00a0][A-Za-z%]+(?![\\w-]))`,
    `(?<wide>[${WIDE}]|[“‘”’])`,
    `(?<word>[^\\s\\u001b${WIDE}“‘”’]+)`,
  ].join('|'),
  'gy',
);

interface Piece {
  text: string;
  kind: 'escape' | 'space' | 'atom' | 'wide' | 'word';
}

function pieces(line: string): Piece[] {
  const out: Piece[] = [];
  PIECE.lastIndex = 0;
  let at = 0;
  while (at < line.length) {
    PIECE.lastIndex = at;
    const m = PIECE.exec(line);
    if (!m || m[0] === '') {
      // Anything the pattern does not know (a stray control character): a word of its own.
      out.push({ text: line[at]!, kind: 'word' });
      at++;
      continue;
    }
    const g = m.groups!;
    const kind = g.escape ? 'escape' : g.space ? 'space' : g.atom || g.latinUnit || g.command ? 'atom' : g.wide ? 'wide' : 'word';
    out.push({ text: m[0], kind });
    at += m[0].length;
  }
  return out;
}

/** A piece of text no line break may split, and whether a break may come before it (and with which white space). */
interface Chunk {
  text: string;
  width: number;
  /** The white space before the chunk ('' when they touch); dropped when the line breaks there. */
  gap: string;
  /** Whether a line may end just before this chunk. */
  breakable: boolean;
}

/** Whether a line may break between two touching pieces (no white space between them). */
function touchingBreak(prev: Piece, next: Piece): boolean {
  if (prev.kind === 'escape' || next.kind === 'escape') return false;
  if (prev.kind !== 'wide' && next.kind !== 'wide') return false;
  return !NO_LINE_START.has(next.text[0]!) && !NO_LINE_END.has(prev.text.at(-1)!);
}

function chunks(line: string): Chunk[] {
  const out: Chunk[] = [];
  let prev: Piece | undefined;
  let gap = '';
  let pendingEscapes = '';
  for (const piece of pieces(line)) {
    if (piece.kind === 'escape') {
      // A colour escape sticks to the text after it (or the text before it, at the end).
      pendingEscapes += piece.text;
      continue;
    }
    if (piece.kind === 'space') {
      if (out.length === 0 && pendingEscapes === '') {
        gap += piece.text;
        continue;
      }
      if (pendingEscapes !== '') {
        appendTo(out, pendingEscapes, gap);
        pendingEscapes = '';
        gap = '';
      }
      gap += piece.text;
      continue;
    }
    const text = pendingEscapes + piece.text;
    pendingEscapes = '';
    const last = out.at(-1);
    const lead = piece.text[0]!;
    const breakable =
      last !== undefined &&
      (gap !== '' ? !NO_LINE_START.has(lead) && !NO_LINE_END.has(last.text.at(-1)!) : prev !== undefined && touchingBreak(prev, piece));
    if (last && !breakable) {
      last.text += gap + text;
      last.width += stringWidth(gap) + stringWidth(piece.text);
    } else {
      out.push({ text, width: stringWidth(piece.text), gap, breakable: last !== undefined });
    }
    gap = '';
    prev = piece;
  }
  if (pendingEscapes !== '' || gap !== '') appendTo(out, pendingEscapes, gap);
  return out;
}

/** Trailing escapes (and the white space before them) join the last chunk. */
function appendTo(out: Chunk[], escapes: string, gap: string): void {
  const last = out.at(-1);
  if (last) {
    last.text += gap + escapes;
    last.width += stringWidth(gap);
  } else out.push({ text: gap + escapes, width: stringWidth(gap), gap: '', breakable: false });
}

/**
 * One line of text as the lines of a table cell `width` columns wide: broken where wrapping
 * may break it, never inside a word (a word wider than the cell keeps its own line).
 */
export function cellLines(text: string, width: number): string[] {
  return fill(text, Math.max(1, width), '', '').split('\n');
}

/** The width of the widest piece of `text` that no line break may split: the narrowest a cell holding it can be. */
export function widestWord(text: string): number {
  return Math.max(0, ...chunks(text).map((c) => c.width));
}

/** How far in a continuation goes when it does not fit under its text: this far in from where its line starts. */
const FALLBACK_STEP = 2;
/** A hanging indent that leaves fewer columns than this is given up for the rest of the text (a label as wide as the screen). */
const MIN_HANG_ROOM = 12;

/**
 * Greedy fill of one line of text (no line breaks in it). Continuation lines go under the text (`indent`); a chunk
 * too long for that (a long value beside a wide label, at a narrow width) goes on its own line at one fixed place,
 * a little in from where the line starts, and where the indent leaves hardly any room, the rest of the text goes on
 * there too. Chunks are never moved left just far enough to fit: values pushed to the right margin started in a
 * different column each (QA: 40 columns).
 */
function fill(line: string, width: number, first: string, indent: string): string {
  const rows: string[] = [];
  let row = first;
  let used = stringWidth(first);
  let empty = true;
  let hang = indent.length;
  const fallback = Math.min(hang, first.length - first.trimStart().length + FALLBACK_STEP);
  const styles = new SgrState();
  for (const chunk of chunks(line).flatMap((c) => (c.width > width ? atSpaces(c) : [c]))) {
    const gapWidth = stringWidth(chunk.gap);
    // A value too long for the rest of its label's line starts the next one, under where it would have started.
    const afterLabel = empty && first.trim() !== '' && used + chunk.width > width;
    if (afterLabel || (!empty && chunk.breakable && used + gapWidth + chunk.width > width)) {
      rows.push(styles.open() ? `${row}\u001b[0m` : row);
      const under = hang + chunk.width <= width;
      if (!under && width - hang < MIN_HANG_ROOM) hang = fallback;
      // Too long for the indent, at the fixed place; wider than the screen even there, it starts the line.
      const at = under ? hang : fallback;
      const room = at + chunk.width > width ? 0 : at;
      row = ' '.repeat(room) + styles.reopen() + chunk.text;
      used = room + chunk.width;
    } else {
      row += chunk.gap + chunk.text;
      used += gapWidth + chunk.width;
    }
    styles.read(chunk.text);
    empty = false;
  }
  rows.push(row);
  return rows.map((r) => r.trimEnd()).join('\n');
}

/**
 * A chunk wider than the screen, broken at its spaces: a command quoted whole ("wallet-help diagnose account-compromised")
 * that no line can hold, which the terminal then broke inside a word, at the screen's edge (QA: 40 columns). A chunk
 * without a space (a URL) stays whole.
 */
function atSpaces(chunk: Chunk): Chunk[] {
  const words = chunk.text.split(' ');
  if (words.length === 1) return [chunk];
  return words.map((text, i) => ({ text, width: stringWidth(text), gap: i === 0 ? chunk.gap : ' ', breakable: i === 0 ? chunk.breakable : true }));
}

/** Which colours and attributes are on, so a broken line can end them and the next line start them again. */
class SgrState {
  private on: number[] = [];
  read(text: string): void {
    // eslint-disable-next-line no-control-regex
    for (const m of text.matchAll(/\u001b\[([0-9;]*)m/g)) {
      for (const code of (m[1] || '0').split(';').map(Number)) {
        if (code === 0) this.on = [];
        else if (CLOSES[code]) this.on = this.on.filter((c) => !CLOSES[code]!(c));
        else this.on.push(code);
      }
    }
  }
  open(): boolean {
    return this.on.length > 0;
  }
  reopen(): string {
    return this.on.map((c) => `\u001b[${c}m`).join('');
  }
}

const CLOSES: Record<number, (open: number) => boolean> = {
  22: (c) => c === 1 || c === 2,
  23: (c) => c === 3,
  24: (c) => c === 4,
  27: (c) => c === 7,
  28: (c) => c === 8,
  29: (c) => c === 9,
  39: (c) => (c >= 30 && c <= 38) || (c >= 90 && c <= 97),
  49: (c) => (c >= 40 && c <= 48) || (c >= 100 && c <= 107),
};
