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
import { setImmediate } from 'node:timers';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import { CORE_SCHEMA, load } from 'js-yaml';

// Decoded as wallet-help decodes (src/data/located-yaml.ts): ASCII copied, anything else through the transcoder.
const decode = (bytes) => (isAscii(bytes) ? bytes.toString('latin1') : transcode(bytes, 'utf8', 'utf16le').toString('utf16le'));

const parse = (file) => {
  const text = decode(readFileSync(file));
  return file.endsWith('.json') ? JSON.parse(text) : load(text, { schema: CORE_SCHEMA });
};

if (isMainThread) {
  const dir = process.argv[2];
  const files = readdirSync(dir).map((name) => join(dir, name));
  let next = 0;
  const workers = Array.from({ length: availableParallelism() - 1 }, () => {
    const worker = new Worker(new URL(import.meta.url));
    return new Promise((resolve) => {
      const send = () => (next < files.length ? worker.postMessage(files[next++]) : void worker.terminate().then(resolve));
      worker.on('message', send);
      send();
    });
  });
  while (next < files.length) {
    parse(files[next++]);
    await new Promise((resolve) => setImmediate(resolve));
  }
  await Promise.all(workers);
} else {
  parentPort.on('message', (file) => {
    parse(file);
    parentPort.postMessage(0);
  });
}
