/**
 * Prompts for a terminal that cannot move its cursor (TERM=dumb: Emacs' shell buffer, some consoles and
 * screen-reader setups). inquirer redraws its list in place with cursor movements such a terminal prints as
 * garbage; here each question is written once, its answers numbered, and the answer read as a line the
 * terminal itself echoes and edits: a number, or an answer's value or label as written.
 */
import { isatty } from 'node:tty';
import { CancelError, signalExitCode } from '../errors.js';
import { shownPath } from '../util/safe-text.js';
import type { Choice, InputQuestion, Prompter, SelectQuestion } from './prompter.js';
import '../core.js';

type Screen = NodeJS.WritableStream & { columns?: number };

/**
 * What was read of an input past the last answer: lines typed ahead of their question (a paste of several answers), the
 * start of the next one, and whether the input has ended. Kept with the input, for the next question.
 */
interface Pending {
  lines: string[];
  partial: string;
  ended: boolean;
}
const PENDING = Symbol('wallet-help line input');
/** The escape sequences of arrow, Home/End and function keys (CSI and SS3). */
// eslint-disable-next-line no-control-regex
const KEY_SEQUENCES = /\u001b\[[0-9;]*[A-Za-z~]|\u001bO[A-Za-z]/g;
type LineInput = NodeJS.ReadableStream & { [PENDING]?: Pending; readableEnded?: boolean; isTTY?: boolean; fd?: number };

export async function linePrompter(input: NodeJS.ReadableStream, output: Screen, signal?: AbortSignal): Promise<Prompter> {
  const wrapping = await import('../render/wrap.js');
  const columns = output.columns === undefined ? undefined : Math.max(1, output.columns - 1);
  const write = (text: string) => void output.write(text);
  // The question on its line, continuation lines under its text after the "? ".
  const question = (text: string) => write(`${wrapping.hanging('  ', `? ${text}`, columns).replace(/^ {2}/, '')}\n`);
  // Cancelled at a prompt, the line typed so far is ended, so what is said next ("Cancelled.") starts a line of its own.
  // A line the terminal did not echo (typed ahead, pasted with others; the last one ended by Ctrl+D) is written after its
  // prompt, so each answer stands beside its question.
  const ask = (prompt: string) =>
    readLine(input as LineInput, signal, () => write(prompt), (line) => write(`${line}\n`)).catch((err: unknown) => {
      write('\n');
      throw err;
    });
  return {
    async select<T extends string>(asked: SelectQuestion<T>): Promise<T> {
      const { choices } = asked;
      const lines = choices.map((c, i) => {
        const mark = `${String(i + 1).padStart(String(choices.length).length)}) `;
        const name = wrapping.hanging(' '.repeat(2 + mark.length), c.name, columns).slice(2 + mark.length);
        const description = c.description ? `\n${wrapping.hanging(' '.repeat(4 + mark.length), c.description, columns)}` : '';
        return `  ${mark}${name}${description}`;
      });
      question(asked.message);
      write(`${lines.join('\n')}\n`);
      const fallback = asked.default === undefined ? -1 : choices.findIndex((c) => c.value === asked.default);
      const words = asked.keys;
      const choose = words?.choose?.(choices.length, fallback >= 0 ? fallback + 1 : undefined) ?? `Your choice (1-${choices.length}${fallback >= 0 ? `, Enter for ${fallback + 1}` : ''}):`;
      // A space after a colon, none after a full-width one ("请输入编号（1-6）：").
      const prompt = /[\u3000-\uffff]$/.test(choose) ? choose : `${choose} `;
      for (;;) {
        const typed = (await ask(prompt)).trim();
        const picked = typed === '' && fallback >= 0 ? choices[fallback] : chosen(choices, typed);
        if (picked) return picked.value;
        write(`${words?.retry?.(choices.length) ?? `Type a number from 1 to ${choices.length}.`}\n`);
      }
    },
    async input(asked: InputQuestion): Promise<string> {
      const offered = asked.default === undefined || asked.default === '' ? '' : ` [${shownPath(asked.default)}]`;
      question(`${asked.message}${offered}`);
      const typed = await ask('> ');
      return typed === '' && asked.default !== undefined ? asked.default : typed;
    },
  };
}

/**
 * The choice a typed line names: its number, or its value or label as written (any case). Read in NFKC form: a Chinese
 * input method types full-width digits and letters ("２"), which are the same number (QA: Chinese user, "２" was refused).
 */
function chosen<T extends string>(choices: readonly Choice<T>[], typed: string): Choice<T> | undefined {
  const folded = typed.normalize('NFKC').toLowerCase();
  if (/^\d+$/.test(folded)) return choices[Number(folded) - 1];
  return folded === '' ? undefined : choices.find((c) => c.value.toLowerCase() === folded || c.name.normalize('NFKC').toLowerCase() === folded);
}

/**
 * The next line of `input`, after `prompt` is shown; a line typed ahead answers at once, and is written by `unechoed`, as
 * the terminal did not echo it after the prompt. The end of input (Ctrl+D on an empty line) cancels, as does the run's stop
 * signal (Ctrl+C, which the terminal sends as SIGINT in line mode).
 */
function readLine(input: LineInput, signal: AbortSignal | undefined, prompt: () => void, unechoed: (line: string) => void): Promise<string> {
  // Input read to its end before this prompter was made (answers read from `--answers -` on the terminal) has no more lines.
  const pending = (input[PENDING] ??= { lines: [], partial: '', ended: input.readableEnded === true });
  if (signal?.aborted) return Promise.reject(new CancelError(signalExitCode(signal.reason)));
  prompt();
  if (pending.lines.length > 0) {
    const line = pending.lines.shift()!;
    unechoed(line);
    return Promise.resolve(line);
  }
  if (pending.ended) return Promise.reject(new CancelError());
  return new Promise((resolve, reject) => {
    const done = () => {
      input.off('data', onData);
      input.off('end', onEnd);
      input.off('error', onError);
      signal?.removeEventListener('abort', onAbort);
      input.pause();
    };
    const onData = (chunk: string | Buffer) => {
      // A dumb terminal passes arrow and function keys through as their escape sequences: no part of what was typed.
      const lines = (pending.partial + chunk.toString().replace(KEY_SEQUENCES, '')).split(/\r?\n/);
      pending.partial = lines.pop()!;
      if (lines.length === 0) return;
      done();
      pending.lines.push(...lines.slice(1));
      resolve(lines[0]!);
    };
    const onEnd = () => {
      done();
      pending.ended = true;
      // A terminal that went away ends its input as Ctrl+D does: it is a hangup, as SIGHUP says (QA: a dumb terminal closed
      // at a prompt was taken for Ctrl+D, and Node aborted on the gone terminal at exit).
      if (input.isTTY === true && input.fd !== undefined && !isatty(input.fd)) {
        reject(new CancelError(signalExitCode('SIGHUP')));
        return;
      }
      // A last line without its newline is an answer (its newline written, as the terminal gave none); nothing at all is
      // Ctrl+D, a cancellation.
      const last = pending.partial;
      pending.partial = '';
      if (last !== '') {
        unechoed('');
        resolve(last);
      } else reject(new CancelError());
    };
    // A terminal that went away (the window closed) fails its reads: a hangup, as SIGHUP would say it.
    const onError = () => {
      done();
      pending.ended = true;
      reject(new CancelError(signalExitCode('SIGHUP')));
    };
    const onAbort = () => {
      done();
      reject(new CancelError(signalExitCode(signal!.reason)));
    };
    (input as NodeJS.ReadableStream & { setEncoding?: (e: BufferEncoding) => void }).setEncoding?.('utf8');
    input.on('data', onData);
    input.once('end', onEnd);
    input.once('error', onError);
    signal?.addEventListener('abort', onAbort, { once: true });
    input.resume();
  });
}
