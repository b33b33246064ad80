/**
 * Reading a data file by path (flows, directory, answers, settings): the one way
 * every such file is read. A device, pipe or socket is refused before anything is
 * read from it (/dev/zero never ends, a FIFO may never close), and no more than the
 * limit plus one byte is ever read, however large the file or however it grows.
 */
// fs.promises, not node:fs/promises: this module is part of start-up (settings), and importing
// node:fs/promises loads it (readline, event targets and more) in every run; fs.promises loads on first use.
import { closeSync, constants, fstatSync, openSync, promises as fsp, readSync, type Stats } from 'node:fs';
import { MAX_DATA_FILE_BYTES } from './limits.js';

/** A data file refused unread: not a regular file (`ENOTREG`), or larger than allowed (`ETOOBIG`, with its size when known). */
export class DataFileError extends Error {
  constructor(
    readonly code: 'ENOTREG' | 'ETOOBIG',
    readonly size?: number,
  ) {
    super(code === 'ENOTREG' ? 'not a regular file' : 'file too large');
  }
}

// Opening a FIFO for reading waits until a writer comes; without blocking it opens at once, and fstat refuses it.
// (Windows has neither the flag nor FIFOs.)
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** Refuses what is not a regular file, or is already too large. */
function check(stats: Stats, max: number): void {
  // A folder fails as fs.readFile fails on it.
  if (stats.isDirectory()) throw Object.assign(new Error('EISDIR: illegal operation on a directory, read'), { code: 'EISDIR' });
  if (!stats.isFile()) throw new DataFileError('ENOTREG');
  if (stats.size > max) throw new DataFileError('ETOOBIG', stats.size);
}

/** A buffer for a file that says it has `size` bytes (files in /proc say 0), never beyond the limit plus one. */
function bufferFor(size: number, max: number): Buffer {
  return Buffer.allocUnsafe(Math.min(size > 0 ? size + 1 : 64 * 1024, max + 1));
}

/** The next, larger buffer when a file holds more than it said, or undefined at the limit. */
function grow(buf: Buffer, max: number): Buffer | undefined {
  if (buf.length > max) return undefined;
  const bigger = Buffer.allocUnsafe(Math.min(buf.length * 2, max + 1));
  buf.copy(bigger);
  return bigger;
}

function finish(buf: Buffer, length: number, max: number): Buffer {
  if (length > max) throw new DataFileError('ETOOBIG');
  return buf.subarray(0, length);
}

/** Reads a regular file of at most `max` bytes; throws DataFileError, or the system's error (ENOENT, EACCES, …). */
export async function readDataFile(path: string, max = MAX_DATA_FILE_BYTES): Promise<Buffer> {
  const handle = await fsp.open(path, OPEN_FLAGS);
  try {
    const stats = await handle.stat();
    check(stats, max);
    let buf = bufferFor(stats.size, max);
    let length = 0;
    for (;;) {
      if (length === buf.length) {
        const bigger = grow(buf, max);
        if (!bigger) break;
        buf = bigger;
      }
      const { bytesRead } = await handle.read(buf, length, buf.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return finish(buf, length, max);
  } finally {
    await handle.close();
  }
}

/** readDataFile for the settings, which every run reads before anything else. */
export function readDataFileSync(path: string, max = MAX_DATA_FILE_BYTES): Buffer {
  const fd = openSync(path, OPEN_FLAGS);
  try {
    const stats = fstatSync(fd);
    check(stats, max);
    let buf = bufferFor(stats.size, max);
    let length = 0;
    for (;;) {
      if (length === buf.length) {
        const bigger = grow(buf, max);
        if (!bigger) break;
        buf = bigger;
      }
      const bytesRead = readSync(fd, buf, length, buf.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return finish(buf, length, max);
  } finally {
    closeSync(fd);
  }
}
