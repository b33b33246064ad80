/** Finding where bytes stop being UTF-8, for a message that points at the place. */

/** The number of bytes of the UTF-8 sequence a lead byte opens (0 for a byte that opens none). */
function sequenceLength(lead: number): number {
  return lead >= 0xf0 && lead <= 0xf7 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 0;
}

/** The offset of the first byte sequence that is not valid UTF-8 (the bytes are known to hold one). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let lo = 0;
  let hi = bytes.byteLength;
  // Binary search for the shortest prefix that fails to decode. Decoded as a stream, a prefix that ends inside a
  // character (a cut through 中) waits for the rest rather than failing: only an invalid byte fails it, so the
  // search finds that byte, not the first cut through a character before it (Chinese text before the fault put the
  // place at the start of the file).
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid + 1), { stream: true });
      lo = mid + 1;
    } catch {
      hi = mid;
    }
  }
  // A sequence left unfinished before it ("\xE4\xB8" then a quote) is where the fault starts.
  let back = lo - 1;
  while (back >= 0 && lo - back <= 3 && ((bytes[back] ?? 0) & 0xc0) === 0x80) back--;
  if (back >= 0 && back + sequenceLength(bytes[back] ?? 0) > lo) return back;
  // Else back up to the start of the offending sequence.
  let start = lo;
  while (start > 0 && ((bytes[start] ?? 0) & 0xc0) === 0x80) start--;
  return start;
}
