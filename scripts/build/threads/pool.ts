import { Worker } from 'node:worker_threads';

const THREAD = new URL('./thread.mjs', import.meta.url);

/** A thread's old-generation heap, in MiB: what rendering the largest article the limits allow takes, many times over. */
const THREAD_HEAP_MB = 256;

/** Items per message: enough to make a message's cost small beside the work, few enough to share the tail evenly. */
const MAX_BATCH = 32;

interface Reply {
  batch: number;
  results?: unknown[];
  error?: string;
}

/**
 * Worker threads that run one module's named tasks (`export function kind(item, shared)`) over
 * lists of items. Results come back in the items' order whichever thread finishes first, so the
 * build's output never depends on scheduling.
 */
export class ThreadPool {
  private constructor(private readonly workers: readonly Worker[]) {}

  /**
   * `size` threads, each loading `module` (a TypeScript file: the threads register tsx). A thread
   * keeps nothing between items, so its heap is capped: V8 would otherwise let each grow by
   * hundreds of megabytes before collecting.
   */
  static start(module: URL, size: number): ThreadPool {
    const resourceLimits = { maxOldGenerationSizeMb: THREAD_HEAP_MB };
    return new ThreadPool(Array.from({ length: size }, () => new Worker(THREAD, { execArgv: [], workerData: { module: module.href }, resourceLimits })));
  }

  get size(): number {
    return this.workers.length;
  }

  /** `kind` of every item, in order; `shared` goes to each thread once. `advanced` hears how many items each finished batch held. */
  async map<T, R>(kind: string, shared: unknown, items: readonly T[], advanced: (count: number) => void = () => {}): Promise<R[]> {
    const results = new Array<R>(items.length);
    if (items.length === 0) return results;
    const size = Math.max(1, Math.min(MAX_BATCH, Math.ceil(items.length / (this.workers.length * 4))));
    for (const worker of this.workers) worker.postMessage({ type: 'shared', kind, shared });
    await new Promise<void>((resolve, reject) => {
      let next = 0;
      let pending = 0;
      const send = (worker: Worker) => {
        if (next >= items.length) return;
        const batch = next;
        next += size;
        pending += 1;
        worker.postMessage({ type: 'batch', kind, batch, items: items.slice(batch, batch + size) });
      };
      const stop = () => this.workers.forEach((worker) => worker.removeAllListeners('message').removeAllListeners('error').removeAllListeners('exit'));
      const fail = (error: Error) => {
        stop();
        reject(error);
      };
      for (const worker of this.workers) {
        worker.on('message', ({ batch, results: done, error }: Reply) => {
          if (error !== undefined || done === undefined) return fail(new Error(error ?? 'a build thread answered without results'));
          done.forEach((result, offset) => (results[batch + offset] = result as R));
          pending -= 1;
          advanced(done.length);
          if (next < items.length) send(worker);
          else if (pending === 0) {
            stop();
            resolve();
          }
        });
        worker.on('error', fail);
        worker.on('exit', (code) => fail(new Error(`a build thread stopped (exit code ${code})`)));
        send(worker);
      }
    });
    return results;
  }

  /** Stops every thread. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
