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

/** Where an item's bodies landed: its pack's path, each body's span in it, each body's size in UTF-8 bytes, and the item's note. */
export type Placed = (file: string, spans: Span[], bytes: number[], note: string) => void;

/** Why a pack closed: its last item is an anchor, the next item would take it past the target, or its items ended. */
export type Closed = 'anchor' | 'size' | 'end';

/** A pack as a previous build wrote it: its items' keys, its file, where each item's bodies are in it, and why it closed. */
export interface KeptPack {
  keys: string[];
  file: StoredFile;
  items: { spans: Span[]; bytes: number[]; note: string }[];
  closed: Closed;
}

/** Hears of every pack whose items all had keys (the build's memory of its packs, cache/pack-memo.ts). */
export type PackRecorder = (pack: KeptPack) => void;

/** Items (groups of bodies kept together) into packs of about `target` bytes, each written through `sink` once full. */
export class Packer<F extends StoredFile = StoredFile> {
  private bodies: string[] = [];
  private waiting: { sizes: number[]; placed: Placed; key: string | undefined; note: string }[] = [];
  private bytes = 0;
  readonly written: F[] = [];

  constructor(
    private readonly sink: BodySink<F>,
    readonly target: number = PACK_BYTES,
    private readonly recorder?: PackRecorder,
  ) {}

  /** Whether an item of `bytes` would start a pack: nothing is waiting, or it would take the pack past the target. */
  starts(bytes: number): boolean {
    return this.waiting.length === 0 || this.bytes + bytes > this.target;
  }

  /**
   * Adds one item. A pack that holds something and would pass the target with it is closed
   * first, so an item larger than the target is alone in its pack; `anchor` closes the pack
   * after it. Where packs close depends only on the items' sizes and anchors, so the same items
   * make the same packs: what lets a build take a pack it made before (`reuse`). `key` identifies
   * the item's bodies without rendering them (a hash of what they are made from); `note` is kept
   * with them (an article's own hash) and handed to `placed`.
   */
  add(bodies: readonly string[], placed: Placed, anchor = false, key?: string, note = ''): void {
    const sizes = bodies.map((body) => Buffer.byteLength(body));
    const size = sum(sizes);
    if (this.waiting.length > 0 && this.bytes + size > this.target) this.close('size');
    this.bodies.push(...bodies);
    this.waiting.push({ sizes, placed, key, note });
    this.bytes += size;
    if (anchor) this.close('anchor');
  }

  /**
   * Takes a pack a previous build made of the same items, already in the assets folder, instead of
   * making it again: only where its first item would start a pack (packs start where they started
   * then); the pack being filled is closed first, as adding that item would close it.
   */
  reuse(pack: KeptPack, placed: readonly Placed[]): void {
    if (!this.starts(sum(pack.items[0]!.bytes))) throw new Error('a kept pack can only start a pack');
    this.close('size');
    this.written.push(pack.file as F);
    pack.items.forEach(({ spans, bytes, note }, at) => placed[at]!(pack.file.path, spans, bytes, note));
    this.recorder?.(pack);
  }

  /** Writes the pack being filled, if any, and tells each of its items where it is; `closed` says why (the caller's: its items end). */
  close(closed: Closed = 'end'): void {
    if (this.waiting.length === 0) return;
    const text = this.bodies.join('');
    const file: BodyFile = { path: `/b/${contentHash(text)}.txt`, text };
    const stored = this.sink.write(file);
    this.written.push(stored);
    let start = 0;
    let at = 0;
    const items: KeptPack['items'] = [];
    for (const { sizes, placed, note } of this.waiting) {
      const spans = this.bodies.slice(at, (at += sizes.length)).map((body): Span => [start, (start += body.length)]);
      placed(file.path, spans, sizes, note);
      items.push({ spans, bytes: sizes, note });
    }
    const keys = this.waiting.map(({ key }) => key);
    if (this.recorder !== undefined && keys.every((key) => key !== undefined)) this.recorder({ keys, file: { path: stored.path, bytes: stored.bytes }, items, closed });
    this.bodies = [];
    this.waiting = [];
    this.bytes = 0;
  }
}

const sum = (sizes: readonly number[]) => sizes.reduce((total, bytes) => total + bytes, 0);

/** The packs a previous build made, by their first item's key (cache/pack-memo.ts). */
export interface KeptPacks {
  /** Whether a kept pack starts with this item. */
  has(key: string): boolean;
  /** The kept pack starting at `key(0)` whose items are exactly the next ones, if its file is still there. */
  match(remaining: number, key: (offset: number) => string | undefined): KeptPack | undefined;
  /** The size in bytes of the item with this key, if a kept pack holds it. */
  size(key: string): number | undefined;
}

/** Items to pack in order: what identifies each without rendering it, whether it closes its pack, where it goes, its note. */
export interface PackItems {
  readonly count: number;
  key(at: number): string | undefined;
  anchor(at: number): boolean;
  placed(at: number): Placed;
  note(at: number, bodies: readonly string[]): string;
}

/**
 * Packs `items` in order, taking a kept pack wherever its first item would start a pack and it holds
 * exactly the next items (then nothing in it is rendered), and yielding the rest to be rendered, up to `window` at a
 * time: a window stops before an item a kept pack starts with, so an edit re-renders its own pack
 * and not the archive after it. The same packs as rendering every item: where packs close depends
 * only on the items.
 */
export function* packing(packer: Packer<StoredFile>, items: PackItems, kept: KeptPacks | undefined, window: number, advanced: (count: number) => void = () => {}): Generator<number[], void, readonly (readonly string[])[]> {
  for (let at = 0; at < items.count; ) {
    const pack = kept?.match(items.count - at, (offset) => items.key(at + offset));
    if (pack !== undefined && packer.starts(sum(pack.items[0]!.bytes)) && closesAgain(pack, at, items, kept!, packer.target)) {
      packer.reuse(pack, pack.keys.map((_, offset) => items.placed(at + offset)));
      advanced(pack.keys.length);
      at += pack.keys.length;
      continue;
    }
    const next: number[] = [at];
    for (let more = at + 1; more < items.count && next.length < window; more++) {
      const key = kept === undefined ? undefined : items.key(more);
      if (key !== undefined && kept!.has(key)) break;
      next.push(more);
    }
    const bodies = yield next;
    next.forEach((item, place) => packer.add(bodies[place]!, items.placed(item), items.anchor(item), items.key(item), items.note(item, bodies[place]!)));
    advanced(next.length);
    at += next.length;
  }
}

/**
 * Whether a kept pack taken at `at` would close where it closed before: after an anchor always;
 * where the items end only if they end there again; for its size only if the item after it is
 * one a kept pack holds (so its size is known without rendering it) and still does not fit.
 */
function closesAgain(pack: KeptPack, at: number, items: PackItems, kept: KeptPacks, target: number): boolean {
  const after = at + pack.keys.length;
  if (pack.closed === 'anchor') return true;
  if (pack.closed === 'end' || after >= items.count) return pack.closed === 'end' && after === items.count;
  const next = items.key(after);
  const size = next === undefined ? undefined : kept.size(next);
  return size !== undefined && pack.file.bytes + size > target;
}

/** Runs `packing` with a renderer that answers at once. */
export function packNow(steps: Generator<number[], void, readonly (readonly string[])[]>, render: (at: number) => readonly string[]): void {
  for (let step = steps.next([]); !step.done; step = steps.next(step.value.map(render)));
}

/** Runs `packing` with a renderer that answers later (worker threads). */
export async function packLater(steps: Generator<number[], void, readonly (readonly string[])[]>, render: (items: number[]) => Promise<readonly (readonly string[])[]>): Promise<void> {
  for (let step = steps.next([]); !step.done; step = steps.next(await render(step.value)));
}
