/** Standard output written straight to the descriptor, moving to the real stream when one is needed. */
import { closeSync, mkdtempSync, openSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { OutputError } from '../src/errors.js';
import { directOutput, mayBeTerminal } from '../src/io/direct-output.js';

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(code), { code });
}

/** A fake descriptor: `plan` says what each write call does (bytes taken, or an error code). */
function setup(plan: (number | 'all' | string)[] = [], terminal = true) {
  const fd: Buffer[] = [];
  const streamed: string[] = [];
  let streamsMade = 0;
  let closed = 0;
  const stream = Object.assign(new PassThrough(), { isTTY: true, columns: 77 });
  stream.on('data', (d: Buffer) => streamed.push(d.toString()));
  const out = directOutput({
    fd: 1,
    stream: () => {
      streamsMade++;
      return stream as unknown as NodeJS.WriteStream;
    },
    onClosed: () => closed++,
    mayBeTerminal: () => terminal,
    write: (_fd, data) => {
      const bytes = Buffer.from(data);
      const step = plan.shift() ?? 'all';
      if (typeof step === 'string' && step !== 'all') throw errno(step);
      const n = step === 'all' ? bytes.length : step;
      fd.push(bytes.subarray(0, n));
      return n;
    },
  });
  return { out, fd: () => Buffer.concat(fd).toString(), streamed: () => streamed.join(''), streamsMade: () => streamsMade, closed: () => closed, stream };
}

describe('direct standard output', () => {
  it('writes to the descriptor and never builds the stream when nothing needs it', () => {
    const s = setup();
    expect(s.out.write('{"a": 1}\n')).toBe(true);
    expect(s.out.streamBuilt).toBe(false);
    s.out.write('second\n');
    expect(s.fd()).toBe('{"a": 1}\nsecond\n');
    expect(s.streamsMade()).toBe(0);
  });

  it('finishes a partial write, also when it cuts a character in two', () => {
    // "付款" is 6 bytes; the first write takes 4 of them, the next 1.
    const s = setup([4, 1]);
    s.out.write('付款 ok\n');
    expect(s.fd()).toBe('付款 ok\n');
  });

  it('writes bytes as they are, partial writes and a move to the stream included', async () => {
    // The descriptor takes the first character's 3 bytes; the rest goes to the stream.
    const s = setup([3, 'EAGAIN']);
    s.out.write(Buffer.from('付款\n'));
    s.out.write(new TextEncoder().encode('ok\n'));
    await new Promise((r) => setImmediate(r));
    expect(s.fd()).toBe('付');
    expect(s.streamed()).toBe('款\nok\n');
    expect(s.streamsMade()).toBe(1);
  });

  it('moves to the stream for good when the descriptor would block, keeping the order', async () => {
    const s = setup([3, 'EAGAIN']);
    s.out.write('abcdef');
    s.out.write('ghi');
    await new Promise((r) => setImmediate(r));
    expect(s.fd()).toBe('abc');
    expect(s.streamed()).toBe('defghi');
    expect(s.streamsMade()).toBe(1);
  });

  it('stops quietly when the reader goes away', () => {
    const s = setup(['EPIPE']);
    expect(s.out.write('lost\n')).toBe(true);
    s.out.write('also lost\n');
    expect(s.closed()).toBe(1);
    expect(s.fd()).toBe('');
    // Said closed to a writer that asks (a batch stops reading), even once the stream is built for something else (review).
    expect(s.out.closed).toBe(true);
    s.out.once!('drain', () => undefined);
    expect(s.streamsMade()).toBe(1);
    expect(s.out.closed).toBe(true);
  });

  it('is not closed while its reader reads, and is once the stream it moved to fails', () => {
    const s = setup();
    s.out.write('x');
    expect(s.out.closed).toBe(false);
    s.out.once!('drain', () => undefined);
    expect(s.out.closed).toBe(false);
    s.stream.destroy();
    expect(s.out.closed).toBe(true);
  });

  it('turns any other write error into an OutputError naming it, and writes nothing more', () => {
    const s = setup(['ENOSPC']);
    let thrown: unknown;
    try {
      s.out.write('x');
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(OutputError);
    expect(thrown).toMatchObject({ code: 'output_failed', exitCode: 74, reason: 'ENOSPC' });
    expect(s.out.write('more')).toBe(true);
    expect(s.fd()).toBe('');
  });

  it('answers "not a terminal" without building the stream when the descriptor cannot be one', () => {
    const s = setup([], false);
    expect(s.out.isTTY).toBe(false);
    expect(s.out.columns).toBeUndefined();
    s.out.write('still direct\n');
    expect(s.streamsMade()).toBe(0);
    expect(s.fd()).toBe('still direct\n');
  });

  it('tells files, pipes and /dev/null from what may be a terminal', () => {
    const file = openSync(join(mkdtempSync(join(tmpdir(), 'wh-fd-')), 'out'), 'w');
    const devNull = openSync('/dev/null', 'w');
    try {
      expect(mayBeTerminal(file)).toBe(false);
      expect(mayBeTerminal(devNull)).toBe(false);
      // A descriptor that is not open: the stream decides (and reports the error).
      expect(mayBeTerminal(987654)).toBe(true);
    } finally {
      closeSync(file);
      closeSync(devNull);
    }
  });

  it('asks the stream whether it is a terminal and how wide, and writes there from then on', async () => {
    const s = setup();
    s.out.write('before\n');
    expect(s.out.isTTY).toBe(true);
    expect(s.out.columns).toBe(77);
    s.out.write('after\n');
    await new Promise((r) => setImmediate(r));
    expect(s.fd()).toBe('before\n');
    expect(s.streamed()).toBe('after\n');
    expect(s.out.stream()).toBe(s.stream);
    expect(s.out.streamBuilt).toBe(true);
  });
});
