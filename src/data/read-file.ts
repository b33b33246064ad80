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

/**
 * The bytes of one file as they are read, checked first (see check): the free space to read
 * into next, in a buffer that grows when the file holds more than it said (files in /proc say 0),
 * never beyond the limit plus one byte. The async and the sync reader share it.
 */
class Filling {
  private buf: Buffer;
  private length = 0;
  private ended = false;

  constructor(
    stats: Stats,
    private readonly max: number,
  ) {
    check(stats, max);
    this.buf = Buffer.allocUnsafe(Math.min(stats.size > 0 ? stats.size + 1 : 64 * 1024, max + 1));
  }

  /** Where the next read goes, or undefined when the file has ended or the limit is reached. */
  space(): Buffer | undefined {
    if (this.ended) return undefined;
    if (this.length === this.buf.length) {
      if (this.buf.length > this.max) return undefined;
      const bigger = Buffer.allocUnsafe(Math.min(this.buf.length * 2, this.max + 1));
      this.buf.copy(bigger);
      this.buf = bigger;
    }
    return this.buf.subarray(this.length);
  }

  /** Counts what a read brought; a read of nothing is the end of the file. */
  add(bytesRead: number): void {
    if (bytesRead === 0) this.ended = true;
    this.length += bytesRead;
  }

  /** The file's bytes, or ETOOBIG when it held more than the limit. */
  bytes(): Buffer {
    if (this.length > this.max) throw new DataFileError('ETOOBIG');
    return this.buf.subarray(0, this.length);
  }
}

/** Reads a regular file of at most `max` bytes; throws DataFileError, or the system's error (ENOENT, EACCES, …). */
export async function readDataFile(path: string, max = MAX_DATA_FILE_BYTES): Promise<Buffer> {
  const handle = await fsp.open(path, OPEN_FLAGS);
  try {
    const file = new Filling(await handle.stat(), max);
    for (let space = file.space(); space; space = file.space()) file.add((await handle.read(space, 0, space.length, null)).bytesRead);
    return file.bytes();
  } finally {
    await handle.close();
  }
}

/** readDataFile for the settings, which every run reads before anything else. */
export function readDataFileSync(path: string, max = MAX_DATA_FILE_BYTES): Buffer {
  const fd = openSync(path, OPEN_FLAGS);
  try {
    const file = new Filling(fstatSync(fd), max);
    for (let space = file.space(); space; space = file.space()) file.add(readSync(fd, space, 0, space.length, null));
    return file.bytes();
  } finally {
    closeSync(fd);
  }
}
