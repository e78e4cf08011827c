import type { Context } from 'hono';
import type { AppEnv } from '../app-env';
import { cacheTags } from '../http/policy';
import { problem } from '../http/problem';
import { andThen, buildId, type DocumentPage } from '../store';
import type { Representation } from '../store/bundle';
import { notFound, notFoundPage } from './not-found';
import { archivePage, parsePageQuery } from './paging';
import { sendStored } from './stored';

/**
 * Any pre-rendered document by its exact path (feeds, sitemaps, robots.txt, tag pages); the
 * 404 for any other path. Without `?page=`, its first page: a list's front (its newest
 * articles). A list of several pages takes `?page=n`, its archive page n (from the oldest: the
 * document's page n + 1); a document of a single page answers `?page=1` with that page, and
 * ignores other parameters, like the article routes.
 */
export function documentRoute(c: Context<AppEnv>): Response | Promise<Response> {
  const url = new URL(c.req.url);
  return andThen(c.get('content').findDocument(url.pathname, 1, c.env.ASSETS), (first) => {
    if (first === undefined) return notFound(c);
    if (!url.searchParams.has('page')) return sendPage(c, first, first.page);
    const parsed = parsePageQuery(url.searchParams);
    if (!parsed.ok) return problem(400, 'The page number is not valid.', url.pathname + url.search, { errors: parsed.errors });
    if (first.count === 1) return sendPage(c, first, parsed.page === 1 ? first.page : undefined);
    return andThen(c.get('content').findDocument(url.pathname, archivePage(parsed.page), c.env.ASSETS), (found) => sendPage(c, first, found?.page));
  });
}

/** A page of a document, or the 404 page past its last. */
function sendPage(c: Context<AppEnv>, document: DocumentPage, page: Representation | undefined): Response | Promise<Response> {
  if (page === undefined) return notFoundPage(c);
  return sendStored(c, page, { contentType: document.contentType }, { kind: document.kind, tags: cacheTags.list(buildId) });
}
