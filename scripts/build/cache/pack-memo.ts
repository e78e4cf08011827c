import type { KeptPack, KeptPacks } from '../packs';

/**
 * The packs of the previous build, by their first item's key, for this build to take where its
 * items are the same (packs.ts `packing`); and the packs of this build, taken or made, for the next.
 * A pack is offered only while its file is still in the assets folder.
 */
export class PackMemo implements KeptPacks {
  readonly next = new Map<string, KeptPack>();
  private sizes: Map<string, number> | undefined;

  constructor(
    private readonly previous: ReadonlyMap<string, KeptPack>,
    private readonly present: (path: string) => boolean,
  ) {}

  has(key: string): boolean {
    return this.previous.has(key);
  }

  match(remaining: number, key: (offset: number) => string | undefined): KeptPack | undefined {
    const first = key(0);
    const pack = first === undefined ? undefined : this.previous.get(first);
    if (pack === undefined || pack.keys.length > remaining || !this.present(pack.file.path)) return undefined;
    for (let offset = 1; offset < pack.keys.length; offset++) if (key(offset) !== pack.keys[offset]) return undefined;
    return pack;
  }

  size(key: string): number | undefined {
    if (this.sizes === undefined) {
      this.sizes = new Map();
      for (const { keys, items } of this.previous.values()) keys.forEach((item, at) => this.sizes!.set(item, items[at]!.bytes.reduce((total, bytes) => total + bytes, 0)));
    }
    return this.sizes.get(key);
  }

  /** A pack this build wrote or took. */
  readonly record = (pack: KeptPack): void => {
    this.next.set(pack.keys[0]!, pack);
  };
}
