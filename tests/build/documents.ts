import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { EMPTY_CATALOG } from '../../scripts/build/catalog';
import { articlesByTag, type SiteInput } from '../../scripts/build/documents';
import { buildContent, type BuildResult, type Newsroom } from '../../scripts/build/index';
import { formatProblem } from '../../scripts/build/problems';
import { siteView } from '../../scripts/build/site-view';
import type { Article } from '../../src/content/article';
import { siteSchema } from '../../src/content/site';
import { ORIGIN } from '../../src/store/bundle';
import { fixture } from './helpers';

/** Helpers for the tests of pre-rendered documents (feeds, sitemaps, crawler files). */

/** The origin the tests put where the marker stands. */
export const SITE = 'https://news.example';

export type Built = Extract<BuildResult, { ok: true }>;

export async function buildFixture(name: string): Promise<Built> {
  return buildAt(fixture(name));
}

/** The build of the content under `root`; it must succeed. */
export async function buildAt(root: string): Promise<Built> {
  const result = await buildContent({ root });
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result;
}

/** Every problem of the build of the content under `root`, as the build prints them (the build must fail). */
export async function problemLines(root: string): Promise<string[]> {
  const result = await buildContent({ root });
  if (result.ok) throw new Error('the build succeeded');
  return result.problems.map(formatProblem);
}

/** The served text of a document's page (from 1), with SITE for the origin. */
export function documentText(built: Built, path: string, page = 1): string {
  const stored = built.index.documents[path];
  if (stored === undefined) throw new Error(`no document at ${path}`);
  return servedText(built, stored.pages[page - 1]!);
}

/** The served text of a stored body (a page, an article's representation), with SITE for the origin. */
export function servedText(built: Built, { file, start, end }: { file: string; start: number; end: number }): string {
  return built.files.find((body) => body.path === file)!.text.slice(start, end).split(ORIGIN).join(SITE);
}

/** An article's representation as served: its page, JSON, Markdown or embed card. */
export function articleText(built: Built, slug: string, representation: 'html' | 'json' | 'markdown' | 'embed'): string {
  const at = built.index.slugs.indexOf(slug);
  if (at < 0) throw new Error(`no article ${slug}`);
  const line = built.articles[at]!;
  const [start, end] = line[representation];
  return servedText(built, { file: line.file, start, end });
}

/** Page n (from 1) of the home page as served. */
export const homeText = (built: Built, page = 1) => servedText(built, built.index.pages.home[page - 1]!);

/** The `<main>` element of a page: what the page itself says, without the site's header and footer. */
export function mainOf(page: string): string {
  const found = /<main id="main">\n[\s\S]*\n<\/main>/.exec(page);
  if (found === null) throw new Error('no <main> in the page');
  return found[0];
}

/** The one JSON-LD block of a page, parsed. */
export function jsonLdOf(page: string): unknown {
  const blocks = [...page.matchAll(/<script type="application\/ld\+json">([^<]*)<\/script>/g)];
  if (blocks.length !== 1) throw new Error(`${blocks.length} JSON-LD blocks in the page`);
  return JSON.parse(blocks[0]![1]!);
}

/** Every article as the build stored it (its JSON representation), newest first, URLs with SITE. */
export function builtArticles(built: Built): Article[] {
  return built.articles.map((line) => {
    const text = built.files.find((body) => body.path === line.file)!.text.slice(...line.json);
    return (JSON.parse(text.split(ORIGIN).join(SITE)) as { data: Article }).data;
  });
}

/**
 * What a document producer is given, for `articles` (newest first) on a site whose site.yml says
 * only `name: edgewire`: no authors, pages or sections. For producers run on their own (tiny limits, big lists).
 */
export function siteInput(articles: readonly Article[]): SiteInput {
  const newsroom: Newsroom = { site: { settings: siteSchema.parse({ name: 'edgewire' }), logo: null }, authors: [], pages: [], catalog: EMPTY_CATALOG };
  const context = { stylesheet: '/assets/site.css', favicon: '/assets/favicon.svg', siteName: 'edgewire', site: siteView(newsroom, null), timed: new Map() };
  const full = ({ slug }: { slug: string }) => articles.find((article) => article.slug === slug)!;
  return { articles, tags: articlesByTag(articles), full, context, newsroom };
}

const schemas = join(import.meta.dirname, 'schemas');

/** xmllint's verdict on `xml` against the committed schema `main` (XSD, or RELAX NG for .rng) and the files it imports. */
export async function validate(xml: string, main: string, imports: readonly string[] = []): Promise<{ valid: boolean; errors: string[] }> {
  const read = (name: string) => readFile(join(schemas, name), 'utf8').then((contents) => ({ fileName: name, contents }));
  const result = await validateXML({
    xml: [{ fileName: 'document.xml', contents: xml }],
    schema: [await read(main)],
    preload: await Promise.all(imports.map(read)),
    extension: main.endsWith('.rng') ? 'relaxng' : 'schema',
  });
  return { valid: result.valid, errors: result.errors.map((error) => error.message) };
}
