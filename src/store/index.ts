import content from '../generated/content.txt';
import { BodyCache, type BodySource } from './bodies';
import type { BundledAsset, Representation } from './bundle';
import { indexLookup } from './lookup';
import type { Origin } from './origin';
import { Kept } from './kept';
import type { IndexHeader, Shard } from './shards';

/**
 * Read access to the generated content. The content module holds only the index header, parsed at
 * startup; every other lookup is by key, read lazily from the index's shard files through the
 * static assets (`source`, the ASSETS binding) and kept per isolate (lookup.ts).
 */

export { andThen, storedArticle, type DocumentPage, type ListedArticle, type Maybe, type SlugTarget, type StoredArticle } from './lookup';

/**
 * Index files kept per isolate: 16 MiB of their text, about 256 shards of 64 KiB. Parsed, records
 * take about 1.5 times their text (64 shards of a 1,000-article corpus: 3.46 MB of text, 5.07 MB of
 * V8 heap, Node 24): some 24 MB, beside BODY_CACHE_BYTES, of the isolate's 128 MB.
 */
export const INDEX_CACHE_BYTES = 16 * 1024 * 1024;

const header = JSON.parse(content) as IndexHeader;
const assetsByName = new Map(header.assets.map((asset) => [asset.name, asset]));

/** The index as it is at a moment: its lookups, and when it next changes (a scheduled article goes live). */
export type Edition = ReturnType<typeof indexLookup> & {
  /** Names the edition (its directory file): what is kept per edition is kept under it. */
  name: string;
  /** When the next edition starts (milliseconds since the epoch); undefined when none does. */
  until: number | undefined;
};

/** Index files of every edition, kept within one budget. */
const keptIndex = new Kept<Shard | string[]>(INDEX_CACHE_BYTES);
const later = header.editions ?? [];
const starts = later.map(({ from }) => Date.parse(from));
const editions: Edition[] = [header, ...later].map((edition, at) => ({ ...indexLookup(edition, keptIndex), name: edition.directory, until: starts[at] }));

/**
 * The edition of the index served at `moment` (milliseconds since the epoch): the last one that
 * has started. Before a scheduled article's release no edition the Worker serves names it.
 */
export function editionAt(moment: number): Edition {
  let at = 0;
  while (at < starts.length && starts[at]! <= moment) at++;
  return editions[at]!;
}

/** Bodies kept per isolate, within the configured budget (BODY_CACHE_BYTES). */
let bodies: BodyCache | undefined;

/** Names this build; a Cache-Tag that purges everything it served. */
export const buildId = header.build;

/** The 404 page. */
export const notFoundPage = header.notFound;

/** The site's name and the oEmbed resizer script's asset name. */
export const embedding = header.embed;

export function findAsset(name: string): BundledAsset | undefined {
  return assetsByName.get(name);
}

/** Binary assets' bytes, decoded from base64 once per isolate. */
const decoded = new Map<string, Uint8Array>();

/** An asset's body as sent: its text, or a binary asset's bytes. */
export function assetBody(asset: BundledAsset): string | Uint8Array {
  if (asset.base64 !== true) return asset.body;
  let bytes = decoded.get(asset.name);
  if (bytes === undefined) {
    const binary = atob(asset.body);
    bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    decoded.set(asset.name, bytes);
  }
  return bytes;
}

/** The exact body of a representation for this origin (from the isolate, else its body file). */
export function readBody(representation: Representation, origin: Origin, source: BodySource, budget: number): Promise<Uint8Array> {
  return bodyCache(budget).get(representation, origin, source);
}

/** The body of a representation for this origin if the isolate keeps it (then a request awaits nothing). */
export function keptBody(representation: Representation, origin: Origin, budget: number): Uint8Array | undefined {
  return bodyCache(budget).peek(representation, origin);
}

function bodyCache(budget: number): BodyCache {
  if (bodies?.budget !== budget) bodies = new BodyCache(budget);
  return bodies;
}

export { etagOf, MissingBodyFile } from './bodies';
