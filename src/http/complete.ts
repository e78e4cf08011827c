import { httpDate } from './date';
import { applyCommonHeaders, SECURITY_HEADERS } from './headers';
import { appendPrefixLinks } from './links';

/**
 * Every response carries the common fields (headers.ts) and the Link its path prefix adds
 * (links.ts). `sendEntity` makes its responses complete from kept header sets; every other
 * response (a problem, a redirect, a preflight) is completed here, once, as the route returns it.
 *
 * A complete response is told by one of the common fields. Not by keeping complete responses in a
 * WeakSet: measured, that kept every Response (and the bytes workerd holds for it) until a full
 * garbage collection, and workerd's memory grew by some 15 KB a request (docs/PERFORMANCE.md).
 */
const MARK = Object.keys(SECURITY_HEADERS)[0]!;

/** Adds the common fields to `response` unless it is complete already. */
export function finish(response: Response, request: Request, path: string): Response {
  if (response.headers.has(MARK)) return response;
  applyCommonHeaders(response.headers, request.url.startsWith('https:'), httpDate().text);
  appendPrefixLinks(response.headers, path);
  return response;
}
