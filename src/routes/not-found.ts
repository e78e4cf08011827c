import { cacheTags } from '../http/policy';
import { problem } from '../http/problem';
import { sendEntity } from '../http/respond';
import { buildId, materialize, pages } from '../store';
import type { Origin } from '../store/origin';

/** The pre-rendered HTML 404 page (cached briefly: the URL may name an article after a deploy). */
export function notFoundPage(request: Request, origin: Origin): Response {
  const { body, etag } = materialize(pages.notFound, origin);
  return sendEntity(request, { body, etag, contentType: 'text/html; charset=utf-8' }, { kind: 'notFound', status: 404, tags: cacheTags.build(buildId) });
}

/** A 404 in the form the caller reads: problem+json under /api/, the HTML page elsewhere. */
export function notFound(request: Request, origin: Origin): Response {
  const { pathname } = new URL(request.url);
  if (pathname === '/api' || pathname.startsWith('/api/')) return problem(404, 'There is nothing at this URL.', pathname);
  return notFoundPage(request, origin);
}
