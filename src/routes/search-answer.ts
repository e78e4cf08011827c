import type { ArticleSummary } from '../content/article';
import { sha256Base64url } from '../http/digest';
import { runSearch, MAX_RESULTS } from '../search/engine';
import { snippet, snippetHtml, type SnippetPart } from '../search/snippet';
import type { Edition } from '../store';
import type { BodySource } from '../store/bodies';
import { keepBounded } from '../store/keep';
import type { Origin } from '../store/origin';
import type { StoredArticle } from '../store';
import type { ParsedSearch, SearchQuery } from './search-query';

/**
 * A search's results on an edition: the page of hits with their articles and snippets, made once
 * per isolate for each edition, origin and canonical search (equal searches are one URL), and kept
 * within SEARCHES_KEPT: the same search always has the same bytes and ETag on a deployment.
 */

/** One result: the article's list entry (its JSON split where the origin goes, and parsed), its snippet, its score. */
export interface SearchItem {
  article: StoredArticle;
  snippet: SnippetPart[];
  score: number;
}

export interface SearchPage {
  items: SearchItem[];
  total: number;
  /** Pages of results served (the first MAX_RESULTS); at least 1. */
  pages: number;
  /** The API's body and the page's, with their ETags, once made (kept with the results: the same search, the same bytes). */
  sent?: Partial<Record<'json' | 'html', SentBody>>;
}

/** A body as sent, and its strong ETag. */
export interface SentBody {
  bytes: Uint8Array;
  etag: string;
}

/** `meta` of `GET /api/search`. */
export interface SearchMeta {
  q: string;
  page: number;
  limit: number;
  pages: number;
  total: number;
}

/** A result as the API serves it: the article's list entry, its snippet (HTML: the text escaped, the matched words in `<mark>`), its score. */
export type SearchResult = ArticleSummary & { snippet: string; score: number };

/** The body of `GET /api/search` (and of the `search()` RPC method, parsed). */
export interface SearchResponse {
  data: SearchResult[];
  meta: SearchMeta;
}

/** Searches kept per isolate (a page of results is a few kilobytes). */
const SEARCHES_KEPT = 64;
// Finished values only: a pending search is not shared between requests.
const pages = new Map<string, SearchPage>();

/** What a search reads: the edition, the assets, the origin (the cache's key). */
export interface SearchContext {
  content: Edition;
  source: BodySource;
  origin: Origin;
}

/** The page of results for a valid search (`q` given). */
export function searchPage(search: Extract<ParsedSearch, { ok: true }>, canonical: string, context: SearchContext): SearchPage | Promise<SearchPage> {
  const key = `${context.content.name} ${context.origin.url} ${canonical}`;
  return pages.get(key) ?? makePage(search, context).then((page) => keepBounded(pages, SEARCHES_KEPT, key, page));
}

async function makePage({ query, parsed, filters }: Extract<ParsedSearch, { ok: true }>, { content, source }: SearchContext): Promise<SearchPage> {
  const articleOf = async (slug: string) => (await content.findArticle(slug, source))!;
  const read = (key: string) => content.searchRecord(key, source);
  const found = await runSearch({ query: parsed, filters, page: query.page, limit: query.limit }, read, async (slug, lead) => {
    const { title, alternativeHeadline, description } = (await articleOf(slug)).fields;
    return `${title}\n${alternativeHeadline ?? ''}\n${description}\n${lead}`;
  });
  const items: SearchItem[] = [];
  for (const { slug, score, lead } of found.hits) {
    const article = await articleOf(slug);
    items.push({ article, snippet: snippet(lead, article.fields.lang, found.matched), score });
  }
  return { items, total: found.total, pages: Math.max(1, Math.ceil(Math.min(found.total, MAX_RESULTS) / query.limit)) };
}

/** The API's body for a page of results. */
export function searchJson(page: SearchPage, query: SearchQuery, origin: string): string {
  const data = page.items.map(({ article, snippet: parts, score }) => `${article.summary.join(origin).slice(0, -1)},"snippet":${JSON.stringify(snippetHtml(parts))},"score":${score}}`);
  const meta: SearchMeta = { q: query.q, page: query.page, limit: query.limit, pages: page.pages, total: page.total };
  return `{"data":[${data.join(',')}],"meta":${JSON.stringify(meta)}}`;
}

const UTF8 = new TextEncoder();

/** The page's body of one kind, made by `make` the first time and kept with it, with its strong ETag. */
export async function sentBody(page: SearchPage, kind: 'json' | 'html', make: () => string | Promise<string>): Promise<SentBody> {
  const kept = page.sent?.[kind];
  if (kept !== undefined) return kept;
  const body = await make();
  const sent = { bytes: UTF8.encode(body), etag: `"${await sha256Base64url(body, 22)}"` };
  (page.sent ??= {})[kind] = sent;
  return sent;
}
