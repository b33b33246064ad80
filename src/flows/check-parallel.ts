/**
 * Checking many data files on every core. Parsing and validating is CPU work,
 * so a large folder is shared out among this thread and worker threads
 * (dist/check-worker.js), one a core, a small batch at a time, each asking for
 * more as it finishes; the verdicts come back in the order of the files. This
 * thread starts on the files at once, while the workers are still loading.
 * Used by the bundled CLI only; small jobs, one core and the tests on the
 * sources check in-process.
 */
import { availableParallelism } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Lang } from '../engine/types.js';
import { checkDataFileVerdictSync, type FileVerdict } from './data-file.js';
import type { WorkerReply, WorkerRequest, WorkerSetup } from './check-worker.js';
import '../core.js';

/** Files a worker is handed at a time: enough to keep it busy between messages. */
const BATCH = 4;

/** Batches a worker holds at once: the next one is there when it finishes, while this thread is busy with a file of its own. */
const AHEAD = 2;

export async function checkInParallel(files: readonly string[], lang: Lang, requireAgent: boolean, script: string, threads = availableParallelism()): Promise<FileVerdict[]> {
  const verdicts: FileVerdict[] = new Array<FileVerdict>(files.length);
  let next = 0;
  const take = (): WorkerRequest => {
    const batch: WorkerRequest = [];
    while (batch.length < BATCH && next < files.length) batch.push({ index: next, file: files[next++]! });
    return batch;
  };
  const setup: WorkerSetup = { lang, requireAgent };
  const count = Math.max(1, Math.min(threads - 1, Math.ceil(files.length / (BATCH * 4))));
  // Through the launcher's loader (boot.js), which hands V8 the build's code cache.
  const boot = JSON.stringify(join(dirname(script), 'boot.js'));
  const workers = Array.from({ length: count }, () => {
    const worker = new Worker(`require(${boot}).startWorker(${JSON.stringify(basename(script))})`, { eval: true, workerData: setup });
    return new Promise<void>((resolve, reject) => {
      let pending = 0;
      let finished = false;
      const send = () => {
        const batch = take();
        if (batch.length > 0) {
          pending++;
          worker.postMessage(batch);
        } else if (pending === 0 && !finished) {
          finished = true;
          void worker.terminate().then(() => resolve());
        }
      };
      worker.on('message', (reply: WorkerReply) => {
        pending--;
        for (const { index, verdict } of reply) verdicts[index] = verdict;
        send();
      });
      worker.once('error', reject);
      worker.once('exit', (code) => {
        if (!finished) reject(new Error(`a validation thread stopped early (exit code ${code})`));
      });
      for (let i = 0; i < AHEAD; i++) send();
    });
  });
  // This thread's share: one file at a time, letting the workers' messages in between.
  const own = (async () => {
    while (next < files.length) {
      const index = next++;
      verdicts[index] = checkDataFileVerdictSync(files[index]!, lang, requireAgent);
      await new Promise((resolve) => setImmediate(resolve));
    }
  })();
  await Promise.all([own, ...workers]);
  return verdicts;
}
