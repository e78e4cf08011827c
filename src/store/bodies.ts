import { ORIGIN, type Representation } from './bundle';
import { Kept, type WaitPolicy } from './kept';
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
 * Bodies by representation and origin, read from the body files and kept in the isolate within
 * `budget` bytes (Kept: finished bodies only are shared between requests).
 */
export class BodyCache {
  private readonly kept: Kept<Uint8Array>;

  constructor(budget: number, wait?: WaitPolicy) {
    this.kept = new Kept(budget, wait);
  }

  /** The exact body of `representation` for `origin`, from memory or else read through `source`. */
  get(representation: Representation, origin: Origin, source: BodySource): Promise<Uint8Array> {
    // Its size in UTF-16 units bounds its bytes from below: a body longer than the budget is never kept.
    const keepable = representation.end - representation.start <= this.kept.budget;
    return this.kept.get(keyOf(representation, origin), () => readBody(representation, origin, source), keepable);
  }

  /** The kept body of `representation` for `origin`, if it is kept: no read, no await. */
  peek(representation: Representation, origin: Origin): Uint8Array | undefined {
    return this.kept.peek(keyOf(representation, origin));
  }

  get budget(): number {
    return this.kept.budget;
  }

  /** Bytes held now (for tests and measurement). */
  get bytes(): number {
    return this.kept.bytes;
  }
}

async function readBody(representation: Representation, origin: Origin, source: BodySource): Promise<{ value: Uint8Array; bytes: number }> {
  const template = (await readFile(representation.file, source)).slice(representation.start, representation.end);
  const value = UTF8.encode(template.split(ORIGIN).join(origin.url));
  return { value, bytes: value.byteLength };
}

function keyOf(representation: Representation, origin: Origin): string {
  return `${representation.file}#${representation.start}${origin.url}`;
}

export async function readFile(file: string, source: BodySource): Promise<string> {
  const response = await source.fetch(`https://assets.invalid${file}`);
  if (!response.ok) {
    await response.body?.cancel();
    throw new MissingBodyFile(file, response.status);
  }
  return response.text();
}
