/**
 * Checking many data files on every core. Parsing and validating is CPU work,
 * so a large folder is shared out among this thread and worker threads
 * (dist/check-worker.js), one a core. The threads take files in turn from one
 * counter in shared memory, each the next file as it finishes the last, so no
 * thread waits for another and none is handed files by messages: a worker
 * sends its verdicts once, when no file is left. This thread starts on the
 * files at once, while the workers are still loading, and never stops to
 * listen for them. The verdicts come back in the order of the files.
 * Used by the bundled CLI only; small jobs, one core and the tests on the
 * sources check in-process.
 */
import { availableParallelism } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Lang } from '../engine/types.js';
import { checkDataFileVerdictSync, type FileVerdict } from './data-file.js';
import type { WorkerReply, WorkerSetup } from './check-worker.js';
import '../core.js';

/** Files a worker thread is worth starting for: it takes some 0.1 s to load, in which this thread checks about this many. */
const FILES_A_WORKER = 16;

export async function checkInParallel(files: readonly string[], lang: Lang, requireAgent: boolean, script: string, threads = availableParallelism()): Promise<FileVerdict[]> {
  const verdicts: FileVerdict[] = new Array<FileVerdict>(files.length);
  // The index of the next file to check, shared by every thread: Atomics.add hands each index out once.
  const next = new Int32Array(new SharedArrayBuffer(4));
  const setup: WorkerSetup = { lang, requireAgent, files, next };
  const count = Math.max(1, Math.min(threads - 1, Math.ceil(files.length / FILES_A_WORKER)));
  // Through the launcher's loader (boot.js), which hands V8 the build's code cache.
  const boot = JSON.stringify(join(dirname(script), 'boot.js'));
  const workers = Array.from({ length: count }, () => new Worker(`require(${boot}).startWorker(${JSON.stringify(basename(script))})`, { eval: true, workerData: setup }));
  // Set when this thread has checked every file itself: the workers are then stopped, not waited for.
  let unneeded = false;
  const replies = workers.map(
    (worker) =>
      new Promise<void>((resolve, reject) => {
        let replied = false;
        worker.once('message', (reply: WorkerReply) => {
          replied = true;
          for (const { index, verdict } of reply) verdicts[index] = verdict;
          resolve();
        });
        worker.once('error', reject);
        worker.once('exit', (code) => {
          if (replied || unneeded) resolve();
          else reject(new Error(`a validation thread stopped early (exit code ${code})`));
        });
      }),
  );
  // This thread's share. The workers' replies wait until it is done: they come only when no file is left.
  let own = 0;
  for (let index = Atomics.add(next, 0, 1); index < files.length; index = Atomics.add(next, 0, 1), own++) {
    verdicts[index] = checkDataFileVerdictSync(files[index]!, lang, requireAgent);
  }
  // Where this thread checked every file (a folder small enough to be done before a worker had loaded), nothing is waited for.
  unneeded = own === files.length;
  // A worker that failed while this thread did every file cost nothing: its failure is not left unhandled.
  if (unneeded) for (const reply of replies) reply.catch(() => {});
  else await Promise.all(replies);
  await Promise.all(workers.map((worker) => worker.terminate()));
  return verdicts;
}
