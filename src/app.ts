import { Hono } from 'hono';
import type { AppEnv } from './app-env';
import { ALLOW, isAllowedMethod, PREFLIGHT_HEADERS } from './http/headers';
import { cacheControl } from './http/policy';
import { problem } from './http/problem';
import { api } from './routes/api';
import { documentRoute } from './routes/documents';
import { completed, route } from './routes/handler';
import { pages } from './routes/pages';
import { search } from './routes/search';
import { logError, logErrorOnce, requestIdOf } from './log';
import { MissingBodyFile } from './store';

/**
 * The edgewire app: routes over pre-rendered content, HTTP policy applied in `http/`. Every route
 * is a GET (HEAD is served from it); each is wrapped by `route()` (routes/handler.ts), which checks
 * the configuration and completes the response with the fields every response carries.
 */
export const app = new Hono<AppEnv>();

app.route('/', pages);
app.route('/', api);
app.route('/', search);

const documents = route(documentRoute);

// What no route matched: another method on any path (a preflight, or a 405), else a GET of a
// pre-rendered document (a feed, a sitemap, a tag page) or the 404.
app.notFound((c) => {
  const { method } = c.req;
  if (method === 'OPTIONS') {
    return completed(c, new Response(null, { status: 204, headers: { ...PREFLIGHT_HEADERS, Allow: ALLOW, 'Cache-Control': cacheControl('preflight') } }));
  }
  if (!isAllowedMethod(method)) {
    const response = problem(405, `${method} is not allowed: this API is read-only.`, new URL(c.req.url).pathname);
    response.headers.set('Allow', ALLOW);
    return completed(c, response);
  }
  return documents(c);
});

// The operator gets one log line with the request id; the caller a problem document carrying the
// same id, never a stack trace.
app.onError((error, c) => {
  const requestId = requestIdOf(c.req.raw);
  const path = new URL(c.req.url).pathname;
  if (error instanceof MissingBodyFile) {
    logErrorOnce(`file:${error.file}`, 'missing-body-file', { file: error.file, status: error.status, requestId, path });
    return completed(c, problem(503, 'Part of this deployment is missing; it answers again after the next deploy.', path, { requestId }));
  }
  logError('unhandled-error', { requestId, method: c.req.method, path, error: error.name, message: error.message, stack: error.stack ?? '' });
  return completed(c, problem(500, 'The server could not answer this request.', path, { requestId }));
});
