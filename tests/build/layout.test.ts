import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildContent, type BuildResult } from '../../scripts/build/index';
import { Packer, PACK_BYTES } from '../../scripts/build/packs';
import { archivePages, HOME_PAGE_SIZE } from '../../scripts/build/paging';
import { memorySink, type KeptFile } from '../../scripts/build/sink';
import type { Span } from '../../src/store/bundle';
import { contentRoot } from './helpers';

/**
 * The output's layout at scale: bodies packed several to a file (packs.ts), list pages that stay
 * put when an article is published (paging.ts), both as the build writes them.
 */

type Built = Extract<BuildResult, { ok: true }>;

async function build(root: string): Promise<Built> {
  const result = await buildContent({ root });
  if (!result.ok) throw new Error(result.problems.map((problem) => problem.message).join('\n'));
  return result;
}

/** Packs `items` (each a group of bodies, optionally an anchor) with a `target`; each item's pack and spans, and the packs' texts. */
function pack(items: readonly (readonly [bodies: string[], anchor?: boolean])[], target: number) {
  const written: KeptFile[] = [];
  const sink = { write: (file: { path: string; text: string }) => written[written.push(memorySink.write(file)) - 1]!, copy: memorySink.copy };
  const packer = new Packer(sink, target);
  const placed: { file: string; spans: Span[]; bytes: number[] }[] = [];
  items.forEach(([bodies, anchor], at) => packer.add(bodies, (file, spans, bytes) => (placed[at] = { file, spans, bytes }), anchor));
  packer.close();
  return { placed, written, packOf: (at: number) => written.findIndex(({ path }) => path === placed[at]!.file) };
}

describe('packs', () => {
  it('fills a pack up to its target in UTF-8 bytes, in order, and says where each body is', () => {
    // Four items of 39 bytes ("é" is two bytes): two to a 100-byte pack.
    const item = (n: number): [string[]] => [[`${n}`.repeat(19) + 'é', 'x'.repeat(18)]];
    const { placed, written, packOf } = pack([item(1), item(2), item(3), item(4)], 100);
    expect(written.map(({ bytes }) => bytes)).toEqual([78, 78]);
    expect([0, 1, 2, 3].map(packOf)).toEqual([0, 0, 1, 1]);
    expect(placed[1]).toEqual({ file: written[0]!.path, spans: [[38, 58], [58, 76]], bytes: [21, 18] });
    expect(written[0]!.text.slice(...placed[1]!.spans[0]!)).toBe(`${'2'.repeat(19)}é`);
    expect(written[0]!.path).toMatch(/^\/b\/[\w-]{22}\.txt$/);
  });

  it('puts an item larger than the target in a pack of its own, and closes a pack after an anchor', () => {
    const small = (letter: string): [string[]] => [[letter.repeat(30)]];
    const { written, packOf } = pack([small('a'), [['L'.repeat(250)]], small('b'), [['c'.repeat(31)], true], small('d')], 100);
    expect([0, 1, 2, 3, 4].map(packOf)).toEqual([0, 1, 2, 2, 3]);
    expect(written.map(({ bytes }) => bytes)).toEqual([30, 250, 61, 30]);
  });

  it('builds an article larger than PACK_BYTES into a pack of its own, and its neighbours into others', async () => {
    const story = (n: number, body = `Body ${n}.`) => `---\ntitle: Story ${n}\ndatePublished: 2026-10-${String(n + 1).padStart(2, '0')}\n---\n\n${body}\n`;
    const large = Array.from({ length: 3000 }, (_, at) => `Paragraph ${at} of a very long story, told at length.`).join('\n\n');
    const result = await build(await contentRoot({ 'site.yml': 'name: edgewire\n', 'articles/story-0.md': story(0), 'articles/story-1.md': story(1, large), 'articles/story-2.md': story(2) }));
    const [newest, big, oldest] = result.articles;
    expect(big!.summary.slug).toBe('story-1');
    expect(result.files.find(({ path }) => path === big!.file)!.bytes).toBeGreaterThan(PACK_BYTES);
    expect(new Set([newest!.file, big!.file, oldest!.file]).size).toBe(3);
    expect(result.articles.filter(({ file }) => file === big!.file)).toHaveLength(1);
  });
});

describe('archive pages', () => {
  const numbers = (count: number) => Array.from({ length: count }, (_, at) => count - 1 - at);
  it('puts the newest HOME_PAGE_SIZE on the front and numbers archive pages from the oldest', () => {
    const pages = archivePages(numbers(2 * HOME_PAGE_SIZE + 5));
    expect(pages.map(({ paging }) => paging)).toEqual([
      { page: null, newer: null, older: 2 },
      { page: 1, newer: 2, older: null },
      { page: 2, newer: 3, older: 1 },
      { page: 3, newer: 'front', older: 2 },
    ]);
    expect(pages[0]!.items).toEqual(numbers(65).slice(0, HOME_PAGE_SIZE));
    expect(pages[1]!.items).toEqual(numbers(HOME_PAGE_SIZE));
    expect(pages[3]!.items).toEqual([64, 63, 62, 61, 60]);
  });

  it('keeps every full page as it was when one more entry comes: only the front and the newest pages change', () => {
    const before = archivePages(numbers(3 * HOME_PAGE_SIZE));
    const after = archivePages(numbers(3 * HOME_PAGE_SIZE + 1));
    expect(after).toHaveLength(5);
    const changed = after.flatMap((page, at) => (JSON.stringify(page) === JSON.stringify(before[at]) ? [] : [page.paging.page]));
    // The front; page 3, full already, now links to a newer page 4 (no longer to the front); page 4 is new.
    expect(changed).toEqual([null, 3, 4]);
    expect(after[3]!.items).toEqual(before[3]!.items);
    expect(archivePages(numbers(HOME_PAGE_SIZE))).toEqual([{ items: numbers(HOME_PAGE_SIZE), paging: { page: null, newer: null, older: null } }]);
    expect(archivePages([])).toEqual([{ items: [], paging: { page: null, newer: null, older: null } }]);
  });

  it('changes the front and the newest archive page of the home page and of a tag when an article is published, and no other page', async () => {
    const story = (n: number) => `---\ntitle: Story ${n}\ndatePublished: 2026-${String(1 + Math.floor(n / 28)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}\ntags: [wide]\n---\n\nBody ${n}.\n`;
    const files = Object.fromEntries([['site.yml', 'name: edgewire\n'], ...Array.from({ length: 2 * HOME_PAGE_SIZE + 5 }, (_, n) => [`articles/story-${n}.md`, story(n)])]);
    const root = await contentRoot(files);
    const before = await build(root);
    await writeFile(join(root, 'content/articles/story-65.md'), story(65));
    const after = await build(root);
    const pagesOf = (result: Built) => ({ home: result.index.pages.home, tag: result.index.documents['/tags/wide']!.pages });
    const [was, is] = [pagesOf(before), pagesOf(after)];
    // The front, then archive pages 1 to 3 (page 3: the 5, then the 6, newest).
    expect([was.home.length, is.home.length, was.tag.length, is.tag.length]).toEqual([4, 4, 4, 4]);
    const changed = (old: readonly { hash: string }[], now: readonly { hash: string }[]) => now.flatMap((page, at) => (page.hash === old[at]?.hash ? [] : [at === 0 ? 'front' : at]));
    expect(changed(was.home, is.home)).toEqual(['front', 3]);
    expect(changed(was.tag, is.tag)).toEqual(['front', 3]);
    const text = (result: Built, page: { file: string; start: number; end: number }) => result.files.find(({ path }) => path === page.file)!.text.slice(page.start, page.end);
    expect(text(after, is.home[1]!)).toBe(text(before, was.home[1]!));
    expect(text(after, is.tag[2]!)).toBe(text(before, was.tag[2]!));
    // No other article's bodies change (related articles are chosen among earlier ones), so every
    // pack but the newest is the same file.
    const hashes = (result: Built) => new Map(result.articles.map(({ summary, hash, file }) => [summary.slug, { hash, file }]));
    const [had, has] = [hashes(before), hashes(after)];
    expect([...had].filter(([slug, { hash }]) => has.get(slug)!.hash !== hash)).toEqual([]);
    const newest = has.get('story-65')!.file;
    expect([...had].filter(([slug, { file }]) => has.get(slug)!.file !== file).every(([slug]) => has.get(slug)!.file === newest)).toBe(true);
    expect(new Set([...had.values()].map(({ file }) => file)).size).toBeGreaterThan(1);
  });
});
