/**
 * Showing a check while it runs: an ora spinner on a terminal's stderr, a
 * plain line when stderr is not a terminal, nothing at all with --json.
 */
import type { Context } from '../commands/context.js';
import { envSetting } from '../config/config.js';
import { UsageError } from '../errors.js';
import { afterMark, layoutFor } from '../render/layout.js';
import { clip } from '../util/safe-text.js';

/**
 * Runs `work`, showing `label` meanwhile and `describe(result)` after, led by `done` (what was checked, said as done: in
 * Chinese "正在检查……" before a result read as still running; QA: Chinese review).
 */
export async function withProgress<T>(ctx: Context, label: string, work: () => Promise<T>, describe: (result: T) => { text: string; ok: boolean }, quiet: boolean, done = label): Promise<T> {
  const { io } = ctx;
  if (quiet) return work();
  if (io.stderr.isTTY && !io.env.CI) {
    const [{ spinner: makeSpinner }, { err }, layout] = await Promise.all([import('../vendor/ora.js'), ctx.styles(), layoutFor(io.stderr)]);
    // ora writes its mark and a space ("✔ ", "⚠ ") before the text: the text is wrapped as if they were its prefix, so
    // it breaks at spaces like all text and its continuation lines go under it (QA: words broken at 40 and 80 columns).
    const wrapped = (text: string) => afterMark(layout, text);
    const spinner = makeSpinner({ text: wrapped(label), stream: io.stderr as NodeJS.WritableStream, discardStdin: false }, err.level > 0).start();
    try {
      const result = await work();
      const d = describe(result);
      if (d.ok) spinner.succeed(wrapped(joined(done, d.text)));
      else spinner.warn(wrapped(joined(done, d.text)));
      return result;
    } catch (err) {
      spinner.stop();
      throw err;
    }
  }
  const result = await work();
  io.stderr.write(`${joined(done, describe(result).text)}\n`);
  return result;
}

/** What was checked and what was found: a space after English words, none after a full-width colon. */
function joined(done: string, found: string): string {
  return done.endsWith('：') ? `${done}${found}` : `${done} ${found}`;
}

/** The time limit of a check: --timeout, then WALLET_HELP_CHECK_TIMEOUT, then 4 s; refused when not a sensible number. */
export function checkTimeout(ctx: Context, flag: string | undefined): number {
  const text = flag ?? envSetting(ctx.io.env, 'WALLET_HELP_CHECK_TIMEOUT');
  if (text === undefined) return 4000;
  const ms = Number(text);
  if (!Number.isInteger(ms) || ms < 100 || ms > 120_000) {
    // The message names where the value came from: the flag, or the variable the user may have forgotten about.
    const name = flag === undefined ? 'WALLET_HELP_CHECK_TIMEOUT' : '--timeout';
    throw new UsageError('invalid_timeout', ctx.t('check.badTimeout', { name, value: clip(text) }), { value: clip(text), source: name });
  }
  return ms;
}

