/**
 * Standard output without a stream until one is needed. Building process.stdout
 * loads Node's whole streams machinery, a good part of the start-up time of a run
 * that prints one JSON document. On Linux, process.stdout writes synchronously to
 * files, pipes and terminals alike, so writing to the descriptor directly is the
 * same thing, done cheaply. As soon as anything needs the stream itself (whether
 * a possible terminal is one, its width, waiting for 'drain', a full non-blocking
 * pipe), output moves to it for good, so nothing is ever written out of order.
 */
import { fstatSync, statSync, writeSync } from 'node:fs';
import { OutputError } from '../errors.js';
import type { OutputStream } from './io.js';

export interface DirectOutputOptions {
  fd: number;
  /** The real stream (process.stdout), created on first use. */
  stream: () => NodeJS.WriteStream;
  /** The reader went away (EPIPE): later output is dropped. */
  onClosed: () => void;
  /** fs.writeSync, replaceable in tests. */
  write?: (fd: number, data: string | Uint8Array) => number;
  /** Whether the descriptor may be a terminal (mayBeTerminal), replaceable in tests. */
  mayBeTerminal?: (fd: number) => boolean;
}

/**
 * Whether a descriptor may be a terminal, without building a stream: a file, a pipe,
 * a socket or /dev/null is not. Only a character device other than /dev/null may be
 * (the stream then says for sure). Help asks for the width, colour for isTTY, and a
 * run whose output goes to a file or a pipe should not pay for streams to learn "no".
 */
export function mayBeTerminal(fd: number): boolean {
  try {
    const stat = fstatSync(fd);
    return stat.isCharacterDevice() && stat.rdev !== statSync('/dev/null').rdev;
  } catch {
    return true;
  }
}

export interface DirectOutput extends OutputStream {
  /** The real stream, for code that needs one (a prompt library); output moves to it from now on. */
  stream(): NodeJS.WriteStream;
  /** Whether the real stream was built: until then every byte was written before write() returned. */
  readonly streamBuilt: boolean;
}

export function directOutput(options: DirectOutputOptions): DirectOutput {
  const write = options.write ?? ((fd, data) => (typeof data === 'string' ? writeSync(fd, data) : writeSync(fd, data)));
  let real: NodeJS.WriteStream | undefined;
  let closed = false;
  let terminal: boolean | undefined;
  const stream = () => (real ??= options.stream());
  // The stream is built to ask about the terminal only when the descriptor may be one.
  const asksStream = () => real !== undefined || (terminal ??= (options.mayBeTerminal ?? mayBeTerminal)(options.fd));

  return {
    stream,
    get streamBuilt() {
      return real !== undefined;
    },
    write(chunk: string | Uint8Array): boolean {
      if (real) return real.write(chunk);
      if (closed) return true;
      let rest: string | Uint8Array = chunk;
      try {
        for (;;) {
          const size = typeof rest === 'string' ? Buffer.byteLength(rest) : rest.length;
          const written = write(options.fd, rest);
          if (written >= size) return true;
          // A partial write (a signal, a nearly full pipe): the rest, as bytes.
          rest = (typeof rest === 'string' ? Buffer.from(rest) : rest).subarray(written);
        }
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'EAGAIN') return stream().write(rest);
        // Nothing more can be written: later output is dropped, and the run ends with the reason.
        closed = true;
        if (code === 'EPIPE') {
          options.onClosed();
          return true;
        }
        throw new OutputError(code ?? (err as Error).message);
      }
    },
    once(event: 'drain' | 'close', listener: () => void) {
      return stream().once(event, listener);
    },
    off(event: 'drain' | 'close', listener: () => void) {
      return real?.off(event, listener);
    },
    get closed() {
      // A direct write that found the reader gone, or a stream that failed since (destroyed, process-run.ts).
      return closed || (real?.destroyed ?? false);
    },
    get isTTY() {
      return asksStream() ? stream().isTTY : false;
    },
    get columns() {
      return asksStream() ? stream().columns : undefined;
    },
  };
}
