import { describe, expect, it } from 'vitest';
import { indexFiles } from '../../scripts/build/index-files';
import type { ArticleSummary } from '../../src/content/article';
import type { ArticleLine, ContentIndex, Representation } from '../../src/store/bundle';
import { indexLookup, type Maybe } from '../../src/store/lookup';
import { DOCUMENT_CHUNK, LIST_CHUNK } from '../../src/store/shards';

/**
 * The Worker's lookups in the sharded index (src/store/lookup.ts), over an index the build's
 * encoder wrote (scripts/build/index-files.ts), through a fake ASSETS binding: lists and documents
 * that span several records, the three things a slug can name, and what the isolate keeps.
 */

const ARTICLES = 2 * LIST_CHUNK + 50;
const PAGES = 2 * DOCUMENT_CHUNK + 2;

/** Article n, newest first: a-249 … a-0 (a-0 the oldest); every third is tagged `third`. */
const slugs = Array.from({ length: ARTICLES }, (_, at) => `a-${ARTICLES - 1 - at}`);
const line = (slug: string, at: number): ArticleLine => ({
  summary: { slug } as ArticleSummary,
  lastModified: 'Sat, 05 Dec 2026 00:00:00 GMT',
  file: `/b/${String(at).padStart(22, '0')}.txt`,
  hash: `bodies-of-${slug}`,
  json: [0, 1],
  html: [1, 2],
  markdown: [2, 3],
  embed: [3, 4],
});
const page = (n: number): Representation => ({ file: `/b/page-${n}.txt`, start: 0, end: n, hash: `p${n}` });
const third = slugs.flatMap((slug, at) => (Number(slug.slice(2)) % 3 === 0 ? [at] : []));
const index: ContentIndex = {
  build: 'b',
  slugs,
  tags: { third },
  pages: { home: [page(1), page(2), page(3)], notFound: page(0) },
  documents: { '/feed.xml': { contentType: 'application/xml', kind: 'list', pages: Array.from({ length: PAGES }, (_, at) => page(at + 1)) } },
  aliases: { 'old-name': 'a-7' },
  gone: { withdrawn: { title: 'W', date: '2026-12-01T00:00:00Z', reason: 'r', page: page(99) } },
  assets: [],
  embed: { siteName: 's', resizer: 'r.js' },
};
// Small shards (2 KiB), so that the records spread over several.
const { header, files } = indexFiles({ index, articles: slugs.map(line) }, 2048);
const text = new Map(files.map((file) => [file.path, file.text]));

/** A fake ASSETS binding over the index files, counting reads by path. */
function assets() {
  const reads: string[] = [];
  return {
    reads,
    fetch: async (input: string) => {
      const path = new URL(input).pathname;
      reads.push(path);
      return text.has(path) ? new Response(text.get(path)) : new Response('missing', { status: 404 });
    },
  };
}

const settled = async <T>(value: Maybe<T>) => value;

describe('index lookups (sharded records through the static assets)', () => {
  it('pages every list newest first, across its records, for every page and limit', async () => {
    const { listArticles } = indexLookup(header, 1 << 20);
    const source = assets();
    const slugsOf = async (query: { tag: string | null; page: number; limit: number }) => {
      const { items, total } = await settled(listArticles(query, source));
      return { slugs: items.map((item) => JSON.parse(item.summary.join('')).slug as string), total };
    };
    for (const limit of [1, 7, 20, 99, 100]) {
      for (let pageNumber = 1; (pageNumber - 1) * limit <= ARTICLES; pageNumber++) {
        const skip = (pageNumber - 1) * limit;
        expect(await slugsOf({ tag: null, page: pageNumber, limit })).toEqual({ slugs: slugs.slice(skip, skip + limit), total: ARTICLES });
      }
    }
    const tagged = third.map((at) => slugs[at]!);
    expect(await slugsOf({ tag: 'third', page: 2, limit: 30 })).toEqual({ slugs: tagged.slice(30, 60), total: tagged.length });
    expect(await slugsOf({ tag: 'no-such-tag', page: 1, limit: 20 })).toEqual({ slugs: [], total: 0 });
  });

  it('finds every page of a document across its records, and none past the last', async () => {
    const { findDocument, homePage } = indexLookup(header, 1 << 20);
    const source = assets();
    for (const n of [1, DOCUMENT_CHUNK, DOCUMENT_CHUNK + 1, 2 * DOCUMENT_CHUNK + 1, PAGES]) {
      expect(await settled(findDocument('/feed.xml', n, source))).toEqual({ contentType: 'application/xml', kind: 'list', count: PAGES, page: page(n) });
    }
    expect(await settled(findDocument('/feed.xml', PAGES + 1, source))).toEqual({ contentType: 'application/xml', kind: 'list', count: PAGES, page: undefined });
    expect(await settled(findDocument('/feed.xml', 999_999_999, source))).toMatchObject({ page: undefined });
    expect(await settled(findDocument('/nothing.xml', 1, source))).toBeUndefined();
    // The home page: its front first, then archive pages from the oldest.
    expect(await settled(homePage(null, source))).toEqual(page(1));
    expect(await settled(homePage(1, source))).toEqual(page(2));
    expect(await settled(homePage(2, source))).toEqual(page(3));
    expect(await settled(homePage(3, source))).toBeUndefined();
  });

  it('resolves a slug to its article, the article a former slug became, or its withdrawal, in any letter case', async () => {
    const { resolveSlug } = indexLookup(header, 1 << 20);
    const source = assets();
    expect(await settled(resolveSlug('A-12', source))).toMatchObject({ kind: 'article', article: { slug: 'a-12', json: { file: line('a-12', ARTICLES - 13).file, start: 0, end: 1 } } });
    // Each representation's hash (its ETag's core) is the record's hash of the article's bodies and its place, whatever pack holds them.
    expect(await settled(resolveSlug('a-12', source))).toMatchObject({ article: { json: { hash: 'bodies-of-a-12.0' }, embed: { hash: 'bodies-of-a-12.3' } } });
    expect(await settled(resolveSlug('old-name', source))).toEqual({ kind: 'moved', slug: 'a-7' });
    expect(await settled(resolveSlug('Withdrawn', source))).toEqual({ kind: 'gone', slug: 'withdrawn', gone: index.gone.withdrawn });
    expect(await settled(resolveSlug('no-such-article', source))).toBeUndefined();
  });

  it('reads the directory and each shard once, then answers without awaiting; with no budget it reads every time', async () => {
    expect(header.shards).toBeGreaterThan(1);
    const warm = indexLookup(header, 1 << 20);
    const source = assets();
    expect(warm.findArticle('a-3', source)).toBeInstanceOf(Promise);
    await warm.findArticle('a-3', source);
    expect(source.reads).toHaveLength(2);
    expect(source.reads[0]).toBe(header.directory);
    const again = warm.findArticle('a-3', source);
    expect(again).not.toBeInstanceOf(Promise);
    expect(again).toMatchObject({ slug: 'a-3' });
    expect(source.reads).toHaveLength(2);
    const cold = indexLookup(header, 0);
    const counted = assets();
    await cold.findArticle('a-3', counted);
    await cold.findArticle('a-3', counted);
    expect(counted.reads).toHaveLength(4);
  });

  it('takes at most the largest number of shards it is given, larger shards past it, and finds every record all the same', async () => {
    const capped = indexFiles({ index, articles: slugs.map(line) }, 2048, 4);
    expect([header.shards, capped.header.shards, capped.files.length]).toEqual([header.shards, 4, 1 + 4]);
    expect(header.shards).toBeGreaterThan(4);
    const texts = new Map(capped.files.map((file) => [file.path, file.text]));
    const { findArticle } = indexLookup(capped.header, 1 << 20);
    const source = { fetch: async (input: string) => new Response(texts.get(new URL(input).pathname) ?? null, { status: texts.has(new URL(input).pathname) ? 200 : 404 }) };
    for (const slug of ['a-0', 'a-123', 'a-249']) expect(await settled(findArticle(slug, source))).toMatchObject({ slug });
  });

  it('fails a lookup whose shard is missing from the assets as a missing file', async () => {
    const { findArticle } = indexLookup(header, 1 << 20);
    const empty = { fetch: async () => new Response('Not Found', { status: 404 }) };
    await expect(settled(findArticle('a-3', empty))).rejects.toThrow(`Body file ${header.directory} could not be read from the static assets: HTTP 404`);
  });
});
