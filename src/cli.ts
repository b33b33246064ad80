/**
 * The CLI's entry: every command line, with commander (program.ts) loaded. main still reads a plain
 * diagnose line itself (command-line.ts) and gives commander the rest. Such lines, and the
 * program's help for a file or a pipe, usually start from the other entry, direct.ts, which holds
 * no commander (the launcher chooses; see entryOf in src/boot.ts) and hands this one any other line.
 */
import { commanderReader } from './program.js';
import type { Lang } from './engine/types.js';
import type { IO } from './io/io.js';
import { inquirerPrompter } from './io/prompter.js';
import { main } from './main.js';
import { processWorld, runProcess, type RunOptions } from './process-run.js';

export type { RunOptions } from './process-run.js';

/** Runs the CLI for this process and sets its exit code (process.exit only when nothing can be cut short). */
export function run(argv: readonly string[] = process.argv.slice(2), options: RunOptions = {}): Promise<void> {
  return runProcess(argv, options, (line, io) => main(line, io, { commander: commanderReader }));
}

/**
 * The build's rehearsal of an interactive session (see train in boot.ts). The code cache
 * holds only code that ran while it was made, and the commands the build runs print
 * without asking anything, so the prompt library and the interactive path would be
 * compiled afresh at every interactive start. This walks `wallet-help diagnose` through a
 * pretend terminal, taking the first answer at every question, output thrown away. It is
 * never part of a user's run. Returns the exit code.
 */
export async function rehearse(lang: Lang): Promise<number> {
  const { PassThrough, Writable } = await import('node:stream');
  const keyboard = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => keyboard });
  const screen = () => Object.assign(new Writable({ write: (_chunk, _encoding, done) => done() }), { isTTY: true, columns: 80, rows: 24 });
  const stdout = screen();
  const io: IO = {
    stdin: keyboard,
    stdout,
    stderr: screen(),
    ...processWorld(),
    prompter: () => inquirerPrompter(keyboard, stdout),
  };
  // Enter, again and again: the first problem of the menu, then the first answer of each question.
  const keys = setInterval(() => keyboard.write('\r'), 5);
  try {
    return await main(['--lang', lang, 'diagnose', '--no-checks'], io, { commander: commanderReader });
  } finally {
    clearInterval(keys);
  }
}
