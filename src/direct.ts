/**
 * The bundle's entry for plain diagnose lines, what scripts send many times a minute
 * (`wallet-help diagnose payment-failed --network offline --json`): read without commander
 * (commands/diagnose/command-line.ts), so a run loads neither commander nor the program's
 * declaration, which the CLI's entry (cli.ts) holds. The launcher starts here when a command
 * line is of that kind (profileOf in src/boot.ts); any other line goes to cli.ts as it is.
 */
import { readDiagnoseLine } from './commands/diagnose/command-line.js';
import { main } from './main.js';
import { runProcess, type RunOptions } from './process-run.js';
import './core.js';

/** Runs a plain diagnose line for this process, or hands the line to the CLI's entry. */
export async function run(argv: readonly string[] = process.argv.slice(2), options: RunOptions = {}): Promise<void> {
  if (!readDiagnoseLine(argv)) return (await import('./cli.js')).run(argv, options);
  return runProcess(argv, options, (line, io) => main(line, io));
}
