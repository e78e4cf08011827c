import { httpDate } from './date';
import { applyCommonHeaders } from './headers';
import { appendPrefixLinks } from './links';

/**
 * Every response carries the common fields (headers.ts) and the Link its path prefix adds
 * (links.ts). `sendEntity` makes its responses complete from kept header sets; every other
 * response (a problem, a redirect, a preflight) is completed here, once, as the route returns it
 * (routes/handler.ts says which is which).
 */
export function finish(response: Response, request: Request, path: string): Response {
  applyCommonHeaders(response.headers, request.url.startsWith('https:'), httpDate().text);
  appendPrefixLinks(response.headers, path);
  return response;
}
