/** The process adapter: real streams, clock and files around `main`. This is the bundle's entry. */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { IO } from './io/io.js';
import { inquirerPrompter } from './io/prompter.js';
import { main } from './main.js';

/** Runs the CLI for this process and sets its exit code (never process.exit: piped output must flush). */
export async function run(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  // A reader that goes away (`| head -1`) is not an error: stop writing, quietly.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') {
        process.exitCode ??= 0;
        stream.destroy();
        return;
      }
      throw err;
    });
  }
  // SIGTERM or SIGHUP during a prompt ends the run like Ctrl+C does (the case is saved when saving is on);
  // whatever is not waiting for the user gets two seconds to finish before the process ends.
  const stop = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    stop.abort(signal);
    // The one process.exit: a signal means stop, even if something is still running.
    // eslint-disable-next-line no-restricted-syntax
    setTimeout(() => process.exit(signal === 'SIGHUP' ? 129 : 143), 2000).unref();
  };
  process.on('SIGTERM', onSignal).on('SIGHUP', onSignal);
  const io: IO = {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    now: () => new Date(),
    readFile: (path) => readFile(path),
    openRead: (path) => createReadStream(path),
    signal: stop.signal,
    prompter: () => inquirerPrompter(process.stdin, process.stdout, stop.signal),
  };
  process.exitCode = await main(argv, io);
  process.off('SIGTERM', onSignal).off('SIGHUP', onSignal);
}
