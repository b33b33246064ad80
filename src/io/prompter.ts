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

export interface Prompter {
  select<T extends string>(question: SelectQuestion<T>): Promise<T>;
  /** A line of free text (empty allowed). */
  input(question: { message: string }): Promise<string>;
}

/** A prompter on inquirer, talking to the given terminal streams. */
export async function inquirerPrompter(input: NodeJS.ReadableStream, output: NodeJS.WritableStream, signal?: AbortSignal): Promise<Prompter> {
  const prompts = await import('../vendor/inquirer.js');
  const context = { input, output, clearPromptOnDone: false, ...(signal ? { signal } : {}) };
  return {
    select: (question) =>
      cancellable(() => prompts.select({ message: question.message, choices: question.choices, default: question.default, pageSize: 12, loop: false }, context)),
    input: (question) => cancellable(() => prompts.input({ message: question.message }, context)),
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
