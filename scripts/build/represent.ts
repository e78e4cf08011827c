import { SUMMARY_FIELDS, type Article, type ArticleSummary } from '../../src/content/article';
import { paths } from '../../src/content/paths';
import type { FrontMatter } from '../../src/content/schema';
import { ORIGIN, representationHash, type ArticleLine, type BodyFile, type ContentIndex, type GoneArticle, type Representation, type Span, type StoredDocument } from '../../src/store/bundle';
import { articlePage, type ArticlePageExtras } from '../../src/views/article-page';
import { gonePage } from '../../src/views/gone-page';
import type { FrontPage } from '../../src/views/index-page';
import { embedCard, type EmbedContext } from '../../src/views/embed/card';
import type { ViewContext } from '../../src/views/format';
import type { DevNotice } from '../../src/views/notice';
import { indexPage } from '../../src/views/index-page';
import { notFoundPage } from '../../src/views/not-found-page';
import { assertNoReservedCharacter } from './characters';
import { articlesByTag, PRODUCERS, type DocumentSource, type SiteInput } from './documents';
import { frontPage, RELATED_SIZE, relatedArticles } from './front-page';
import type { Newsroom } from './index';
import { siteView } from './site-view';
import { markdownDocument } from './markdown-representation';
import { siteAssets, type AssetSources } from './assets';
import { contentHash } from './hash';
import { HOME_PAGE_SIZE, paginate } from './paging';

export { contentHash, HOME_PAGE_SIZE };

/** An article with the Markdown body and front matter it was rendered from, and its source file (for messages). */
export interface SourcedArticle {
  file: string;
  article: Article;
  body: string;
  frontMatter: FrontMatter;
  /** The instants written with a time of day. */
  timed: readonly string[];
}

/** The build's output: the index and article table for the Worker bundle, the body files for the static assets. */
export interface BuildOutput {
  index: ContentIndex;
  /** Newest first, line i for `index.slugs[i]`. */
  articles: ArticleLine[];
  files: BodyFile[];
}


/** Collects bodies into content-addressed files, one file per group of representations. */
class BodyFiles {
  readonly files: BodyFile[] = [];

  /** Stores `bodies` together in one file; returns its path and where each body is in it. */
  add(...bodies: string[]): { file: string; spans: Span[] } {
    const text = bodies.join('');
    const file = `/b/${contentHash(text)}.txt`;
    this.files.push({ path: file, text });
    let start = 0;
    const spans = bodies.map((body): Span => [start, (start += body.length)]);
    return { file, spans };
  }

  /** Stores one body in a file of its own. */
  single(body: string): Representation {
    return this.group([body])[0]!;
  }

  /** Stores bodies together in one file; each comes back as a representation of its own. */
  group(bodies: readonly string[]): Representation[] {
    const { file, spans } = this.add(...bodies);
    return spans.map(([start, end], place) => ({ file, start, end, hash: representationHash(file, place) }));
  }
}

/** Stores each group of documents in one body file; the table of documents by path. */
function storeDocuments(groups: readonly (readonly DocumentSource[])[], files: BodyFiles): Record<string, StoredDocument> {
  const documents: Record<string, StoredDocument> = {};
  for (const group of groups) {
    const stored = files.group(group.flatMap((document) => document.pages));
    let at = 0;
    for (const { path, contentType, kind, pages } of group) {
      if (Object.hasOwn(documents, path)) throw new Error(`Two documents at ${path}`);
      documents[path] = { contentType, kind, pages: stored.slice(at, (at += pages.length)) };
    }
  }
  return documents;
}

/** The article's list entry: the first fields of the article, in the same order. */
export function toSummary(article: Article): ArticleSummary {
  return Object.fromEntries(SUMMARY_FIELDS.map((field) => [field, article[field]])) as ArticleSummary;
}

/** The article's bodies, in one file: JSON, the page, Markdown, the embed card (the order of `representation` places in the store). */
function articleLine({ article, body }: SourcedArticle, context: ViewContext, embed: EmbedContext, files: BodyFiles, extras: ArticlePageExtras): ArticleLine {
  // Every U+E000 in the output must be one the build put there: the article's url, and the url of
  // each author with a page here (derive.ts makes it); an inline byline's url is the author's own text.
  const { url: _url, authors, ...content } = article;
  const written = authors.map(({ id, url, ...credit }) => (id === undefined ? { ...credit, url } : credit));
  assertNoReservedCharacter({ ...content, authors: written, body }, article.slug);
  const bodies = [JSON.stringify({ data: article }), articlePage(article, context, extras).toString(), markdownDocument(article, body), embedCard(article, embed).toString()];
  const { file, spans } = files.add(...bodies);
  const [json, html, markdown, card] = spans as [Span, Span, Span, Span];
  return { summary: toSummary(article), lastModified: new Date(article.dateModified ?? article.datePublished).toUTCString(), file, json, html, markdown, embed: card };
}

/**
 * The home page, HOME_PAGE_SIZE articles a page; one page (saying so) when there are none. Page 1
 * is the front page: it leads with `front` and lists the latest articles but the lead.
 */
function homePages(summaries: readonly ArticleSummary[], front: FrontPage, context: ViewContext, files: BodyFiles): Representation[] {
  const pages = paginate(summaries);
  return pages.map((items, index) => {
    const page = index + 1;
    const listed = page === 1 ? items.filter((item) => item !== front.lead) : items;
    return files.single(indexPage(listed, { page, pages: pages.length }, { ...context, canonical: `${ORIGIN}${paths.homePage(page)}` }, front).toString());
  });
}

/** Line numbers of each tag's articles, newest first; tags in code-point order. */
function tagIndex(lines: readonly ArticleLine[]): Record<string, number[]> {
  const tags = new Map<string, number[]>();
  lines.forEach(({ summary }, line) => {
    for (const tag of summary.tags) {
      const tagged = tags.get(tag);
      if (tagged === undefined) tags.set(tag, [line]);
      else tagged.push(line);
    }
  });
  return Object.fromEntries([...tags].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Each withdrawn article's 410 page, all in one body file (few, and read rarely). */
function goneArticles(withdrawn: readonly SourcedArticle[], context: ViewContext, files: BodyFiles): Record<string, GoneArticle> {
  if (withdrawn.length === 0) return {};
  const notices = withdrawn.map(({ article, frontMatter, timed }) => ({ slug: article.slug, title: article.title, ...frontMatter.withdrawn!, timed: timed.includes(frontMatter.withdrawn!.date) }));
  const pages = files.group(notices.map((notice) => gonePage(notice, context).toString()));
  return Object.fromEntries(notices.map(({ slug, title, date, reason }, at) => [slug, { title, date, reason, page: pages[at]! }]));
}

/** Every former slug with the slug it now has, in code-point order. */
function aliasIndex(articles: readonly SourcedArticle[]): Record<string, string> {
  const pairs = articles.flatMap(({ article, frontMatter }) => frontMatter.aliases.map((alias) => [alias, article.slug] as const));
  return Object.fromEntries(pairs.sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Each tag's summaries, newest first (the order they come in). */
function summariesByTag(summaries: readonly ArticleSummary[]): Map<string, ArticleSummary[]> {
  const byTag = new Map<string, ArticleSummary[]>();
  for (const summary of summaries) for (const tag of summary.tags) byTag.set(tag, [...(byTag.get(tag) ?? []), summary]);
  return byTag;
}

/**
 * Pre-renders every representation of every article (newest first), the pages and the assets.
 * A withdrawn article is served only as its 410 page; `notice` (dev builds only) is listed at the
 * top of every HTML page.
 */
export function represent(articles: readonly SourcedArticle[], newsroom: Newsroom, sources: AssetSources, notice?: DevNotice): BuildOutput {
  const { stylesheet, favicon, faviconDocument, embed, logo } = siteAssets(sources, newsroom.site.logo);
  const { settings } = newsroom.site;
  const site = siteView(newsroom, logo === null ? null : paths.asset(logo.name));
  const timed = new Map(articles.map(({ article, timed: instants }) => [article.slug, new Set(instants)]));
  const context: ViewContext = { stylesheet: paths.asset(stylesheet.name), favicon: paths.asset(favicon.name), siteName: settings.name, site, timed, ...(notice === undefined ? {} : { notice }) };
  const card: EmbedContext = { siteName: settings.name, stylesheet: paths.asset(embed.stylesheet.name), script: paths.asset(embed.script.name), site, timed };
  const files = new BodyFiles();
  const live = articles.filter(({ frontMatter }) => frontMatter.withdrawn === undefined);
  const summaries = live.map(({ article }) => toSummary(article));
  const byTag = summariesByTag(summaries);
  const order = new Map(summaries.map(({ slug }, at) => [slug, at]));
  const newestBySection = new Map(settings.sections.map(({ slug }) => [slug, summaries.filter((summary) => summary.section?.slug === slug).slice(0, RELATED_SIZE + 1)]));
  const related = (summary: ArticleSummary) => relatedArticles(summary, byTag, order, newestBySection.get(summary.section?.slug ?? '') ?? []);
  const lines = live.map((article, at) => articleLine(article, context, card, files, { draft: article.frontMatter.draft, related: related(summaries[at]!) }));
  const front = frontPage(summaries, new Set(live.filter(({ frontMatter }) => frontMatter.featured).map(({ article }) => article.slug)), settings.sections);
  const pages = { home: homePages(summaries, front, context, files), notFound: files.single(notFoundPage(context).toString()) };
  const gone = goneArticles(articles.filter(({ frontMatter }) => frontMatter.withdrawn !== undefined), context, files);
  const published = live.map(({ article }) => article);
  const input: SiteInput = { articles: published, tags: articlesByTag(published), context, newsroom };
  const documents = storeDocuments([...PRODUCERS.flatMap((produce) => produce(input)), [faviconDocument]], files);
  const assets = [stylesheet, favicon, embed.stylesheet, embed.script, embed.resizer, ...(logo === null ? [] : [logo])];
  const build = contentHash(...files.files.map((file) => file.path), ...assets.map((asset) => asset.hash));
  const embedding = { siteName: settings.name, resizer: embed.resizer.name };
  const slugs = lines.map(({ summary }) => summary.slug);
  const index: ContentIndex = { build, slugs, tags: tagIndex(lines), pages, documents, aliases: aliasIndex(articles), gone, assets, embed: embedding };
  return { index, articles: lines, files: files.files };
}
