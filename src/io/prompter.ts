/**
 * The small prompting interface commands use. The real one sits on inquirer and
 * is loaded only when a question is actually asked; tests pass a scripted one.
 */
import { CancelError, signalExitCode } from '../errors.js';
import { shownPath } from '../util/safe-text.js';

export interface Choice<T extends string> {
  value: T;
  name: string;
  description?: string;
}

export interface SelectQuestion<T extends string> {
  message: string;
  choices: Choice<T>[];
  default?: T;
  /** The words of the key hint under the list ("↑↓ navigate • ⏎ select"), in the user's language. */
  keys?: KeyHints;
}

export interface KeyHints {
  navigate: string;
  select: string;
  /**
   * On a terminal that cannot move its cursor (line-prompter.ts), the prompt for a number from 1 to `count`, `fallback` the
   * one Enter takes: "Your choice (1-5, Enter for 2):".
   */
  choose?: (count: number, fallback?: number) => string;
  /** …and after a line that names no answer, with the range to type: "Type a number from 1 to 5, or an answer as it is written." */
  retry?: (count: number) => string;
}

export interface InputQuestion {
  message: string;
  /** A value given before, on the line ready to edit: Enter keeps it as the line shows it, and an emptied line is empty. */
  default?: string;
  /** Whether text typed so far must not be shown (it looks like a secret): it is drawn as bullets, on the answered line too. */
  mask?: (typed: string) => boolean;
}

export interface Prompter {
  select<T extends string>(question: SelectQuestion<T>): Promise<T>;
  /** A line of free text (empty allowed). */
  input(question: InputQuestion): Promise<string>;
}

/** The terminal a prompt is drawn on: its size is read at every prompt (the window may have been resized). */
type Screen = NodeJS.WritableStream & { columns?: number; rows?: number };

/** Lines a select prompt shows besides its list: the blank line under it and the key hint (on one line). */
const SELECT_CHROME = 2;
const DEFAULT_PAGE = 12;

/** A prompter on inquirer, talking to the given terminal streams. */
export async function inquirerPrompter(input: NodeJS.ReadableStream, output: Screen, signal?: AbortSignal): Promise<Prompter> {
  const [prompts, wrapping, { styleText }] = await Promise.all([import('../vendor/inquirer.js'), import('../render/wrap.js'), import('node:util')]);
  const hangup = survivesHangup(input);
  // Ctrl+D closes the prompt's readline without settling the prompt: nothing is left to wait for, and Node ended the
  // process with exit code 0, as if the diagnosis had finished, with no "Cancelled." and the case not saved (QA:
  // interactive review). When Node is about to end with a prompt still open, the prompt is cancelled, as by Ctrl+C.
  const ended = new AbortController();
  const cancellable = <T>(ask: () => Promise<T>) => cancellableOn(ask, hangup, ended);
  // A prompt ends on a signal, when the terminal goes away (its input ends) as on SIGHUP, and when its input is closed.
  const stop = AbortSignal.any([...(signal ? [signal] : []), hangup, ended.signal]);
  const context = { input, output, clearPromptOnDone: false, signal: stop };
  // inquirer breaks lines wherever the width ends; text is wrapped here first, at word boundaries,
  // continuation lines under the text after the "? " or "❯ " (both two columns wide).
  // One column short of the width: a line that fills the terminal exactly leaves the cursor at its edge, and the
  // next line break then shows as an empty line (QA: an agent question of exactly 100 columns).
  const columns = output.columns === undefined ? undefined : Math.max(1, output.columns - 1);
  const afterMark = (text: string) => wrapping.hanging('  ', text, columns).slice(2);
  // A choice that takes two lines goes on two columns further in, so its second line is not read as the next choice.
  const choiceName = (text: string) => wrapping.hanging('    ', text, columns).slice(4);
  const width = (text: string) => wrapping.displayWidth(text.slice(text.lastIndexOf('\n') + 1));
  return {
    select: (question) => {
      const message = afterMark(question.message);
      const choices = question.choices.map((c) => ({
        value: c.value,
        name: choiceName(c.name),
        // Echoed after the question once answered: on a line of its own when it would not fit after it.
        short: columns && width(message) + 3 + width(c.name) > columns ? `\n${wrapping.hanging('  ', c.name, columns)}` : c.name,
        ...(c.description ? { description: wrapping.wrap(c.description, columns) } : {}),
      }));
      // inquirer's own look of the key hint, with its words in the user's language, wrapped like the rest.
      const keys: KeyHints = question.keys ?? { navigate: 'navigate', select: 'select' };
      const hint = (style: (format: 'bold' | 'dim', text: string) => string) =>
        wrapping.wrap(`${style('bold', '↑↓')} ${style('dim', keys.navigate)}${style('dim', ' • ')}${style('bold', '⏎')} ${style('dim', keys.select)}`, columns);
      const fit = selectLayout(output.rows, message, choices, hint((_, text) => text).split('\n').length);
      const theme = { style: { keysHelpTip: () => (fit.hint ? hint(styleText) : '') } };
      const shownChoices = fit.descriptions ? choices : choices.map(({ description: _, ...c }) => c);
      return cancellable(() =>
        prompts.select({ message, choices: shownChoices, default: question.default, pageSize: fit.pageSize, loop: false, theme }, context),
      );
    },
    input: (question) => {
      const message = afterMark(question.message);
      return cancellable(() =>
        prompts.editLine(
          {
            message,
            ...(question.default !== undefined ? { default: question.default } : {}),
            // The answer, once given, on a line of its own when it would not fit after the question (as for select).
            transformer: shown(question.mask, styleText, (answer) => (columns && width(message) + 3 + wrapping.displayWidth(answer) > columns ? `\n${wrapping.hanging('  ', answer, columns)}` : answer)),
          },
          context,
        ),
      );
    },
  };
}

/** Most bullets drawn for masked text: enough to see that typing arrived, not its length. */
const MAX_BULLETS = 12;

/**
 * An inquirer transformer: masked text drawn as bullets, other text as inquirer draws it (the given answer in
 * cyan), the given answer placed by `place`.
 */
function shown(
  mask: ((typed: string) => boolean) | undefined,
  styleText: (format: 'cyan', text: string) => string,
  place: (answer: string) => string,
): (typed: string, state: { isFinal: boolean }) => string {
  return (typed, { isFinal }) => {
    if (mask?.(typed)) return '•'.repeat(Math.min(Math.max(typed.length, 4), MAX_BULLETS));
    // Control characters, escapes and bidirectional or invisible marks written out (`\u202e`), as a message quotes them: drawn
    // raw, an override typed or pasted turned the rest of the line around (QA: interactive review).
    const visible = shownPath(typed);
    return isFinal ? place(styleText('cyan', visible)) : visible;
  };
}

/** Lines of the list worth showing before the answers' descriptions and the key hint are given up for them. */
const MIN_PAGE = 3;

/**
 * How many lines of the list fit on the screen with the question, the longest description and the key hint, so the
 * question never scrolls away. On a screen too low for all of them (a pane of a few rows), the descriptions go
 * first, then the key hint: the question and its answers are what is needed to go on.
 */
export function selectLayout(rows: number | undefined, message: string, choices: readonly { description?: string }[], hintLines = 1): { pageSize: number; descriptions: boolean; hint: boolean } {
  if (!rows) return { pageSize: DEFAULT_PAGE, descriptions: true, hint: true };
  const lines = (text: string) => text.split('\n').length;
  const description = Math.max(0, ...choices.map((c) => (c.description ? lines(c.description) : 0)));
  // One line is kept free: the terminal scrolls when the cursor reaches the last one.
  const room = rows - lines(message) - 1;
  for (const [descriptions, hint] of [[true, true], [false, true]] as const) {
    const page = room - (hint ? SELECT_CHROME - 1 + hintLines : 0) - (descriptions ? description : 0);
    if (page >= MIN_PAGE) return { pageSize: page, descriptions, hint };
  }
  return { pageSize: Math.max(1, room), descriptions: false, hint: false };
}

/**
 * A terminal that goes away (the window closed, the SSH session dropped) ends standard input, and
 * the prompt's readline then switches raw mode off on a terminal that is no longer there: EIO,
 * thrown from an 'error' event nobody handles, which crashed the process before the case was
 * saved. Switching raw mode on a gone terminal is now a no-op, and the end of a terminal's input
 * is noted, so the prompt it ends is a hangup (exit 129, the case saved as cancelled).
 */
function survivesHangup(input: NodeJS.ReadableStream): AbortSignal {
  const tty = input as NodeJS.ReadStream & { [HANGUP_GUARD]?: AbortSignal };
  if (tty[HANGUP_GUARD]) return tty[HANGUP_GUARD];
  // Aborted (reason "SIGHUP") when the terminal's input ends.
  const ended = new AbortController();
  tty[HANGUP_GUARD] = ended.signal;
  if (tty.isTTY && typeof tty.setRawMode === 'function') {
    const setRawMode = tty.setRawMode.bind(tty);
    tty.setRawMode = (mode: boolean) => {
      try {
        return setRawMode(mode);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'EIO') return tty;
        throw err;
      }
    };
    tty.once('end', () => ended.abort('SIGHUP'));
  }
  return ended.signal;
}

const HANGUP_GUARD = Symbol('wallet-help hangup guard');

/**
 * Ctrl+C or the end of input is a cancellation, never a stack trace; the end of a terminal's input is a hangup. A prompt
 * still open when Node has nothing left to wait for (its readline closed by Ctrl+D) is ended through `closed`.
 */
async function cancellableOn<T>(ask: () => Promise<T>, hangup: AbortSignal, closed: AbortController): Promise<T> {
  const idle = () => closed.abort('EOF');
  process.once('beforeExit', idle);
  try {
    return await ask();
  } catch (err) {
    if (err instanceof Error && err.name === 'ExitPromptError') throw new CancelError(hangup.aborted ? signalExitCode('SIGHUP') : undefined);
    // Aborted by a signal (SIGTERM, SIGHUP): cancelled with the conventional 128 + signal number.
    if (err instanceof Error && err.name === 'AbortPromptError') throw new CancelError(signalExitCode((err as { cause?: unknown }).cause));
    throw err;
  } finally {
    process.off('beforeExit', idle);
  }
}
