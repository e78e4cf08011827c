import type { Listed } from '../article';
import type { SourceEntry, Stamp } from '../collector';

/** A file's entry: its stamp when it was listed, and what was listed (with its pictures' stamps). */
export type ListingEntry = readonly [Stamp, Listed];

/** A picture's stamp by its place under content/ (collector.ts `fileStamp`): null when missing or changed too recently to trust. */
export type PictureStamp = (place: string) => Stamp | null;

/**
 * The stamp kept for a file that changed too recently to trust its own (collector.ts `stampOf`):
 * it matches no file's, so the next build lists the file again; its entry still says what the
 * output was made from (a patch compares an edit with it: delta.ts).
 */
export const UNSETTLED = '';

/**
 * What a previous build made of each source file it listed (its metadata and its text's hash),
 * by path, taken back while the file's stamp (collector.ts: size, mtime in ns, inode) is what it was: an
 * unchanged archive is listed from memory instead of read and parsed again. The article is built
 * again from its file when it is rendered (and the file's text checked against the hash), so a
 * stamp that lies costs a stale list entry, never a page made from the wrong text.
 */
export class ListingMemo {
  readonly next = new Map<string, ListingEntry>();

  constructor(
    private readonly previous: ReadonlyMap<string, ListingEntry>,
    private readonly pictureStamp: PictureStamp,
  ) {}

  /** What the previous build listed from this file, if its stamp and its pictures' stamps are the same. */
  taken(source: SourceEntry, stamp: Stamp | null): Listed | undefined {
    const kept = stamp === null ? undefined : this.previous.get(source.file);
    if (kept === undefined || kept[0] !== stamp || !kept[1].pictures.every(({ place, stamp: then }) => then === this.pictureStamp(place))) return undefined;
    this.next.set(source.file, kept);
    return kept[1];
  }

  /**
   * What this build listed from a file, under the stamp it had before it was read (UNSETTLED when
   * there was none to trust); kept only when its pictures' stamps (each taken before the picture
   * was read) can be trusted too.
   */
  keep(source: SourceEntry, stamp: Stamp | null, listed: Listed): void {
    if (listed.pictures.every(({ stamp: then }) => then !== null)) this.next.set(source.file, [stamp ?? UNSETTLED, listed]);
  }
}
