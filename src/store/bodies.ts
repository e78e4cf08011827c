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
 * perform I/O on behalf of a different request") or hangs when that request is cancelled. Two
 * requests that miss at once each read the file; the first to finish fills the cache.
 */
export class BodyCache {
  private readonly bodies = new Map<string, Uint8Array>();
  private size = 0;

  constructor(readonly budget: number) {}

  /** The exact body of `representation` for `origin`, from memory or else read through `source`. */
  async get(representation: Representation, origin: Origin, source: BodySource): Promise<Uint8Array> {
    const key = `${representation.file}#${representation.start}${origin.url}`;
    const cached = this.bodies.get(key);
    if (cached !== undefined) {
      this.bodies.delete(key);
      this.bodies.set(key, cached);
      return cached;
    }
    const template = (await readFile(representation.file, source)).slice(representation.start, representation.end);
    const body = UTF8.encode(template.split(ORIGIN).join(origin.url));
    this.keep(key, body);
    return body;
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

async function readFile(file: string, source: BodySource): Promise<string> {
  const response = await source.fetch(`https://assets.invalid${file}`);
  if (!response.ok) {
    await response.body?.cancel();
    throw new MissingBodyFile(file, response.status);
  }
  return response.text();
}
