/**
 * A lock around a read-modify-write of a file of ours (the settings), held by a folder beside it: making a folder is
 * atomic, so of two runs only one makes it. A run that died holding it leaves it behind: a lock older than `staleMs`
 * is taken over. (proper-lockfile does the same; bundled, its CommonJS code made every start-up load one more chunk.)
 */
import { promises as fsp } from 'node:fs';
import '../core.js';

/** Takes the lock of `file` (the folder `file.lock`), waiting up to `waitMs` while another run holds it; resolves to its release. */
export async function lockFile(file: string, { waitMs = 5_000, staleMs = 10_000 } = {}): Promise<() => Promise<void>> {
  const lock = `${file}.lock`;
  let waited = 0;
  for (let pause = 10; ; pause = Math.min(pause * 2, 200)) {
    try {
      await fsp.mkdir(lock);
      return () => fsp.rmdir(lock).catch(() => undefined);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    // Held: by a run that died long ago, taken over (the folder is made anew, so two runs taking it over race fairly).
    const since = await fsp.stat(lock).then((s) => Date.now() - s.mtimeMs, () => 0);
    if (since > staleMs) {
      await fsp.rmdir(lock).catch(() => undefined);
      continue;
    }
    if ((waited += pause) > waitMs) throw Object.assign(new Error(`${file} is locked by another run`), { code: 'ELOCKED' });
    await new Promise((resolve) => setTimeout(resolve, pause));
  }
}
