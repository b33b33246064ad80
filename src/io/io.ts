/**
 * Everything a command touches in the outside world, in one injected object, so
 * tests run commands with in-memory streams, a fixed clock and a scripted prompter.
 */
import { CancelError, signalExitCode } from '../errors.js';
import type { Prompter } from './prompter.js';

export interface OutputStream {
  /** Text, or UTF-8 bytes. Returns false when the stream wants the writer to wait for 'drain'. */
  write(chunk: string | Uint8Array): unknown;
  once?(event: 'drain' | 'close', listener: () => void): unknown;
  off?(event: 'drain' | 'close', listener: () => void): unknown;
  /** True once nothing more can be written (the reader went away: a closed pipe, `| head -1`). */
  readonly closed?: boolean;
  isTTY?: boolean;
  columns?: number;
}

export interface InputStream extends AsyncIterable<Uint8Array | string> {
  isTTY?: boolean;
}

export interface IO {
  stdin: InputStream;
  stdout: OutputStream;
  stderr: OutputStream;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  /** The clock; commands never read the time any other way. */
  now(): Date;
  readFile(path: string): Promise<Uint8Array>;
  /** A file as a stream, for input too large to hold at once (batch mode). */
  openRead(path: string): InputStream;
  /**
   * Whether a path names a pipe (a named pipe, or `<(…)` of a shell), asked without opening it: opening a named pipe
   * to look, then again to read, would lose what a writer put in it between the two.
   */
  isPipe(path: string): Promise<boolean>;
  /** Whether a path names something there to read: a file or a pipe (asked without opening it, as isPipe is). */
  isFile(path: string): Promise<boolean>;
  /** Aborted when the process is told to stop (SIGINT, SIGTERM, SIGHUP), with the signal's name as the reason: running checks and prompts end. */
  signal?: AbortSignal;
  /** The prompter, created on first use (it loads inquirer, which start-up should not pay for). */
  prompter(): Promise<Prompter>;
  /**
   * Tells the process adapter how to say that standard output failed (a full disk), for a failure found only after a
   * write returned (a built stream reports its errors later). `main` gives it once it knows the run's language and
   * whether the run speaks JSON, so the failure is said as one that a write reports at once is.
   */
  sayOutputFailure?(say: (reason: string) => string): void;
}

/** Paths that name this process's standard input, read as `-` is. */
export const STDIN_PATHS: readonly string[] = ['/dev/stdin', '/dev/fd/0', '/proc/self/fd/0'];

/** An input file as messages name it: standard input, given as "-", is "(stdin)". */
export function shownSource(file: string): string {
  return file === '-' ? '(stdin)' : file;
}

/** True when a question can be asked: stdin and stdout are terminals and prompting is not turned off. */
export function canPrompt(io: IO, opts: { input: boolean; json: boolean }): boolean {
  return opts.input && !opts.json && io.stdin.isTTY === true && io.stdout.isTTY === true;
}

/**
 * Whether to colour a stream. chalk alone ignores NO_COLOR, so the decision is
 * made here: an explicit flag wins, then NO_COLOR, TERM=dumb and FORCE_COLOR,
 * then the settings file (always or never), then whether the stream is a terminal.
 */
export function colorEnabled(stream: OutputStream, env: IO['env'], flag: boolean | undefined, configured?: boolean): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR) return false;
  if (env.TERM === 'dumb') return false;
  // Set to nothing (a CI template's FORCE_COLOR=$FORCE_COLOR), it is not set, as NO_COLOR set to nothing is not (force-color.org).
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '') return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  if (configured !== undefined) return configured;
  return stream.isTTY === true;
}

/**
 * Reads a whole input stream (standard input for `--answers -`). A signal
 * (SIGINT, SIGTERM, SIGHUP) while it waits ends the read with a CancelError, so the run
 * still reports, in one JSON document with --json, instead of dying silently.
 */
export async function readAll(stream: InputStream, limit: number, signal?: AbortSignal): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of untilStopped(stream, signal)) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk);
    size += buf.byteLength;
    chunks.push(buf);
    // Stop reading early: the caller reports the size problem.
    if (size > limit) break;
  }
  return Buffer.concat(chunks);
}

/**
 * The chunks of an input stream, until its end or until a stop signal (`signal`, see IO.signal) comes
 * while it waits: that ends the reading with a CancelError. Leaving the loop early ends the stream
 * (standard input stops holding the process open).
 */
export async function* untilStopped<T>(stream: AsyncIterable<T>, signal: AbortSignal | undefined): AsyncGenerator<T> {
  const iterator = stream[Symbol.asyncIterator]();
  try {
    for (;;) {
      const next = await (signal ? nextUnlessStopped(iterator, signal) : iterator.next());
      if (next.done) return;
      yield next.value;
    }
  } finally {
    iterator.return?.()?.catch(() => undefined);
  }
}

/**
 * The iterator's next item, or a CancelError when the signal comes first. The signal is listened
 * to for this one wait only. Racing every wait against one promise that lasts the whole read
 * (Promise.race) leaves a reaction on that promise per wait, and each reaction keeps the chunk it
 * settled with: a batch fed 1 GB held all of it.
 */
function nextUnlessStopped<T>(iterator: AsyncIterator<T>, signal: AbortSignal): Promise<IteratorResult<T>> {
  if (signal.aborted) return Promise.reject(new CancelError(signalExitCode(signal.reason)));
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(new CancelError(signalExitCode(signal.reason)));
    signal.addEventListener('abort', onAbort, { once: true });
    iterator.next().then(
      (next) => {
        signal.removeEventListener('abort', onAbort);
        resolve(next);
      },
      (err: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(err);
      },
    );
  });
}
