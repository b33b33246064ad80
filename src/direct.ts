/**
 * The bundle's entry for the command lines scripts and agents send most, run without commander:
 * plain diagnose lines (`wallet-help diagnose payment-failed --network offline --json`, read by
 * commands/diagnose/command-line.ts) and the program's help for a file or a pipe (rendered by
 * the build, see plain-help.ts). A run then loads neither commander nor the program's
 * declaration, which the CLI's entry (cli.ts) holds. The launcher starts here for such lines
 * (entryOf in src/boot.ts); any other line goes to cli.ts as it is.
 */
import { readDiagnoseLine } from './commands/diagnose/command-line.js';
import { mayBeTerminal } from './io/direct-output.js';
import { main } from './main.js';
import { isPlainHelp } from './plain-help.js';
import { runProcess, type RunOptions } from './process-run.js';
import './core.js';

/** Runs a plain diagnose line, or plain help for a file or a pipe, for this process; hands any other line to the CLI's entry. */
export async function run(argv: readonly string[] = process.argv.slice(2), options: RunOptions = {}): Promise<void> {
  if (!readDiagnoseLine(argv) && !(isPlainHelp(argv) && !mayBeTerminal(1))) return (await import('./cli.js')).run(argv, options);
  return runProcess(argv, options, (line, io) => main(line, io));
}
