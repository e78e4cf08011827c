import { httpDate } from './date';
import { applyCommonHeaders } from './headers';
import { appendPrefixLinks } from './links';

/**
 * Every response carries the common fields (headers.ts) and the Link its path prefix adds
 * (links.ts). `sendEntity` makes its responses complete from kept header sets; every other
 * response (a problem, a redirect, a preflight) is completed here, once, as the route returns it.
 */
const complete = new WeakSet<Response>();

/** Marks a response whose headers are complete already. */
export function completed(response: Response): Response {
  complete.add(response);
  return response;
}

/** Adds the common fields to `response` unless it is complete already. */
export function finish(response: Response, request: Request, path: string): Response {
  if (complete.has(response)) return response;
  applyCommonHeaders(response.headers, request.url.startsWith('https:'), httpDate().text);
  appendPrefixLinks(response.headers, path);
  return completed(response);
}
