/**
 * `flows validate` on many files shares them out among this thread and worker threads (the built
 * dist/check-worker.js, which `npm test` builds first) through one counter in shared memory. What
 * each thread checks depends on timing, so each test fixes it: this thread's checks are the sources'
 * own function, held up or not, and a worker can be one that never answers or one that dies.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as dataFile from '../src/flows/data-file.js';
import { checkInParallel } from '../src/flows/check-parallel.js';
import { CHECK_WORKER_SCRIPT } from '../src/paths.js';
import { ROOT } from './helpers.js';

vi.mock('../src/flows/data-file.js', async (original) => {
  const real = await original<typeof import('../src/flows/data-file.js')>();
  return { ...real, checkDataFileVerdictSync: vi.fn(real.checkDataFileVerdictSync) };
});

/** This thread's checks (the workers run the build's own). */
const checkHere = vi.mocked(dataFile.checkDataFileVerdictSync);
const real = checkHere.getMockImplementation()!;

/** A folder of `count` flows, a few of them broken in different ways; the files, in order. */
function folder(count: number): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'wallet-help-parallel-'));
  const fees = readFileSync(join(ROOT, 'flows/fees.yaml'), 'utf8');
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const file = join(dir, `gen-${i}.yaml`);
    writeFileSync(file, i === 3 ? 'id: gen-3\nquestions: [unclosed\n' : i === 11 ? fees.replace(/^id: fees$/m, 'id: gen-12') : fees.replace(/^id: fees$/m, `id: gen-${i}`));
    files.push(file);
  }
  files.push(join(dir, 'missing.yaml'));
  return files;
}

/** A stand-in for the build's worker: a boot.js whose startWorker runs `body` in the worker thread. */
function fakeWorker(body: string): string {
  const dist = mkdtempSync(join(tmpdir(), 'wallet-help-fake-dist-'));
  writeFileSync(join(dist, 'boot.js'), `exports.startWorker = () => { ${body} };\n`);
  return join(dist, 'check-worker.js');
}

/** Holds this thread up (a synchronous sleep), as a large file would. */
const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** This thread's next check is held up long enough for a worker to load and take files. */
const holdUpNext = (ms: number) =>
  checkHere.mockImplementationOnce((...args) => {
    sleep(ms);
    return real(...args);
  });

afterEach(() => {
  checkHere.mockReset();
  checkHere.mockImplementation(real);
});

describe('checking files on worker threads', () => {
  it('gives every file the verdict one thread gives it, in order, when a worker checked most of them', async () => {
    const files = folder(40);
    const alone = files.map((file) => checkHere(file, 'en', false));
    checkHere.mockClear();
    // This thread's first file takes long enough for the worker to load and take the others.
    holdUpNext(2000);
    const verdicts = await checkInParallel(files, 'en', false, CHECK_WORKER_SCRIPT, 2);
    expect(verdicts).toEqual(alone);
    expect(verdicts.filter((v) => v.problems.length > 0).map((v) => v.file.slice(v.file.lastIndexOf('/') + 1))).toEqual(['gen-3.yaml', 'gen-11.yaml', 'missing.yaml']);
    // The worker checked the rest while this thread was held up.
    expect(checkHere.mock.calls.length).toBeLessThan(files.length / 2);
  });

  it('words the verdicts of every thread in the language asked for', async () => {
    const files = folder(20);
    holdUpNext(2000);
    const verdicts = await checkInParallel(files, 'zh', false, CHECK_WORKER_SCRIPT, 2);
    expect(checkHere.mock.calls.length).toBeLessThan(files.length / 2);
    expect(verdicts.at(-1)!.problems[0]!.message).toBe(real(files.at(-1)!, 'zh', false).problems[0]!.message);
    expect(verdicts[11]!.problems[0]!.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('does not wait for a worker that has taken no file when this thread has checked them all', async () => {
    const files = folder(12);
    // A worker that loads but never takes a file nor answers: were it waited for, this would never end.
    const verdicts = await checkInParallel(files, 'en', false, fakeWorker('setInterval(() => {}, 1000);'), 2);
    expect(checkHere).toHaveBeenCalledTimes(files.length);
    expect(verdicts.map((v) => v.problems.length > 0)).toEqual(files.map((_, i) => i === 3 || i === 11 || i === files.length - 1));
  });

  it('does not fail when a worker that took no file fails while this thread checks them all', async () => {
    const files = folder(12);
    let unhandled: unknown;
    const onUnhandled = (reason: unknown) => (unhandled = reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      // A worker that fails as it loads, while this thread, held up in its first file, goes on to check them all.
      holdUpNext(1500);
      const verdicts = await checkInParallel(files, 'en', false, fakeWorker("throw new Error('broken build');"), 2);
      expect(verdicts).toHaveLength(files.length);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(unhandled).toBeUndefined();
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('fails, rather than leave files unchecked, when a worker stops before it answers', async () => {
    const files = folder(10);
    // The worker takes a file and dies with it; this thread, held up, has not reached the end.
    holdUpNext(2000);
    const dying = fakeWorker("const { workerData } = require('node:worker_threads'); Atomics.add(workerData.next, 0, 1); process.exit(3);");
    await expect(checkInParallel(files, 'en', false, dying, 2)).rejects.toThrow('a validation thread stopped early (exit code 3)');
  });
});
