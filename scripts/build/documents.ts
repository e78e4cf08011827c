import type { Article } from '../../src/content/article';
import type { ArticleMeta } from './article';
import type { StoredDocument } from '../../src/store/bundle';
import type { ViewContext } from '../../src/views/format';
import type { ListPage } from './paging';
import { authorDocuments } from './author-documents';
import { editorialDocuments } from './editorial-documents';
import type { Newsroom } from './index';
import { tagPages } from './tag-pages';
import { crawlerFiles } from './crawlers';
import { feeds } from './feeds/index';
import { newsSitemap } from './news-sitemap';
import { openapi } from './openapi/index';
import { sitemaps } from './sitemaps';

/**
 * Documents served at fixed paths (feeds, sitemaps, robots.txt, tag pages), as outputs of the
 * same represent stage as the articles. Each producer gets the published articles, newest first,
 * and returns groups of documents; each group is stored in one body file, so a group is what is
 * read together (a tag's pages and feeds) and the file count stays well inside the static-assets limit.
 */

/**
 * Pages rendered only when they are stored, one at a time (a large list has thousands, which need
 * never be in memory at once): how many, and page `at` (0 is the first).
 */
export interface LazyPages {
  readonly length: number;
  page(at: number): string;
  /** What page `at` is made from, hashed (undefined: not known without rendering it). */
  key?(at: number): string | undefined;
}

/**
 * A list page's key: a hash of the renderer's version, the site's settings, the document's path,
 * where the page sits and what each listed article was made from (its source's hash).
 */
export type PageKey = (path: string, page: ListPage<{ slug: string }>) => string;

/** One document to store: its path, media type, caching kind, and its pages' text (page 1 first). */
export interface DocumentSource {
  path: string;
  contentType: string;
  kind: StoredDocument['kind'];
  pages: readonly string[] | LazyPages;
}

/** Page `at` of a document's pages, rendering it if it is lazy. */
export function pageText(pages: DocumentSource['pages'], at: number): string {
  return 'page' in pages ? pages.page(at) : pages[at]!;
}

/** What every producer is given. */
export interface SiteInput {
  /** Published articles, newest first, without their bodies; URLs start with the ORIGIN marker. */
  articles: readonly ArticleMeta[];
  /** Each tag's articles, newest first; tags in code-point order. */
  tags: ReadonlyMap<string, readonly ArticleMeta[]>;
  /** An article with its body (HTML and text) back: for the few documents that carry it (feeds). */
  full: (article: ArticleMeta) => Article;
  context: ViewContext;
  /** The site's settings, authors and static pages. */
  newsroom: Newsroom;
  /** Keys for list pages, when the build remembers its packs. */
  pageKey?: PageKey;
  /** Keys for a document of whole articles (a feed) at a path, by those articles, when the build remembers its packs. */
  documentKey?: (path: string, articles: readonly { slug: string }[]) => string;
}

/** The keys of the list pages of the document at `path`, when the build remembers its packs. */
export function listKeys({ pageKey }: Pick<SiteInput, 'pageKey'>, path: string): ((page: ListPage<{ slug: string }>) => string) | undefined {
  return pageKey === undefined ? undefined : (page) => pageKey(path, page);
}

/** Produces groups of documents; one body file per group. */
export type DocumentProducer = (site: SiteInput) => DocumentSource[][];

/** Every producer, in the order their documents are stored. */
export const PRODUCERS: readonly DocumentProducer[] = [tagPages, authorDocuments, editorialDocuments, feeds, sitemaps(), newsSitemap, crawlerFiles, openapi];

/** Each tag's articles, newest first (the order they come in), tags in code-point order. */
export function articlesByTag<A extends ArticleMeta>(articles: readonly A[]): Map<string, A[]> {
  const tags = new Map<string, A[]>();
  for (const article of articles) {
    for (const tag of article.tags) {
      const tagged = tags.get(tag);
      if (tagged === undefined) tags.set(tag, [article]);
      else tagged.push(article);
    }
  }
  return new Map([...tags].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
