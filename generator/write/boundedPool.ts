// A bounded pool for file operations: a tree of any size keeps at most `limit` operations (and
// so file handles) in flight, where starting them all at once ran out of handles (EMFILE) on
// trees of tens of thousands of files.

/** Default in-flight file operations: far above libuv's 4 worker threads, far below any handle limit. */
export const DEFAULT_OPEN_FILES = 64;

/**
 * Runs `work` on every item, at most `limit` at a time. After the first failure no new item
 * starts; the returned promise settles only when every started item has settled (so a caller
 * cleaning up afterwards never races a write still in flight), then rejects with that first
 * failure. A synchronous throw from `work` counts as a failure of that item.
 */
export function forEachBounded<T>(items: readonly T[], limit: number, work: (item: T) => Promise<unknown> | unknown): Promise<void> {
  if (!(limit >= 1)) throw new RangeError(`pool limit must be at least 1, not ${limit}`);
  return new Promise((resolveAll, rejectAll) => {
    let next = 0;
    let running = 0;
    let failure: { error: unknown } | undefined;
    const settleIfDone = () => {
      if (running > 0 || (next < items.length && !failure)) return;
      if (failure) rejectAll(failure.error);
      else resolveAll();
    };
    const finished = (error?: { error: unknown }) => {
      running--;
      if (error && !failure) failure = error;
      startMore();
      settleIfDone();
    };
    const startMore = () => {
      while (!failure && running < limit && next < items.length) {
        const item = items[next++]!;
        running++;
        let pending: Promise<unknown>;
        try {
          pending = Promise.resolve(work(item));
        } catch (error) {
          pending = Promise.reject(error);
        }
        pending.then(
          () => finished(),
          (error: unknown) => finished({ error }),
        );
      }
    };
    startMore();
    settleIfDone();
  });
}
