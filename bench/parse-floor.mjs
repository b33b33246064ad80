// The floor under `flows validate` for the benchmark: only reading, decoding (the same way) and parsing
// every file of a folder (JSON.parse, or js-yaml for YAML, the fastest YAML parser wallet-help
// uses), shared out among the same threads as wallet-help's (this one and a worker per other
// core), with no checks at all. What validation costs is what wallet-help takes beyond this.
//
//   node bench/parse-floor.mjs DIR
import { isAscii, transcode } from 'node:buffer';
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { CORE_SCHEMA, load } from 'js-yaml';

// Decoded as wallet-help decodes (src/data/located-yaml.ts): ASCII copied, anything else through the transcoder.
const decode = (bytes) => (isAscii(bytes) ? bytes.toString('latin1') : transcode(bytes, 'utf8', 'utf16le').toString('utf16le'));

const parse = (file) => {
  const text = decode(readFileSync(file));
  return file.endsWith('.json') ? JSON.parse(text) : load(text, { schema: CORE_SCHEMA });
};

// As wallet-help shares files out (src/flows/check-parallel.ts): every thread takes the next file from one
// counter in shared memory, the main thread at once, a worker as soon as it has loaded; nothing is handed
// out by messages, and a worker says only that it is done.
if (isMainThread) {
  const dir = process.argv[2];
  const files = readdirSync(dir).map((name) => join(dir, name));
  const next = new Int32Array(new SharedArrayBuffer(4));
  const workers = Array.from({ length: availableParallelism() - 1 }, () => {
    const worker = new Worker(new URL(import.meta.url), { workerData: { files, next } });
    return new Promise((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
  });
  for (let i = Atomics.add(next, 0, 1); i < files.length; i = Atomics.add(next, 0, 1)) parse(files[i]);
  await Promise.all(workers);
  process.exit(0);
} else {
  const { files, next } = workerData;
  for (let i = Atomics.add(next, 0, 1); i < files.length; i = Atomics.add(next, 0, 1)) parse(files[i]);
  parentPort.postMessage(0);
}
