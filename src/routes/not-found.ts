import type { Context } from 'hono';
import type { AppEnv } from '../app-env';
import { cacheTags } from '../http/policy';
import { problem } from '../http/problem';
import { buildId, notFoundPage as notFoundRepresentation } from '../store';
import { sendStored } from './stored';

/** The pre-rendered HTML 404 page (cached briefly: the URL may name an article after a deploy). */
export function notFoundPage(c: Context<AppEnv>): Response | Promise<Response> {
  return sendStored(c, notFoundRepresentation, { contentType: 'text/html; charset=utf-8' }, { kind: 'notFound', status: 404, tags: cacheTags.build(buildId) });
}

/** A 404 in the form the caller reads: problem+json under /api/, the HTML page elsewhere. */
export function notFound(c: Context<AppEnv>): Response | Promise<Response> {
  const { pathname } = new URL(c.req.url);
  if (pathname === '/api' || pathname.startsWith('/api/')) return problem(404, 'There is nothing at this URL.', pathname);
  return notFoundPage(c);
}
