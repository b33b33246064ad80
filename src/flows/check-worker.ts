/**
 * A worker thread of `flows validate` on many files (see check-parallel.ts): it
 * takes the next file from the shared counter until none is left, then sends
 * back the verdicts of the files it checked.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Lang } from '../engine/types.js';
import { checkDataFileVerdictSync, type FileVerdict } from './data-file.js';

export interface WorkerSetup {
  lang: Lang;
  requireAgent: boolean;
  files: readonly string[];
  /** The index of the next file to check, shared by every thread (Atomics.add). */
  next: Int32Array;
}

export type WorkerReply = { index: number; verdict: FileVerdict }[];

const { lang, requireAgent, files, next } = workerData as WorkerSetup;

// Synchronous reads: this thread only checks files, and waiting for the disk holds up nothing else.
const reply: WorkerReply = [];
for (let index = Atomics.add(next, 0, 1); index < files.length; index = Atomics.add(next, 0, 1)) {
  reply.push({ index, verdict: checkDataFileVerdictSync(files[index]!, lang, requireAgent) });
}
parentPort?.postMessage(reply);
