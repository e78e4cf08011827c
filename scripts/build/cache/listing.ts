import type { Listed } from '../article';
import type { SourceEntry, Stamp } from '../collector';

/**
 * What a previous build made of each source file it listed (its metadata and its text's hash),
 * by path, taken back while the file's stamp (collector.ts: size, mtime in ns, inode) is what it was: an
 * unchanged archive is listed from memory instead of read and parsed again. The article is built
 * again from its file when it is rendered (and the file's text checked against the hash), so a
 * stamp that lies costs a stale list entry, never a page made from the wrong text.
 */
export class ListingMemo {
  readonly next = new Map<string, readonly [Stamp, Listed]>();
  /** Files whose entry this build made (not took): their buckets are written again. */
  private readonly made = new Set<string>();

  constructor(private readonly previous: ReadonlyMap<string, readonly [Stamp, Listed]>) {}

  /** What the previous build listed from this file, if its stamp is the same. */
  taken(source: SourceEntry, stamp: Stamp | null): Listed | undefined {
    const kept = stamp === null ? undefined : this.previous.get(source.file);
    if (kept === undefined || kept[0] !== stamp) return undefined;
    this.next.set(source.file, kept);
    return kept[1];
  }

  /** What this build listed from a file, under the stamp it had before it was read. */
  keep(source: SourceEntry, stamp: Stamp | null, listed: Listed): void {
    this.made.add(source.file);
    if (stamp !== null) this.next.set(source.file, [stamp, listed]);
  }

  /**
   * This build's entries in LISTING_BUCKETS buckets (by a hash of the path), each with whether it
   * differs from what the previous build kept in it: only those are written again (one edit
   * rewrites one bucket, not the archive's listing).
   */
  buckets(): { entries: Map<string, readonly [Stamp, Listed]>; changed: boolean }[] {
    const buckets = Array.from({ length: LISTING_BUCKETS }, () => ({ entries: new Map<string, readonly [Stamp, Listed]>(), changed: false, before: 0 }));
    for (const file of this.previous.keys()) buckets[bucketOf(file)]!.before++;
    for (const [file, entry] of this.next) buckets[bucketOf(file)]!.entries.set(file, entry);
    for (const file of this.made) buckets[bucketOf(file)]!.changed = true;
    return buckets.map(({ entries, changed, before }) => ({ entries, changed: changed || entries.size !== before }));
  }
}

/** Buckets the listing is kept in. */
export const LISTING_BUCKETS = 64;

/** A path's bucket: FNV-1a of its UTF-16 code units. */
export function bucketOf(file: string): number {
  let hash = 0x811c9dc5;
  for (let at = 0; at < file.length; at++) hash = Math.imul(hash ^ file.charCodeAt(at), 0x01000193);
  return (hash >>> 0) % LISTING_BUCKETS;
}
