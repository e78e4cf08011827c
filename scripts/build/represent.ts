import { SUMMARY_FIELDS, type Article, type ArticleSummary } from '../../src/content/article';
import { paths } from '../../src/content/paths';
import { ORIGIN, representationHash, type ArticleLine, type BodyFile, type ContentIndex, type Representation, type Span, type StoredDocument } from '../../src/store/bundle';
import { articlePage } from '../../src/views/article-page';
import { embedCard, type EmbedContext } from '../../src/views/embed/card';
import type { ViewContext } from '../../src/views/format';
import type { DevNotice } from '../../src/views/notice';
import { indexPage } from '../../src/views/index-page';
import { notFoundPage } from '../../src/views/not-found-page';
import { assertNoReservedCharacter } from './characters';
import { articlesByTag, PRODUCERS, type DocumentSource, type SiteInput } from './documents';
import { markdownDocument } from './markdown-representation';
import { siteAssets, type AssetSources } from './assets';
import { contentHash } from './hash';
import { HOME_PAGE_SIZE, paginate } from './paging';

export { contentHash, HOME_PAGE_SIZE };

/** An article with the Markdown body it was rendered from, and its source file (for messages). */
export interface SourcedArticle {
  file: string;
  article: Article;
  body: string;
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
function articleLine({ article, body }: SourcedArticle, context: ViewContext, embed: EmbedContext, files: BodyFiles): ArticleLine {
  // Every U+E000 in the output must be one the build put there: url is the only field that has one.
  const { url: _url, ...content } = article;
  assertNoReservedCharacter({ ...content, body }, article.slug);
  const bodies = [JSON.stringify({ data: article }), articlePage(article, context).toString(), markdownDocument(article, body), embedCard(article, embed).toString()];
  const { file, spans } = files.add(...bodies);
  const [json, html, markdown, card] = spans as [Span, Span, Span, Span];
  return { summary: toSummary(article), lastModified: new Date(article.dateModified ?? article.datePublished).toUTCString(), file, json, html, markdown, embed: card };
}

/** The home page, HOME_PAGE_SIZE articles a page; one page (saying so) when there are none. */
function homePages(summaries: readonly ArticleSummary[], context: ViewContext, files: BodyFiles): Representation[] {
  const pages = paginate(summaries);
  return pages.map((items, index) => {
    const page = index + 1;
    return files.single(indexPage(items, { page, pages: pages.length }, { ...context, canonical: `${ORIGIN}${paths.homePage(page)}` }).toString());
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

/**
 * Pre-renders every representation of every article (newest first), the pages and the assets.
 * `notice` (dev builds only) is listed at the top of every HTML page.
 */
export function represent(articles: readonly SourcedArticle[], sources: AssetSources, siteName: string, notice?: DevNotice): BuildOutput {
  const { stylesheet, favicon, faviconDocument, embed } = siteAssets(sources);
  const context: ViewContext = { stylesheet: paths.asset(stylesheet.name), favicon: paths.asset(favicon.name), siteName, ...(notice === undefined ? {} : { notice }) };
  const card: EmbedContext = { siteName, stylesheet: paths.asset(embed.stylesheet.name), script: paths.asset(embed.script.name) };
  const files = new BodyFiles();
  const lines = articles.map((article) => articleLine(article, context, card, files));
  const pages = {
    home: homePages(lines.map(({ summary }) => summary), context, files),
    notFound: files.single(notFoundPage(context).toString()),
  };
  const published = articles.map(({ article }) => article);
  const site: SiteInput = { articles: published, tags: articlesByTag(published), context };
  const documents = storeDocuments([...PRODUCERS.flatMap((produce) => produce(site)), [faviconDocument]], files);
  const assets = [stylesheet, favicon, embed.stylesheet, embed.script, embed.resizer];
  const build = contentHash(...files.files.map((file) => file.path), ...assets.map((asset) => asset.hash));
  const embedding = { siteName, resizer: embed.resizer.name };
  const index: ContentIndex = { build, slugs: lines.map(({ summary }) => summary.slug), tags: tagIndex(lines), pages, documents, assets, embed: embedding };
  return { index, articles: lines, files: files.files };
}
