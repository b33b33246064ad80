/**
 * Work over many items a few at a time: `lanes` of them in flight, each taking the next item as it finishes one; the
 * results in the order of the items. Reading every file of a large folder at once ran out of file descriptors (EMFILE
 * at 256, macOS's default limit, or Linux's 1,024) and reported good files as broken (QA: robustness review).
 */
export async function inLanes<T, R>(items: readonly T[], lanes: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(lanes, items.length) }, lane));
  return results;
}

/** Files read at once: enough to keep the disk busy, few enough that memory stays flat and descriptors last. */
export const FILES_AT_ONCE = 8;
