/**
 * Runs `task` on every item, at most `limit` at a time (so a build of any size holds at most
 * `limit` files open). On the first failure no new task starts, and the call rejects only once
 * the tasks already running have settled: a caller's cleanup never races a write in flight.
 */
export async function forEachLimited<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  async function worker(): Promise<void> {
    while (!failed && next < items.length) {
      const item = items[next++] as T;
      try {
        await task(item);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  }
  const workers = Array.from({ length: Math.min(limit, items.length) }, worker);
  const settled = await Promise.allSettled(workers);
  const rejected = settled.find((result) => result.status === 'rejected');
  if (rejected !== undefined) throw rejected.reason;
}

/** Files open at once when the build reads or writes many: far below any usual `ulimit -n`. */
export const FILE_CONCURRENCY = 16;
