/**
 * A worker thread of `flows validate` on many files (see check-parallel.ts): it
 * checks the files it is handed, a batch at a time, and sends back verdicts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Lang } from '../engine/types.js';
import { checkDataFileVerdict, type FileVerdict } from './data-file.js';

export interface WorkerSetup {
  lang: Lang;
  requireAgent: boolean;
}

export type WorkerRequest = { index: number; file: string }[];
export type WorkerReply = { index: number; verdict: FileVerdict }[];

const { lang, requireAgent } = workerData as WorkerSetup;

parentPort?.on('message', (batch: WorkerRequest) => {
  void Promise.all(batch.map(async ({ index, file }) => ({ index, verdict: await checkDataFileVerdict(file, lang, requireAgent) }))).then((reply: WorkerReply) =>
    parentPort?.postMessage(reply),
  );
});
