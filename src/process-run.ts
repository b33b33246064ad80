/**
 * The process adapter: real streams, signals, clock and files around `main`, for both entries
 * of the bundle (cli.ts and direct.ts).
 */
import { closeSync, constants, createReadStream, fstatSync, openSync, promises as fsp, statSync, writeSync } from 'node:fs';
import { directOutput, mayBeTerminal } from './io/direct-output.js';
import { currentFolder } from './util/current-folder.js';
import { STDIN_PATHS, type InputStream, type IO } from './io/io.js';
import { inquirerPrompter } from './io/prompter.js';
import { DataFileError, readDataFile } from './data/read-file.js';
import { ExitCode, signalExitCode } from './errors.js';

export interface RunOptions {
  /**
   * End the process as soon as the command is done, when nothing is left in flight: the
   * output was all written synchronously (no stream was built) and Node has no timer,
   * handle or request open. Otherwise Node first runs what V8 has queued, typically a
   * young-generation garbage collection it scheduled as the heap filled (~0.8 ms, 1.8 M
   * instructions of a 112 M run), for a process about to exit. The launcher asks for it;
   * the build's training runs many commands in one process and does not.
   */
  exitWhenIdle?: boolean;
}

/** Runs `main` for this process and sets its exit code (process.exit only when nothing can be cut short). */
export async function runProcess(argv: readonly string[], options: RunOptions, main: (argv: readonly string[], io: IO) => Promise<number>): Promise<void> {
  // SIGINT, SIGTERM or SIGHUP while the run waits (a prompt, a check, --answers -) ends it as cancelled
  // (one JSON document with --json; the case is saved when saving is on); whatever is not waiting gets two
  // seconds to finish before the process ends, and a second signal ends it at once. The handlers are set
  // when something first takes the signal: a run that only prints needs none.
  let stop: AbortController | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    // A signal means stop, even if something is still running.
    // eslint-disable-next-line no-restricted-syntax
    if (stop?.signal.aborted && endsAtOnce(stop.signal.reason, signal)) process.exit(signalExitCode(signal));
    stop?.abort(signal);
    // eslint-disable-next-line no-restricted-syntax
    setTimeout(() => process.exit(signalExitCode(signal)), 2000).unref();
  };
  const stopSignal = () => {
    if (!stop) {
      stop = new AbortController();
      for (const signal of STOP_SIGNALS) process.on(signal, onSignal);
    }
    return stop.signal;
  };
  // How a failure of standard output found after a write returned is said: main gives it (in the run's language, JSON with --json).
  let sayOutputFailure = (reason: string) => `wallet-help: could not write the output (${reason})\n`;
  // What a run prints goes straight to the descriptor until something needs the stream (see direct-output.ts).
  const stdout = directOutput({
    fd: 1,
    stream: () => quietOnEpipe(process.stdout, (reason) => sayOutputFailure(reason)),
    onClosed: () => {
      process.exitCode ??= 0;
    },
  });
  // Standard input is built on first read. Whether it is a terminal is asked of the descriptor first:
  // building process.stdin to learn that a pipe or a file is not one costs a run several milliseconds.
  let stdinTerminal: boolean | undefined;
  const stdin: InputStream = {
    get isTTY() {
      return (stdinTerminal ??= mayBeTerminal(0) && process.stdin.isTTY === true);
    },
    // A folder given as standard input (`< /some/dir`) reads as nothing in Node: said as a folder, as one named is
    // (QA: robustness review; a batch answered "0 lines, 0 failed" and exit 0).
    [Symbol.asyncIterator]: () => (stdinIsFolder() ? failing(Object.assign(new Error('standard input is a folder'), { code: 'EISDIR' })) : process.stdin)[Symbol.asyncIterator](),
  };
  let stderrBuilt = false;
  const io: IO = {
    stdin,
    stdout,
    get stderr() {
      stderrBuilt = true;
      return quietOnEpipe(process.stderr, (reason) => sayOutputFailure(reason));
    },
    ...processWorld(stopSignal),
    get signal() {
      return stopSignal();
    },
    // A terminal that cannot move its cursor is asked line by line (see line-prompter.ts).
    prompter: async () => (process.env.TERM === 'dumb' ? (await import('./io/line-prompter.js')).linePrompter : inquirerPrompter)(process.stdin, stdout.stream(), stopSignal()),
    sayOutputFailure: (say) => {
      sayOutputFailure = say;
    },
  };
  process.exitCode = await main(argv, io);
  if (stop) for (const signal of STOP_SIGNALS) process.off(signal, onSignal);
  // After a hangup, or any cancellation (a terminal that went away may have been taken for Ctrl+D: QA, dumb terminals).
  if (process.exitCode === 129 || process.exitCode === 130) await releaseClosedTerminal();
  if (options.exitWhenIdle && !stdout.streamBuilt && !stderrBuilt && process.getActiveResourcesInfo().length === 0) {
    // Nothing is in flight, so nothing can be cut short (see RunOptions).
    // eslint-disable-next-line no-restricted-syntax
    process.exit();
  }
}

const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Whether a signal that comes once the run was told to stop (`first`, the reason it was stopped for) ends it at once.
 * A second Ctrl+C or SIGTERM does. A hangup after a hangup does not: a closed terminal sends one to the program and
 * its shell passes its own on (bash does to its jobs), nobody asking twice, and ending at the second lost the case
 * being saved as cancelled, at random. The two seconds given after the first signal still bound the run.
 */
export function endsAtOnce(first: unknown, next: NodeJS.Signals): boolean {
  return !(first === 'SIGHUP' && next === 'SIGHUP');
}

/**
 * After a hangup: standard input, output and error that were a terminal now gone are pointed at
 * /dev/null. On exit, Node 20 sets back the terminal modes it found at start and aborts the process
 * (an assertion, exit 134) when the terminal is no longer there; a descriptor that now names
 * another file is left alone.
 */
async function releaseClosedTerminal(): Promise<void> {
  const { isatty } = await import('node:tty');
  for (const fd of [0, 1, 2]) {
    try {
      const stat = fstatSync(fd);
      // /dev/null itself is a character device that is no terminal: nothing to do.
      if (!stat.isCharacterDevice() || isatty(fd) || stat.rdev === statSync('/dev/null').rdev) continue;
      closeSync(fd);
      // The lowest free descriptor: the one just closed.
      openSync('/dev/null', fd === 0 ? 'r' : 'w');
    } catch {
      // Not there any more, or not ours to change: nothing to do.
    }
  }
}


/** Input that fails at its first read, as a stream that cannot be opened does. */
function failing(err: Error): InputStream {
  return { [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(err) }) };
}

/**
 * This process's environment, folder, clock and files, as every command sees them; `stopSignal`, the run's stop signal,
 * ends a wait for a pipe's writer.
 */
export function processWorld(stopSignal?: () => AbortSignal): Pick<IO, 'env' | 'cwd' | 'now' | 'readFile' | 'openRead' | 'isPipe' | 'isFile'> {
  return {
    env: process.env,
    cwd: currentFolder(process.env),
    now: () => new Date(),
    readFile: (path) => readDataFile(path),
    openRead: (path) => {
      // A device (/dev/zero, /dev/urandom) would be read for ever: refused, as --answers refuses one (QA: scripts). Files
      // and pipes are read; /dev/stdin, whatever it is, is standard input.
      if (!STDIN_PATHS.includes(path)) {
        try {
          const info = statSync(path);
          // (/dev/null is the empty input scripts give: read, as nothing.)
          const device = (info.isCharacterDevice() && info.rdev !== statSync('/dev/null').rdev) || info.isBlockDevice() || info.isSocket();
          if (device) return failing(new DataFileError('ENOTREG'));
          if (info.isFIFO()) return readPipe(path, stopSignal?.());
        } catch {
          // Not there, or not ours to look at: reading it says why.
        }
      }
      return createReadStream(path);
    },
    isPipe: (path) => fsp.stat(path).then((stats) => stats.isFIFO(), () => false),
    isFile: (path) => fsp.stat(path).then((stats) => stats.isFile() || stats.isFIFO(), () => false),
  };
}

/** Whether standard input is a folder (`< /some/dir`). */
function stdinIsFolder(): boolean {
  try {
    return fstatSync(0).isDirectory();
  } catch {
    return false;
  }
}

/**
 * A pipe named by its path (`--answers <(…)`, a `mkfifo` pipe), read without blocking: through Node's own pipe handle
 * (epoll), never a thread of the pool. A blocking open or read there waits for a writer in a pool thread, and a process
 * holding such a thread cannot end: Ctrl+C or SIGTERM said "Cancelled." and the run went on waiting (QA: robustness
 * review). Opened without blocking, a named pipe reports its end only once a writer has come and gone (Linux keeps the
 * hangup back until it has seen one), and a shell's `<(…)` once its command has ended, output or none.
 */
async function* readPipe(path: string, signal?: AbortSignal): AsyncGenerator<Uint8Array> {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  const { Socket } = await import('node:net');
  // The socket owns the descriptor, and closes it.
  const socket = new Socket({ fd, readable: true, writable: false });
  // Stopped (Ctrl+C, SIGTERM) while it waits: nothing is left to keep the process from ending.
  signal?.addEventListener('abort', () => socket.destroy(), { once: true });
  for await (const chunk of socket) yield chunk as Buffer;
}

const watched = new WeakSet<NodeJS.WriteStream>();

/** A reader that goes away (`| head -1`) is not an error: stop writing, quietly. Another failure is said with `say`. */
function quietOnEpipe(stream: NodeJS.WriteStream, say: (reason: string) => string): NodeJS.WriteStream {
  if (watched.has(stream)) return stream;
  watched.add(stream);
  stream.on('error', (err: NodeJS.ErrnoException) => {
    stream.destroy();
    // The reader went away: a closed pipe, or a terminal that was closed (EIO).
    if (err.code === 'EPIPE' || (err.code === 'EIO' && stream.isTTY)) {
      process.exitCode ??= 0;
      return;
    }
    // Any other failure (a terminal gone wrong, a full disk) ends the run with EX_IOERR, said on standard
    // error when that is not the stream that failed, as main says a failed direct write.
    process.exitCode = ExitCode.output;
    if (stream !== process.stderr) {
      try {
        writeSync(2, say(err.code ?? err.message));
      } catch {
        // Nowhere left to say it.
      }
    }
  });
  return stream;
}
