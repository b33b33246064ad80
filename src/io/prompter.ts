/**
 * The small prompting interface commands use. The real one sits on inquirer and
 * is loaded only when a question is actually asked; tests pass a scripted one.
 */
import { CancelError } from '../errors.js';

export interface Choice<T extends string> {
  value: T;
  name: string;
  description?: string;
}

export interface SelectQuestion<T extends string> {
  message: string;
  choices: Choice<T>[];
  default?: T;
}

export interface InputQuestion {
  message: string;
  /** Whether text typed so far must not be shown (it looks like a secret): it is drawn as bullets, on the answered line too. */
  mask?: (typed: string) => boolean;
}

export interface Prompter {
  select<T extends string>(question: SelectQuestion<T>): Promise<T>;
  /** A line of free text (empty allowed). */
  input(question: InputQuestion): Promise<string>;
}

/** A prompter on inquirer, talking to the given terminal streams. */
export async function inquirerPrompter(input: NodeJS.ReadableStream, output: NodeJS.WritableStream, signal?: AbortSignal): Promise<Prompter> {
  const prompts = await import('../vendor/inquirer.js');
  const context = { input, output, clearPromptOnDone: false, ...(signal ? { signal } : {}) };
  return {
    select: (question) =>
      cancellable(() => prompts.select({ message: question.message, choices: question.choices, default: question.default, pageSize: 12, loop: false }, context)),
    input: (question) => cancellable(() => prompts.input({ message: question.message, ...(question.mask ? { transformer: masking(question.mask, prompts.styleText) } : {}) }, context)),
  };
}

/** Most bullets drawn for masked text: enough to see that typing arrived, not its length. */
const MAX_BULLETS = 12;

/** An inquirer transformer drawing masked text as bullets, and other text as inquirer does (the answer in cyan). */
function masking(mask: (typed: string) => boolean, styleText: (format: 'cyan', text: string) => string): (typed: string, state: { isFinal: boolean }) => string {
  return (typed, { isFinal }) => {
    if (mask(typed)) return '•'.repeat(Math.min(Math.max(typed.length, 4), MAX_BULLETS));
    return isFinal ? styleText('cyan', typed) : typed;
  };
}

/** Ctrl+C or the end of input is a cancellation, never a stack trace. */
async function cancellable<T>(ask: () => Promise<T>): Promise<T> {
  try {
    return await ask();
  } catch (err) {
    if (err instanceof Error && err.name === 'ExitPromptError') throw new CancelError();
    // Aborted by a signal (SIGTERM, SIGHUP): cancelled with the conventional 128 + signal number.
    if (err instanceof Error && err.name === 'AbortPromptError') throw new CancelError(signalExitCode(err));
    throw err;
  }
}

function signalExitCode(err: Error): number {
  const reason = (err as { cause?: unknown }).cause;
  return reason === 'SIGHUP' ? 129 : reason === 'SIGTERM' ? 143 : 130;
}
