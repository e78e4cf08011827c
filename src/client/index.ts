/**
 * `edgewire/client`: a typed client for the JSON API, for browsers, Node ≥ 20 and Workers. Not
 * part of the Worker (nothing in src/ imports it). Built on openapi-fetch with the types
 * openapi-typescript generates from /api/openapi.json (`npm run client:types`), so every shape
 * here is the document's; it adds ETag revalidation and problem documents thrown as errors.
 */
import createFetchClient, { type Client } from 'openapi-fetch';
import type { components, paths } from '../generated/openapi';
import { errorOf } from './problem';
import { revalidating, type Fetch } from './revalidate';

export { EdgewireProblem, type Problem, type ProblemStatus } from './problem';
export type { Fetch } from './revalidate';
export type { components, paths };

export type Article = components['schemas']['Article'];
export type ArticleSummary = components['schemas']['ArticleSummary'];
export type ArticleList = components['schemas']['ArticleList'];
export type ListMeta = components['schemas']['ListMeta'];
export type Author = components['schemas']['Author'];
export type AuthorSummary = components['schemas']['AuthorSummary'];
/** An article as IPTC ninjs 3.1. */
export type Ninjs = components['schemas']['Ninjs'];
/** The query of `GET /api/articles`: `page` from 1, `limit` 1–100, `tag`. */
export type ListOptions = NonNullable<paths['/api/articles']['get']['parameters']['query']>;
export type SearchResults = components['schemas']['SearchResults'];
export type SearchResult = components['schemas']['SearchResult'];
/** The query of `GET /api/search`: `q`, and `tag`, `section`, `author`, `from`, `to`, `page`, `limit`. */
export type SearchOptions = paths['/api/search']['get']['parameters']['query'];

export interface ClientOptions {
  /** The site's origin (its SITE_URL), e.g. `https://news.example`. */
  baseUrl: string;
  /** Sends each request; `globalThis.fetch` when absent. A Worker can pass a service binding's. */
  fetch?: Fetch;
}

export interface EdgewireClient {
  /** `GET /api/articles/:slug`'s article; an unknown slug throws an EdgewireProblem with status 404. */
  article(slug: string): Promise<Article>;
  /** `GET /api/articles/:slug/ninjs`: the article as IPTC ninjs 3.1; an unknown slug throws an EdgewireProblem with status 404. */
  ninjs(slug: string): Promise<Ninjs>;
  /** `GET /api/articles`: a page of summaries and its `meta`; a bad query throws a 400 problem, a page past the last a 404. */
  articles(options?: ListOptions): Promise<ArticleList>;
  /** `GET /api/search`: a page of results, best first, and its `meta`; a bad query throws a 400 problem, a page past the last a 404. */
  search(options: SearchOptions): Promise<SearchResults>;
  /** `GET /api/authors/:id`'s author with their bio; an unknown id throws an EdgewireProblem with status 404. */
  author(id: string): Promise<Author>;
  /** `GET /api/authors`: every author with a page, by name. */
  authors(): Promise<AuthorSummary[]>;
  /** The openapi-fetch client underneath (same fetch, same revalidation) for every other path. */
  readonly raw: Client<paths>;
}

/** Result of an openapi-fetch call: data on success, else the parsed error body. */
type Outcome<T> = { data: T; response: Response } | { data?: never; error: unknown; response: Response };

function dataOf<T>(outcome: Outcome<T>): T {
  if (outcome.data !== undefined) return outcome.data;
  throw errorOf('error' in outcome ? outcome.error : undefined, outcome.response);
}

/** A client for the edgewire API at `baseUrl`; it keeps the newest response per URL for revalidation. */
export function createClient({ baseUrl, fetch = (request) => globalThis.fetch(request) }: ClientOptions): EdgewireClient {
  const raw = createFetchClient<paths>({ baseUrl, fetch: revalidating(fetch) });
  return {
    raw,
    async article(slug) {
      return dataOf(await raw.GET('/api/articles/{slug}', { params: { path: { slug } } })).data;
    },
    async ninjs(slug) {
      return dataOf(await raw.GET('/api/articles/{slug}/ninjs', { params: { path: { slug } } }));
    },
    async articles(options = {}) {
      return dataOf(await raw.GET('/api/articles', { params: { query: options } }));
    },
    async search(options) {
      return dataOf(await raw.GET('/api/search', { params: { query: options } }));
    },
    async author(id) {
      return dataOf(await raw.GET('/api/authors/{id}', { params: { path: { id } } })).data;
    },
    async authors() {
      return dataOf(await raw.GET('/api/authors', {})).data;
    },
  };
}
