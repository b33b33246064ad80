/**
 * A lock around a read-modify-write of a file of ours (the settings), held by a folder beside it: making a folder is
 * atomic, so of two runs only one makes it. A run that died holding it leaves it behind: a lock older than `staleMs`
 * is taken over. Two runs that find the same stale lock at once may both take it over (one removes the other's new
 * lock): a race that needs a run to have died holding it within seconds of two others starting, and costs at most one
 * setting. (proper-lockfile does the same; bundled, its CommonJS code made every start-up load one more chunk.)
 */
import { promises as fsp } from 'node:fs';
import '../core.js';

/**
 * Takes the lock of `file` (the folder `file.lock`), waiting while another run holds it: up to `waitMs`, longer than a
 * lock takes to go stale, so one left by a run that died is waited out and taken over rather than refused; resolves to
 * its release. Something else in its place that cannot be removed (a file, a folder with files in it) is an error
 * (ELOCKED) once the wait is over, never a loop.
 */
export async function lockFile(file: string, { waitMs = 7_000, staleMs = 5_000 } = {}): Promise<() => Promise<void>> {
  const lock = `${file}.lock`;
  let waited = 0;
  for (let pause = 10; ; pause = Math.min(pause * 2, 200)) {
    try {
      await fsp.mkdir(lock);
      return () => fsp.rmdir(lock).catch(() => undefined);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    // Held: by a run that died a while ago, taken over (review: one that could not be removed made this loop forever).
    const since = await fsp.stat(lock).then((s) => Date.now() - s.mtimeMs, () => 0);
    const stale = since > staleMs;
    if (stale && (await fsp.rmdir(lock).then(() => true, (err: NodeJS.ErrnoException) => err.code === 'ENOENT'))) continue;
    // `stuck`: what holds it is no lock of a run (stale, and it could not be removed), to be removed by hand.
    if ((waited += pause) > waitMs) throw Object.assign(new Error(`${file} is locked by another run`), { code: 'ELOCKED', lock, stuck: stale });
    await new Promise((resolve) => setTimeout(resolve, pause));
  }
}
