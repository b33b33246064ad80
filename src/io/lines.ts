/**
 * A byte stream split into lines (JSON Lines for `diagnose --batch`), in memory
 * bounded by the longest line allowed, however long the input or any one line.
 */
import { isUtf8 } from 'node:buffer';
import { firstInvalidUtf8 } from '../data/utf8.js';
import { CancelError, signalExitCode } from '../errors.js';
import { untilStopped, type InputStream } from './io.js';

/** Marks a line longer than the limit: its bytes were dropped as they streamed by. */
export const TOO_LONG = Symbol('too long');

/** A line that is not UTF-8: the column (in characters) where it stops being UTF-8. */
export interface NotUtf8 {
  badUtf8At: number;
}

/** A line's text (without its LF or CRLF and without a byte order mark at its start), or why it has none. */
export type Line = string | typeof TOO_LONG | NotUtf8;

const LF = 0x0a;
const CR = 0x0d;

/**
 * Splits a byte stream into lines (LF or CRLF) and decodes each as strict UTF-8
 * (a line that is not UTF-8 is reported, never patched with U+FFFD); yields the
 * complete lines of each chunk together, so output is written once per chunk
 * rather than once per line. Splitting bytes at LF is safe: no UTF-8 sequence
 * contains that byte.
 *
 * What it holds at any time: the chunk at hand and the chunks of one unfinished
 * line, at most `maxLine` bytes of them. A line that grows past `maxLine` is
 * dropped there and its later bytes are only searched for its end, never kept;
 * it is reported as TOO_LONG. Chunks are read one at a time, as the caller asks
 * for lines, so a slow caller slows the reading (the stream's own backpressure).
 * Read errors and a stop signal (a CancelError) are the caller's to report.
 */
export async function* readLines(stream: InputStream, maxLine: number, signal?: AbortSignal): AsyncGenerator<Line[]> {
  // The start of a line whose end has not arrived yet: the parts of the chunks that hold it.
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  // The line being read has passed maxLine: its bytes are dropped up to its end.
  let overlong = false;
  for await (const chunk of untilStopped(stream, signal)) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const lines: Line[] = [];
    let start = 0;
    for (let nl = bytes.indexOf(LF); nl !== -1; start = nl + 1, nl = bytes.indexOf(LF, start)) {
      if (overlong) {
        overlong = false;
        lines.push(TOO_LONG);
      } else if (pendingBytes === 0) lines.push(decodeLine(bytes, start, nl, maxLine));
      else {
        pending.push(bytes.subarray(start, nl));
        const line = Buffer.concat(pending);
        lines.push(decodeLine(line, 0, line.length, maxLine));
        pending = [];
        pendingBytes = 0;
      }
    }
    if (start < bytes.length && !overlong) {
      // One byte more than the limit may be the CR of a CRLF still to come.
      if (pendingBytes + bytes.length - start > maxLine + 1) {
        overlong = true;
        pending = [];
        pendingBytes = 0;
      } else {
        pending.push(bytes.subarray(start));
        pendingBytes += bytes.length - start;
      }
    }
    if (lines.length > 0) yield lines;
  }
  // A stop signal that came with the end of the input stops the reading too: a line it cut off is no line.
  if (signal?.aborted) throw new CancelError(signalExitCode(signal.reason));
  // The last line, when the input does not end with a newline.
  if (overlong) yield [TOO_LONG];
  else if (pendingBytes > 0) {
    const line = Buffer.concat(pending);
    yield [decodeLine(line, 0, line.length, maxLine)];
  }
}

/** UTF-8 byte order mark: some editors and tools on Windows start every file with one. */
const BOM = [0xef, 0xbb, 0xbf] as const;

/**
 * The text of one line, `buf` from `start` to `end` (its LF): without a CR at its end and without a byte order mark at
 * its start. Not only the first line's: files joined together (`cat a.jsonl b.jsonl`) bring b's mark to the start of a
 * line in the middle. A line that is only a mark is then empty, as a blank line is.
 */
function decodeLine(buf: Buffer, start: number, end: number, maxLine: number): Line {
  if (end > start && buf[end - 1] === CR) end--;
  if (end - start >= 3 && buf[start] === BOM[0] && buf[start + 1] === BOM[1] && buf[start + 2] === BOM[2]) start += 3;
  if (end - start > maxLine) return TOO_LONG;
  const bytes = buf.subarray(start, end);
  if (isUtf8(bytes)) return bytes.toString('utf8');
  const bad = firstInvalidUtf8(bytes);
  return { badUtf8At: bytes.subarray(0, bad).toString('utf8').length + 1 };
}
