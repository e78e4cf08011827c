import type { BodyFile, Span } from '../../src/store/bundle';
import { contentHash } from './hash';
import type { BodySink, StoredFile } from './sink';

/**
 * Body files as packs: several articles' bodies (or several pages of a document) in one static
 * asset, so the file count grows by a pack per PACK_BYTES, not by a file per article (a version
 * holds 20,000 files on Free, 100,000 on Paid). A cold read of an article reads its whole pack
 * (Workers Static Assets answer a Range request with the whole file), so the target is what one
 * cold article costs in bytes read, against files. An article's four bodies are ~28 KB (the bench
 * corpus): at 512 KiB a pack holds ~16 (10,000 articles: 647 packs, 443 KB on average), so a
 * million articles take ~64,000 packs, inside the Paid plan's 100,000 files with the index and the
 * pages; 256 KiB would take ~117,000 packs there, and 128 KiB ~240,000.
 *
 * A pack is named by the hash of its text, so it changes when any body in it changes: items are
 * packed in a stable order (oldest first), publishing touches only the newest pack, and an item
 * may close its pack ("an anchor": an article whose slug hashes so) so that an edit that changes
 * an article's length moves the boundaries only up to the next anchor, not through the archive.
 */
export const PACK_BYTES = 512 * 1024;

/**
 * One article in PACK_ANCHOR (by its slug's hash, a power of two) closes its pack: on average an
 * edit rewrites the packs up to the next anchor, ~4 at 16 articles a pack, while packs still fill
 * to ~15.5 articles (one in 16 would cut them to ~11, and so add 40 % more files).
 */
export const PACK_ANCHOR = 64;

/** Where an item's bodies landed: its pack's path, each body's span in it, and each body's size in UTF-8 bytes. */
export type Placed = (file: string, spans: Span[], bytes: number[]) => void;

/** Items (groups of bodies kept together) into packs of about `target` bytes, each written through `sink` once full. */
export class Packer<F extends StoredFile = StoredFile> {
  private bodies: string[] = [];
  private waiting: { sizes: number[]; placed: Placed }[] = [];
  private bytes = 0;
  readonly written: F[] = [];

  constructor(
    private readonly sink: BodySink<F>,
    private readonly target: number = PACK_BYTES,
  ) {}

  /**
   * Adds one item. A pack that holds something and would pass the target with it is closed
   * first, so an item larger than the target is alone in its pack; `anchor` closes the pack
   * after it.
   */
  add(bodies: readonly string[], placed: Placed, anchor = false): void {
    const sizes = bodies.map((body) => Buffer.byteLength(body));
    const size = sizes.reduce((sum, bytes) => sum + bytes, 0);
    if (this.waiting.length > 0 && this.bytes + size > this.target) this.close();
    this.bodies.push(...bodies);
    this.waiting.push({ sizes, placed });
    this.bytes += size;
    if (anchor) this.close();
  }

  /** Writes the pack being filled, if any, and tells each of its items where it is. */
  close(): void {
    if (this.waiting.length === 0) return;
    const text = this.bodies.join('');
    const file: BodyFile = { path: `/b/${contentHash(text)}.txt`, text };
    this.written.push(this.sink.write(file));
    let start = 0;
    let at = 0;
    for (const { sizes, placed } of this.waiting) {
      const spans = this.bodies.slice(at, (at += sizes.length)).map((body): Span => [start, (start += body.length)]);
      placed(file.path, spans, sizes);
    }
    this.bodies = [];
    this.waiting = [];
    this.bytes = 0;
  }
}
