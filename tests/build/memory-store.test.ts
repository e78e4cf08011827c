import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUCKETS, bucketOf, KeptMap } from '../../scripts/build/cache/store';
import { tempDir } from './helpers';

const entries = (count: number) => new Map(Array.from({ length: count }, (_, at) => [`content/articles/story-${at}.md`, { at, text: `story ${at}` }] as const));

describe('a kept Map', () => {
  it('is read back whole, of its version only', async () => {
    const folder = { dir: await tempDir(), version: 'v1' };
    const kept = entries(2000);
    KeptMap.read(folder, 'listing').keep(kept);
    expect(KeptMap.read(folder, 'listing').previous).toEqual(kept);
    expect((await readdir(folder.dir)).length).toBe(BUCKETS);
    expect(KeptMap.read({ ...folder, version: 'v2' }, 'listing').previous).toEqual(new Map());
  });

  it('writes again only the buckets whose entries changed, came or went', async () => {
    const folder = { dir: await tempDir(), version: 'v1' };
    KeptMap.read(folder, 'listing').keep(entries(2000));
    const memory = KeptMap.read<{ at: number; text: string }>(folder, 'listing');
    const { previous } = memory;
    // Nothing left on disk: what the next keep writes is exactly what it rewrites.
    await rm(folder.dir, { recursive: true });
    const next = new Map(previous);
    next.set('content/articles/story-7.md', { at: 7, text: 'story 7, revised' });
    next.delete('content/articles/story-1500.md');
    next.set('content/articles/new.md', { at: 2000, text: 'new' });
    memory.keep(next);
    const written = (await readdir(folder.dir)).sort();
    const buckets = new Set(['content/articles/story-7.md', 'content/articles/story-1500.md', 'content/articles/new.md'].map(bucketOf));
    expect(written).toEqual([...buckets].map((bucket) => `listing-${bucket}.v8`).sort());
    // An equal value (not the very one taken) is a change unless `same` says otherwise.
    await rm(folder.dir, { recursive: true });
    const equal = new Map([...previous].map(([key, value]) => [key, { ...value }]));
    memory.keep(equal, (a, b) => a.text === b.text);
    await expect(readdir(folder.dir)).rejects.toThrow('ENOENT');
    memory.keep(equal);
    expect((await readdir(folder.dir)).length).toBe(BUCKETS);
    expect(KeptMap.read(folder, 'listing').previous).toEqual(previous);
  });
});
