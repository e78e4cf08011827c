import type { IndexMemory } from '../index-files';
import type { StoredFile } from '../sink';

/** What one build keeps of its index for the next: shard files by their records' key, record sizes by print. */
export interface KeptIndex {
  shards: Map<string, StoredFile>;
  sizes: Map<string, number>;
}

/**
 * The index shards and record sizes of the previous build (index-files.ts), for this build to
 * take where its records are the same; and this build's, for the next. A shard is offered only
 * while its file is still in the assets folder.
 */
export class IndexMemo implements IndexMemory<StoredFile> {
  readonly next: KeptIndex = { shards: new Map(), sizes: new Map() };

  constructor(
    private readonly previous: KeptIndex,
    private readonly present: (path: string) => boolean,
  ) {}

  shard(key: string): StoredFile | undefined {
    const file = this.previous.shards.get(key);
    return file !== undefined && this.present(file.path) ? file : undefined;
  }

  size(print: string): number | undefined {
    return this.previous.sizes.get(print);
  }

  keepShard(key: string, { path, bytes }: StoredFile): void {
    this.next.shards.set(key, { path, bytes });
  }

  keepSize(print: string, bytes: number): void {
    this.next.sizes.set(print, bytes);
  }
}
