/** How long a request waits for a value another request is reading before it reads it itself. */
export interface WaitPolicy {
  pollMs: number;
  maxMs: number;
}

export const DEFAULT_WAIT: WaitPolicy = { pollMs: 2, maxMs: 250 };

/**
 * Values read from the static assets and kept in the isolate by key, newest use last. A hot key
 * costs a map lookup; the least recently used values are dropped past `budget` bytes, so memory
 * stays bounded however large the archive is (an isolate has 128 MB).
 *
 * Only finished values are shared between requests, never a read in progress: workerd binds I/O
 * to the request that started it, so a request awaiting another request's read fails ("Cannot
 * perform I/O on behalf of a different request") or hangs when that request is cancelled. So that
 * a burst of requests for one large value does not read it once per request (memory), a request
 * that finds the same key being read polls the cache on its own timer for a while, then reads it
 * itself: a cancelled reader costs the others a short wait, never an error.
 */
export class Kept<V> {
  private readonly values = new Map<string, { value: V; bytes: number }>();
  /** Keys being read now: a flag, never the read itself. */
  private readonly reading = new Set<string>();
  private size = 0;

  constructor(
    readonly budget: number,
    private readonly wait: WaitPolicy = DEFAULT_WAIT,
  ) {}

  /**
   * The value under `key`, from memory or else from `read` (its value and its size in bytes).
   * `keepable` says whether the value can fit the budget at all: waiting for another read only
   * pays when the value will be kept.
   */
  async get(key: string, read: () => Promise<{ value: V; bytes: number }>, keepable = true): Promise<V> {
    let value = this.peek(key);
    if (value === undefined && keepable && this.reading.has(key)) value = await this.awaitOtherRead(key);
    return value ?? this.read(key, read);
  }

  /** The kept value under `key`, now the most recently used: no read, no await. */
  peek(key: string): V | undefined {
    const kept = this.values.get(key);
    if (kept !== undefined) {
      this.values.delete(key);
      this.values.set(key, kept);
    }
    return kept?.value;
  }

  /** Bytes held now (for tests and measurement). */
  get bytes(): number {
    return this.size;
  }

  private async read(key: string, read: () => Promise<{ value: V; bytes: number }>): Promise<V> {
    this.reading.add(key);
    try {
      const { value, bytes } = await read();
      this.keep(key, value, bytes);
      return value;
    } finally {
      this.reading.delete(key);
    }
  }

  /** Polls for the value another request is reading, until it is kept or that read is over or too slow. */
  private async awaitOtherRead(key: string): Promise<V | undefined> {
    for (let waited = 0; waited < this.wait.maxMs && this.reading.has(key); waited += this.wait.pollMs) {
      await new Promise((resolve) => setTimeout(resolve, this.wait.pollMs));
      const kept = this.peek(key);
      if (kept !== undefined) return kept;
    }
    return undefined;
  }

  private keep(key: string, value: V, bytes: number): void {
    if (this.values.has(key) || bytes > this.budget) return;
    this.values.set(key, { value, bytes });
    this.size += bytes;
    for (const [oldest, kept] of this.values) {
      if (this.size <= this.budget) break;
      this.values.delete(oldest);
      this.size -= kept.bytes;
    }
  }
}
