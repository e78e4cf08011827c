import type { ArticleSummary } from '../content/article';
import { andThen, type Edition, type Maybe } from '../store';
import type { BodySource } from '../store/bodies';
import type { ListQuery } from './paging';

/** `meta` of a list response: where this page sits in the whole list. */
export interface ListMeta {
  page: number;
  limit: number;
  pages: number;
  total: number;
}

/** The body of `GET /api/articles` (and of the `articles()` RPC method, parsed). */
export interface ArticleList {
  data: ArticleSummary[];
  meta: ListMeta;
}

/** One page of the list as JSON text, or why there is no such page (the 404's detail). */
export type ListPage = { ok: true; body: string; pages: number } | { ok: false; detail: string };

/**
 * One page of the article list for `origin`, as the exact JSON text the API sends: the stored
 * summaries joined around the origin, no parsing or re-serialising per request. Shared by
 * `GET /api/articles` and the RPC entrypoint, so both give the same bytes for the same query.
 */
export function listPage(query: ListQuery, origin: string, content: Pick<Edition, 'listArticles'>, source: BodySource): Maybe<ListPage> {
  return andThen(content.listArticles(query, source), ({ items, total }) => {
    const pages = Math.max(1, Math.ceil(total / query.limit));
    if (query.page > pages) return { ok: false, detail: `Page ${query.page} does not exist: there ${pages === 1 ? 'is 1 page' : `are ${pages} pages`}.` };
    const data = items.map((item) => item.summary.join(origin)).join(',');
    const meta: ListMeta = { page: query.page, limit: query.limit, pages, total };
    return { ok: true, body: `{"data":[${data}],"meta":${JSON.stringify(meta)}}`, pages };
  });
}
