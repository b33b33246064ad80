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
}

/** A prompter on inquirer, talking to the given terminal streams. */
export async function inquirerPrompter(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Promise<Prompter> {
  const { select } = await import('@inquirer/prompts');
  return {
    async select(question) {
      try {
        return await select(
          { message: question.message, choices: question.choices, default: question.default, pageSize: 12, loop: false },
          { input, output, clearPromptOnDone: false },
        );
      } catch (err) {
        // Ctrl+C or the end of input: a cancellation, never a stack trace.
        if (err instanceof Error && (err.name === 'ExitPromptError' || err.name === 'AbortPromptError')) throw new CancelError();
        throw err;
      }
    },
  };
}
