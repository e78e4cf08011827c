import { ORIGIN, type Representation } from './bundle';
import type { Origin } from './origin';

/** Where body files come from: the static assets binding (anything that fetches by path). */
export interface BodySource {
  fetch(input: string): Promise<Response>;
}

const UTF8 = new TextEncoder();

/** The strong ETag of a representation for an origin, known without reading the body. */
export function etagOf(representation: Representation, origin: Origin): string {
  return `"${representation.hash}-${origin.tag}"`;
}

/**
 * Bodies by key, read from the body files once and then kept in the isolate, newest use last.
 * Hot articles cost a map lookup; the least recently used bodies are dropped past `budget` bytes,
 * so memory stays bounded however large the archive is (an isolate has 128 MB).
 */
export class BodyCache {
  private readonly bodies = new Map<string, Uint8Array>();
  private readonly reading = new Map<string, Promise<string>>();
  private size = 0;

  constructor(private readonly budget: number) {}

  /** The exact body of `representation` for `origin`, reading its file through `source` at most once. */
  async get(representation: Representation, origin: Origin, source: BodySource): Promise<Uint8Array> {
    const key = `${representation.file}#${representation.start}${origin.url}`;
    const cached = this.bodies.get(key);
    if (cached !== undefined) {
      this.bodies.delete(key);
      this.bodies.set(key, cached);
      return cached;
    }
    const template = (await this.read(representation.file, source)).slice(representation.start, representation.end);
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

  /** One read per file at a time, however many requests want it. */
  private read(file: string, source: BodySource): Promise<string> {
    let text = this.reading.get(file);
    if (text === undefined) {
      text = readFile(file, source).finally(() => this.reading.delete(file));
      this.reading.set(file, text);
    }
    return text;
  }
}

async function readFile(file: string, source: BodySource): Promise<string> {
  const response = await source.fetch(`https://assets.invalid${file}`);
  if (!response.ok) {
    await response.body?.cancel();
    throw new Error(`Body file ${file} could not be read from the static assets: HTTP ${response.status}`);
  }
  return response.text();
}
