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
  const io: IO = {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    now: () => new Date(),
    readFile: (path) => readFile(path),
    openRead: (path) => createReadStream(path),
    prompter: () => inquirerPrompter(process.stdin, process.stdout),
  };
  process.exitCode = await main(argv, io);
}
