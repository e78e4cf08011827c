/**
 * The pages every check looks at, as data: the front page, a section page, a tag page, the newest
 * article, an article with a correction, an author page, a static page, the corrections page, the
 * newest article's embed card, search results for a word of its slug, a 404 and a withdrawn article's 410, each with the status it must
 * answer. They are found on the served site (its API and sitemap), so the list follows the
 * content; a kind of page the content has none of (no sections, no authors…) is left out.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { z, ZodType } from 'zod';
import { paths, RESERVED_PAGE_SLUGS } from '../../src/content/paths';
import { readWholeIndex, type IndexHeader } from '../../src/store/shards';

export interface CheckedPage {
  /** Short name: table rows and file names. */
  name: string;
  path: string;
  /** The HTTP status the page must answer. */
  status: number;
}

/** What the pages are found from; all but the newest article may be missing. */
export interface SiteSample {
  /** The newest article's slug and its first tag (the tag page checked). */
  newest: { slug: string; tags: readonly string[] };
  /** A section's slug: the one with the most of the newest articles (the fullest page). */
  section?: string | undefined;
  /** The newest article with a correction. */
  corrected?: string | undefined;
  /** An author: the one with the most articles. */
  author?: string | undefined;
  /** A static page's slug. */
  page?: string | undefined;
  /** A withdrawn article's slug. */
  withdrawn?: string | undefined;
}

const ok = (name: string, path: string): CheckedPage => ({ name, path, status: 200 });

/** The pages to check, given what the site has: with no tag to show, the list of tags stands in. */
export function pagesFor(newest: SiteSample['newest'], sample: Omit<SiteSample, 'newest'> = {}): CheckedPage[] {
  const tag = newest.tags[0];
  const { section, corrected, author, page, withdrawn } = sample;
  return [
    ok('home', paths.home),
    ...(section === undefined ? [] : [ok('section', paths.section(section))]),
    tag === undefined ? ok('tags', paths.tags) : ok('tag', paths.tag(tag)),
    ok('article', paths.article(newest.slug)),
    ...(corrected === undefined || corrected === newest.slug ? [] : [ok('corrected', paths.article(corrected))]),
    ...(corrected === undefined ? [] : [ok('corrections', paths.corrections)]),
    ...(author === undefined ? [] : [ok('author', paths.author(author))]),
    ...(page === undefined ? [] : [ok('page', paths.page(page))]),
    ok('embed', paths.articleEmbed(newest.slug)),
    ok('search', `${paths.search}?q=${searchWord(newest.slug)}`),
    { name: 'not-found', path: paths.article('no-such-article'), status: 404 },
    ...(withdrawn === undefined ? [] : [{ name: 'gone', path: paths.article(withdrawn), status: 410 }]),
  ];
}

/** A word of the newest article's slug to search for (the first of three letters or more): the search page with results. */
function searchWord(slug: string): string {
  const words = slug.split('-');
  return words.find((word) => word.length >= 3) ?? words[0]!;
}

/**
 * The pages shown in screenshots and measured by Lighthouse, each under the name its screenshot
 * files take: the front page, a section page, an article (one with a correction when there is
 * one: it shows the most of the article page), an author page and search results.
 */
export function mainPages(pages: readonly CheckedPage[]): CheckedPage[] {
  const named = (name: string) => pages.find((page) => page.name === name);
  const chosen: [string, CheckedPage | undefined][] = [
    ['home', named('home')],
    ['section', named('section')],
    ['article', named('corrected') ?? named('article')],
    ['author', named('author')],
    ['search', named('search')],
  ];
  return chosen.flatMap(([name, page]) => (page === undefined ? [] : [{ ...page, name }]));
}

/** The item that `count` rates highest; the first of those tied. */
function most<T>(items: readonly T[], count: (item: T) => number): T | undefined {
  return items.reduce<T | undefined>((best, item) => (best === undefined || count(item) > count(best) ? item : best), undefined);
}

/** GETs `path` on `origin` and parses its JSON with `schema`; anything but a 200 throws. */
async function fetchJson<T>(origin: string, path: string, schema: ZodType<T>): Promise<T> {
  const response = await fetch(origin + path);
  if (response.status !== 200) throw new Error(`GET ${path}: expected 200, got ${response.status}`);
  return schema.parse(await response.json());
}

/** The API's answers the checks read. zod loads here, not on import: every check imports this module before answering --help. */
async function schemas() {
  const { z } = await import('zod');
  return {
    articleList: z.object({
      data: z.array(z.object({ slug: z.string(), tags: z.array(z.string()), dateModified: z.string().nullable(), section: z.object({ slug: z.string() }).nullable() })).min(1),
    }),
    articleCorrections: z.object({ data: z.object({ corrections: z.array(z.unknown()) }) }),
    authorList: z.object({ data: z.array(z.object({ id: z.string(), articleCount: z.number() })) }),
  };
}
type Schemas = Awaited<ReturnType<typeof schemas>>;

/** The newest article with a correction among `candidates` (a correction moves dateModified, so only those that have one are asked). */
async function correctedArticle(origin: string, candidates: z.infer<Schemas['articleList']>['data'], schema: Schemas['articleCorrections']): Promise<string | undefined> {
  for (const { slug, dateModified } of candidates) {
    if (dateModified === null) continue;
    const { data } = await fetchJson(origin, paths.apiArticle(slug), schema);
    if (data.corrections.length > 0) return slug;
  }
  return undefined;
}

/** A static page: a one-segment path in the sitemap that is none of the site's own (a sitemap index, on a large site, names none: then none is checked). */
async function staticPage(origin: string): Promise<string | undefined> {
  const response = await fetch(origin + paths.sitemap);
  if (response.status !== 200) throw new Error(`GET ${paths.sitemap}: expected 200, got ${response.status}`);
  const locations = [...(await response.text()).matchAll(/<loc>([^<]+)<\/loc>/g)].map(([, url]) => new URL(url!).pathname);
  return locations.map((path) => /^\/([^/.]+)$/.exec(path)?.[1]).find((slug) => slug !== undefined && !RESERVED_PAGE_SLUGS.includes(slug));
}

/**
 * The withdrawn articles of the build being served: the site lists none of them (that is the
 * point), so they come from the index the build wrote (its header in `module`, its records in the
 * shard files under `assets`).
 */
export async function withdrawnSlugs(module: string, assets: string): Promise<string[]> {
  const header = JSON.parse(await readFile(module, 'utf8')) as IndexHeader;
  const index = await readWholeIndex(header, (path) => readFile(join(assets, path), 'utf8'));
  return Object.keys(index.gone);
}

/** The pages to check on the site at `origin` (`withdrawn`: the build's withdrawn articles). */
export async function findPages(origin: string, withdrawn: readonly string[] = []): Promise<CheckedPage[]> {
  const { articleList, articleCorrections, authorList } = await schemas();
  const articles = (await fetchJson(origin, `${paths.apiArticles}?limit=100`, articleList)).data;
  const authors = (await fetchJson(origin, paths.apiAuthors, authorList)).data;
  const sectionSlugs = articles.flatMap(({ section }) => (section === null ? [] : [section.slug]));
  return pagesFor(articles[0]!, {
    section: most(sectionSlugs, (slug) => sectionSlugs.filter((other) => other === slug).length),
    corrected: await correctedArticle(origin, articles, articleCorrections),
    author: most(authors, ({ articleCount }) => articleCount)?.id,
    page: await staticPage(origin),
    withdrawn: withdrawn[0],
  });
}
