/**
 * Checking many data files on every core. Parsing and validating is CPU work,
 * so a large folder is shared out among worker threads (dist/check-worker.js)
 * a small batch at a time, each thread asking for more as it finishes, and the
 * verdicts come back in the order of the files. Used by the bundled CLI only;
 * small jobs, one core and the tests on the sources check in-process.
 */
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Lang } from '../engine/types.js';
import type { FileVerdict } from './data-file.js';
import type { WorkerReply, WorkerRequest, WorkerSetup } from './check-worker.js';
import '../core.js';

/** Files a thread is handed at a time: enough to keep it busy between messages. */
const BATCH = 4;

export async function checkInParallel(files: readonly string[], lang: Lang, requireAgent: boolean, script: string, threads = availableParallelism()): Promise<FileVerdict[]> {
  const verdicts: FileVerdict[] = new Array<FileVerdict>(files.length);
  let next = 0;
  const take = (): WorkerRequest => {
    const batch: WorkerRequest = [];
    while (batch.length < BATCH && next < files.length) batch.push({ index: next, file: files[next++]! });
    return batch;
  };
  const setup: WorkerSetup = { lang, requireAgent };
  const count = Math.max(1, Math.min(threads, Math.ceil(files.length / (BATCH * 4))));
  await Promise.all(
    Array.from({ length: count }, () => {
      // Through the launcher's loader (boot.js), which hands V8 the build's code cache.
      const boot = JSON.stringify(join(dirname(script), 'boot.js'));
      const worker = new Worker(`require(${boot}).startWorker(${JSON.stringify(script)})`, { eval: true, workerData: setup });
      return new Promise<void>((resolve, reject) => {
        let finished = false;
        const send = () => {
          const batch = take();
          if (batch.length > 0) {
            worker.postMessage(batch);
            return;
          }
          finished = true;
          void worker.terminate().then(() => resolve());
        };
        worker.on('message', (reply: WorkerReply) => {
          for (const { index, verdict } of reply) verdicts[index] = verdict;
          send();
        });
        worker.once('error', reject);
        worker.once('exit', (code) => {
          if (!finished) reject(new Error(`a validation thread stopped early (exit code ${code})`));
        });
        send();
      });
    }),
  );
  return verdicts;
}
