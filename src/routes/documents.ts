import type { Context } from 'hono';
import type { AppEnv } from '../app-env';
import { cacheTags } from '../http/policy';
import { problem } from '../http/problem';
import { buildId, findDocument } from '../store';
import { notFound, notFoundPage } from './not-found';
import { parsePageQuery } from './paging';
import { sendStored } from './stored';

/**
 * Any pre-rendered document by its exact path (feeds, sitemaps, robots.txt, tag pages); the
 * 404 for any other path. A document of several pages takes `?page=`; one of a single page
 * ignores the query, like the article routes.
 */
export function documentRoute(c: Context<AppEnv>): Response | Promise<Response> {
  const url = new URL(c.req.url);
  const stored = findDocument(url.pathname);
  if (stored === undefined) return notFound(c);
  let page = 1;
  if (stored.pages.length > 1 || url.searchParams.has('page')) {
    const parsed = parsePageQuery(url.searchParams);
    if (!parsed.ok) return problem(400, 'The page number is not valid.', url.pathname + url.search, { errors: parsed.errors });
    page = parsed.page;
  }
  const representation = stored.pages[page - 1];
  if (representation === undefined) return notFoundPage(c);
  return sendStored(c, representation, { contentType: stored.contentType }, { kind: stored.kind, tags: cacheTags.list(buildId) });
}
