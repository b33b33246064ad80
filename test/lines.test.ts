/** Reading input a chunk at a time (batch lines, --answers -) keeps nothing it has passed on. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { untilStopped } from '../src/io/io.js';
import { readLines, TOO_LONG, type Line } from '../src/io/lines.js';
import { ROOT } from './helpers.js';

setFlagsFromString('--expose-gc');
const fullGc = runInNewContext('gc') as () => void;
/**
 * A full garbage collection, so that a WeakRef tells whether anything still holds its object. A WeakRef
 * keeps its object until the task that made it ends: the collection waits for the next turn of the loop.
 */
const gc = async () => {
  await new Promise((done) => setImmediate(done));
  fullGc();
};

/** Chunks of bytes, each watched by a WeakRef, made only as they are asked for. */
function watchedChunks(parts: readonly string[]): { stream: AsyncIterable<Uint8Array>; refs: WeakRef<Uint8Array>[] } {
  const refs: WeakRef<Uint8Array>[] = [];
  async function* stream() {
    for (const part of parts) {
      const chunk = Buffer.from(part);
      refs.push(new WeakRef(chunk));
      yield chunk;
    }
  }
  return { stream: stream(), refs };
}

const alive = (refs: readonly WeakRef<object>[]) => refs.filter((r) => r.deref() !== undefined).length;

describe('untilStopped', () => {
  it('lets go of each chunk once the next is asked for, while it listens for a stop signal', async () => {
    // It raced every wait against one promise that lasted the whole read: each race left a reaction holding its chunk (QA: a 1 GB batch line held 1.1 GB).
    const { stream, refs } = watchedChunks(Array.from({ length: 200 }, (_, i) => `chunk ${i} `.repeat(100)));
    const signal = new AbortController().signal;
    let seen = 0;
    let heldAtEnd = Infinity;
    for await (const chunk of untilStopped(stream, signal)) {
      expect(chunk.length).toBeGreaterThan(0);
      if (++seen === 200) {
        await gc();
        heldAtEnd = alive(refs);
      }
    }
    expect(seen).toBe(200);
    // The chunk in hand, and at most the one before it.
    expect(heldAtEnd).toBeLessThanOrEqual(2);
  });
});

describe('readLines', () => {
  const read = async (stream: AsyncIterable<Uint8Array>, maxLine: number, onLines?: () => void) => {
    const out: Line[] = [];
    for await (const lines of readLines(stream, maxLine, new AbortController().signal)) {
      out.push(...lines);
      onLines?.();
    }
    return out;
  };

  it('drops a line longer than the limit as it streams by, keeping at most the limit of it, and reads on', async () => {
    // 2,000 chunks of 100 bytes, no newline: a 200 kB line against a 1 kB limit.
    const parts = [...Array.from({ length: 2000 }, () => 'a'.repeat(100)), 'a\n{"flow":"fees"}\r\n', 'short'];
    const { stream, refs } = watchedChunks(parts);
    let most = 0;
    const watching = (async function* () {
      for await (const chunk of stream) {
        if (refs.length % 100 === 0) {
          await gc();
          most = Math.max(most, alive(refs));
        }
        yield chunk;
      }
    })();
    const lines = await read(watching, 1000);
    expect(lines).toEqual([TOO_LONG, '{"flow":"fees"}', 'short']);
    // The limit's worth of 100-byte chunks (with the chunk in hand), never the line.
    expect(most).toBeLessThanOrEqual(13);
  });

  it('takes a line exactly at the limit, also with CRLF, also split over chunks; one byte more is too long', async () => {
    const exact = 'b'.repeat(1000);
    expect(await read(watchedChunks([exact.slice(0, 400), exact.slice(400), '\r', '\n']).stream, 1000)).toEqual([exact]);
    expect(await read(watchedChunks([`${exact}\r\n`, `${exact}b\n`, exact.slice(0, 600), `${exact.slice(600)}b`]).stream, 1000)).toEqual([exact, TOO_LONG, TOO_LONG]);
  });

  it('reports where a line stops being UTF-8, however its bytes were split', async () => {
    const bytes = Buffer.concat([Buffer.from('{"flow":"费'), Buffer.from([0xff]), Buffer.from('"}\n')]);
    async function* split() {
      for (let i = 0; i < bytes.length; i++) yield bytes.subarray(i, i + 1);
    }
    expect(await read(split(), 1000)).toEqual([{ badUtf8At: 11 }]);
  });
});

describe('diagnose --batch memory', () => {
  it('stays flat on a line of hundreds of megabytes, and answers the line after it', async () => {
    // The QA run: a 1 GB line peaked at 1.1 GB. Peak memory (not time) of the real process, on 256 MB of input.
    const child = spawn(process.execPath, ['--import', join(ROOT, 'bench/rss.mjs'), join(ROOT, 'bin/wallet-help.js'), 'diagnose', '--batch'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    const block = Buffer.alloc(1024 * 1024, 'a');
    for (let i = 0; i < 256; i++) if (!child.stdin.write(block)) await new Promise((done) => child.stdin.once('drain', done));
    child.stdin.end('\n{"id":2,"flow":"fees","answers":{"fee-type":"hotline"}}\n');
    const code = await new Promise((done) => child.on('close', done));
    expect(code).toBe(1);
    const [first, second] = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(first).toEqual({ line: 1, error: { code: 'invalid_line', message: 'The line is longer than 1 MB.' } });
    expect(second).toMatchObject({ id: 2, outcome: { id: 'fix-call-costs' } });
    const peakKb = Number(/@@maxrss (\d+)/.exec(stderr)?.[1]);
    expect(peakKb).toBeGreaterThan(0);
    expect(peakKb / 1024).toBeLessThan(160);
  }, 60_000);
});
