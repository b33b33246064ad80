/**
 * Makes a folder and the folders above it that are missing, one level at a time. Node's own
 * recursive mkdir spins forever where a folder cannot be made although its parent exists
 * (a settings folder pointed into /proc): here that ends with the error of that one level.
 */
import { promises as fsp } from 'node:fs';
import { dirname, resolve } from 'node:path';

export async function makeDir(dir: string): Promise<void> {
  const missing: string[] = [];
  for (let at = resolve(dir); ; ) {
    try {
      if ((await fsp.stat(at)).isDirectory()) break;
      throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${at}'`), { code: 'ENOTDIR' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      missing.push(at);
      const up = dirname(at);
      if (up === at) break;
      at = up;
    }
  }
  for (const folder of missing.reverse()) {
    try {
      await fsp.mkdir(folder);
    } catch (err) {
      // Made meanwhile by another process: fine.
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
}
