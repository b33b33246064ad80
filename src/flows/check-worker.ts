/**
 * A worker thread of `flows validate` on many files (see check-parallel.ts): it
 * checks the files it is handed, a batch at a time, and sends back verdicts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Lang } from '../engine/types.js';
import { checkDataFileVerdictSync, type FileVerdict } from './data-file.js';

export interface WorkerSetup {
  lang: Lang;
  requireAgent: boolean;
}

export type WorkerRequest = { index: number; file: string }[];
export type WorkerReply = { index: number; verdict: FileVerdict }[];

const { lang, requireAgent } = workerData as WorkerSetup;

// Synchronous reads: this thread only checks files, and waiting for the disk holds up nothing else.
parentPort?.on('message', (batch: WorkerRequest) => {
  const reply: WorkerReply = batch.map(({ index, file }) => ({ index, verdict: checkDataFileVerdictSync(file, lang, requireAgent) }));
  parentPort?.postMessage(reply);
});
