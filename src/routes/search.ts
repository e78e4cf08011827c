import { Hono, type Context } from 'hono';
import type { AppEnv } from '../app-env';
import { paths } from '../content/paths';
import { MEDIA_TYPES } from '../http/media-types';
import { cacheTags } from '../http/policy';
import { problem } from '../http/problem';
import { sendEntity } from '../http/respond';
import { buildId } from '../store';
import type { PageView } from '../store/bundle';
import { keys } from '../store/shards';
import { searchPage as renderSearchPage } from '../views/search-page';
import { redirect } from './article-page';
import { route, sent } from './handler';
import { notFoundPage } from './not-found';
import { searchJson, searchPage, sentBody, type SearchContext, type SearchPage } from './search-answer';
import { parseSearchQuery, searchString, type ParsedSearch, type SearchQuery } from './search-query';

/**
 * `/search` (the results page, for readers: it works without JavaScript) and `/api/search` (the
 * same results as JSON, paged like the list, with `Link` fields). A search is answered at its
 * canonical URL only (search-query.ts): any other spelling of it is a 301 there, so equal searches
 * share one cache entry. Results are kept briefly by every cache and tagged `search`.
 */
export const search = new Hono<AppEnv>();

search.get(
  paths.search,
  route((c) =>
    atCanonicalUrl(c, paths.search, false, (parsed, canonical) =>
      withView(c, (view) => {
        if (parsed.query.q === '') return sendPage(c, parsed, view, { items: [], total: 0, pages: 1 }, canonical);
        const found = searchPage(parsed, canonical, searchContext(c));
        return found instanceof Promise ? found.then((page) => sendPage(c, parsed, view, page, canonical)) : sendPage(c, parsed, view, found, canonical);
      }),
    ),
  ),
);

search.get(
  paths.apiSearch,
  route((c) =>
    atCanonicalUrl(c, paths.apiSearch, true, (parsed, canonical) => {
      const found = searchPage(parsed, canonical, searchContext(c));
      return found instanceof Promise ? found.then((page) => sendJson(c, parsed.query, page)) : sendJson(c, parsed.query, found);
    }),
  ),
);

/** A valid search at its canonical URL, answered by `answer`; a bad one's 400, another spelling's 301. */
function atCanonicalUrl(c: Context<AppEnv>, path: string, required: boolean, answer: (parsed: Extract<ParsedSearch, { ok: true }>, canonical: string) => Response | Promise<Response>): Response | Promise<Response> {
  const url = new URL(c.req.url);
  const parsed = parseSearchQuery(url.searchParams, required);
  if (!parsed.ok) return problem(400, 'The search is not valid.', url.pathname + url.search, { errors: parsed.errors });
  const canonical = searchString(parsed.query);
  // Any other spelling: a permanent redirect there, cached like the other canonical redirects.
  return url.search === canonical ? answer(parsed, canonical) : redirect(`${path}${canonical}`);
}

function searchContext(c: Context<AppEnv>): SearchContext {
  const { origin } = c.get('served');
  return { content: c.get('content'), source: c.env.ASSETS, origin };
}

/** The views' context the build stored with the index. */
function withView(c: Context<AppEnv>, then: (view: PageView) => Response | Promise<Response>): Response | Promise<Response> {
  const found = c.get('content').searchRecord(keys.view, c.env.ASSETS);
  const use = (view: unknown) => (view === undefined ? notFoundPage(c) : then(view as PageView));
  return found instanceof Promise ? found.then(use) : use(found);
}

/** RFC 8288 links to the first, neighbouring and last pages of results. */
function pageLinks(origin: string, query: SearchQuery, pages: number): string {
  const link = (page: number, rel: string) => `<${origin}${paths.apiSearch}${searchString(query, page)}>; rel="${rel}"`;
  const links = [link(1, 'first')];
  if (query.page > 1) links.push(link(query.page - 1, 'prev'));
  if (query.page < pages) links.push(link(query.page + 1, 'next'));
  links.push(link(pages, 'last'));
  return links.join(', ');
}

async function sendJson(c: Context<AppEnv>, query: SearchQuery, page: SearchPage): Promise<Response> {
  const url = new URL(c.req.url);
  if (query.page > page.pages) return problem(404, pastTheEnd(query.page, page.pages), url.pathname + url.search);
  const origin = c.get('served').origin.url;
  const { bytes, etag } = await sentBody(page, 'json', () => searchJson(page, query, origin));
  const entity = { body: bytes, contentType: MEDIA_TYPES.json, etag };
  return sent(c, sendEntity(c.req.raw, entity, { kind: 'search', tags: cacheTags.search(buildId), headers: { Link: pageLinks(origin, query, page.pages) } }));
}

const pastTheEnd = (page: number, pages: number) => `Page ${page} of these results does not exist: there ${pages === 1 ? 'is 1 page' : `are ${pages} pages`}.`;

async function sendPage(c: Context<AppEnv>, { query }: Extract<ParsedSearch, { ok: true }>, view: PageView, page: SearchPage, canonical: string): Promise<Response> {
  if (query.page > page.pages) return notFoundPage(c);
  const origin = c.get('served').origin.url;
  const filters = (['tag', 'section', 'author'] as const).flatMap((name) => (query[name] === null ? [] : [`${name} ${query[name]}`]));
  if (query.from !== null) filters.push(`from ${query.from}`);
  if (query.to !== null) filters.push(`to ${query.to}`);
  const filtered = filters.length > 0;
  const render = () => renderSearchPage(
    {
      q: query.q,
      filters,
      items: page.items.map(({ article, snippet }) => ({ summary: article.fields, snippet })),
      total: page.total,
      page: query.page,
      pages: page.pages,
      canonical: `${origin}${paths.search}${canonical}`,
      pageHref: (at) => `${paths.search}${searchString(query, at)}`,
      unfiltered: filtered ? `${paths.search}${searchString({ ...query, tag: null, section: null, author: null, from: null, to: null, page: 1 })}` : null,
      json: `${origin}${paths.apiSearch}${searchString(query)}`,
    },
    view,
  ).toString();
  const { bytes, etag } = await sentBody(page, 'html', render);
  const entity = { body: bytes, contentType: MEDIA_TYPES.html, etag };
  return sent(c, sendEntity(c.req.raw, entity, { kind: 'search', tags: cacheTags.search(buildId), html: 'page' }));
}
