import { ORIGIN, type Representation } from './bundle';
import type { Origin } from './origin';

/** Where body files come from: the static assets binding (anything that fetches by path). */
export interface BodySource {
  fetch(input: string): Promise<Response>;
}

/** A body file the index names is not in the static assets: the deploy is inconsistent. */
export class MissingBodyFile extends Error {
  override readonly name = 'MissingBodyFile';
  constructor(
    readonly file: string,
    readonly status: number,
  ) {
    super(`Body file ${file} could not be read from the static assets: HTTP ${status}`);
  }
}

const UTF8 = new TextEncoder();

/** How long a request waits for a body another request is reading before it reads the file itself. */
export interface WaitPolicy {
  pollMs: number;
  maxMs: number;
}

const DEFAULT_WAIT: WaitPolicy = { pollMs: 2, maxMs: 250 };

/** The strong ETag of a representation for an origin, known without reading the body. */
export function etagOf(representation: Representation, origin: Origin): string {
  return `"${representation.hash}-${origin.tag}"`;
}

/**
 * Bodies by key, read from the body files and then kept in the isolate, newest use last.
 * Hot articles cost a map lookup; the least recently used bodies are dropped past `budget` bytes,
 * so memory stays bounded however large the archive is (an isolate has 128 MB).
 *
 * Only finished bodies are shared between requests, never a read in progress: workerd binds I/O
 * to the request that started it, so a request awaiting another request's read fails ("Cannot
 * perform I/O on behalf of a different request") or hangs when that request is cancelled. So that
 * a burst of requests for one large body does not read it once per request (memory), a request
 * that finds the same body being read polls the cache on its own timer for a while, then reads
 * the file itself: a cancelled reader costs the others a short wait, never an error.
 */
export class BodyCache {
  private readonly bodies = new Map<string, Uint8Array>();
  /** Keys of bodies being read now: a flag, never the read itself. */
  private readonly reading = new Set<string>();
  private size = 0;

  constructor(
    readonly budget: number,
    private readonly wait: WaitPolicy = DEFAULT_WAIT,
  ) {}

  /** The exact body of `representation` for `origin`, from memory or else read through `source`. */
  async get(representation: Representation, origin: Origin, source: BodySource): Promise<Uint8Array> {
    const key = keyOf(representation, origin);
    let body = this.lookup(key);
    // Waiting only pays when the body will be kept (its size in UTF-16 units bounds its bytes from below).
    if (body === undefined && this.reading.has(key) && representation.end - representation.start <= this.budget) body = await this.awaitOtherRead(key);
    return body ?? this.read(key, representation, origin, source);
  }

  /** The kept body of `representation` for `origin`, if it is kept: no read, no await. */
  peek(representation: Representation, origin: Origin): Uint8Array | undefined {
    return this.lookup(keyOf(representation, origin));
  }

  private async read(key: string, representation: Representation, origin: Origin, source: BodySource): Promise<Uint8Array> {
    this.reading.add(key);
    try {
      const template = (await readFile(representation.file, source)).slice(representation.start, representation.end);
      const body = UTF8.encode(template.split(ORIGIN).join(origin.url));
      this.keep(key, body);
      return body;
    } finally {
      this.reading.delete(key);
    }
  }

  /** The kept body for `key`, now the most recently used. */
  private lookup(key: string): Uint8Array | undefined {
    const cached = this.bodies.get(key);
    if (cached !== undefined) {
      this.bodies.delete(key);
      this.bodies.set(key, cached);
    }
    return cached;
  }

  /** Polls for the body another request is reading, until it is kept or that read is over or too slow. */
  private async awaitOtherRead(key: string): Promise<Uint8Array | undefined> {
    for (let waited = 0; waited < this.wait.maxMs && this.reading.has(key); waited += this.wait.pollMs) {
      await new Promise((resolve) => setTimeout(resolve, this.wait.pollMs));
      const cached = this.lookup(key);
      if (cached !== undefined) return cached;
    }
    return undefined;
  }

  /** Bytes held now (for tests and measurement). */
  get bytes(): number {
    return this.size;
  }

  private keep(key: string, body: Uint8Array): void {
    if (this.bodies.has(key) || body.byteLength > this.budget) return;
    this.bodies.set(key, body);
    this.size += body.byteLength;
    for (const [oldest, bytes] of this.bodies) {
      if (this.size <= this.budget) break;
      this.bodies.delete(oldest);
      this.size -= bytes.byteLength;
    }
  }
}

function keyOf(representation: Representation, origin: Origin): string {
  return `${representation.file}#${representation.start}${origin.url}`;
}

async function readFile(file: string, source: BodySource): Promise<string> {
  const response = await source.fetch(`https://assets.invalid${file}`);
  if (!response.ok) {
    await response.body?.cancel();
    throw new MissingBodyFile(file, response.status);
  }
  return response.text();
}
