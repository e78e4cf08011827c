import content from '../generated/content.txt';
import { readFile, type BodySource } from './bodies';
import { Kept } from './kept';
import { shardOf, type IndexHeader, type RecordTypes, type Shard } from './shards';

/**
 * The index's records, read lazily from the static assets (src/store/shards.ts). Startup parses
 * only the header; the first lookup in an isolate reads the directory, and a record's shard is read
 * the first time one of its records is asked for. Both are then kept (the least recently used
 * shards dropped past INDEX_CACHE_BYTES), so a warm lookup is a hash and two map lookups, with no
 * await: a lookup answers synchronously when it can.
 */

/** A value now, or once a read is done. */
export type Maybe<T> = T | Promise<T>;

/** Shard text kept per isolate: 16 MiB, about 256 shards of 64 KiB (the parsed records take a few times their text). */
export const INDEX_CACHE_BYTES = 16 * 1024 * 1024;

export const header = JSON.parse(content) as IndexHeader;

/** The directory (an array of paths) and the shards, by path. */
const kept = new Kept<Shard | string[]>(INDEX_CACHE_BYTES);

/** The record under `key` (`keys.article(slug)`, …), or undefined when there is none. */
export function record<K extends keyof RecordTypes>(key: `${K}:${string}`, source: BodySource): Maybe<RecordTypes[K] | undefined> {
  const directory = kept.peek(header.directory) as string[] | undefined;
  const shard = directory === undefined ? undefined : (kept.peek(directory[shardOf(key, header.shards)]!) as Shard | undefined);
  return shard === undefined ? readRecord(key, source) : (shard[key] as RecordTypes[K] | undefined);
}

async function readRecord<K extends keyof RecordTypes>(key: `${K}:${string}`, source: BodySource): Promise<RecordTypes[K] | undefined> {
  const directory = (await kept.get(header.directory, () => readJson(header.directory, source))) as string[];
  const path = directory[shardOf(key, header.shards)]!;
  const shard = (await kept.get(path, () => readJson(path, source))) as Shard;
  return shard[key] as RecordTypes[K] | undefined;
}

/** An index file parsed, and its size (its text's length: the budget counts text, not the parsed objects). */
async function readJson(path: string, source: BodySource): Promise<{ value: Shard | string[]; bytes: number }> {
  const text = await readFile(path, source);
  return { value: JSON.parse(text) as Shard | string[], bytes: text.length };
}

/** `then(value)` now when `value` is here, else once it is. */
export function andThen<T, U>(value: Maybe<T>, then: (value: T) => Maybe<U>): Maybe<U> {
  return value instanceof Promise ? value.then(then) : then(value);
}
