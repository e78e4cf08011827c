import { Hono } from 'hono';
import type { AppEnv } from './app-env';
import { configOf, isConfigError, refusal } from './config';
import { ALLOW, applyCommonHeaders, isAllowedMethod, PREFLIGHT_HEADERS } from './http/headers';
import { appendPrefixLinks } from './http/links';
import { cacheControl } from './http/policy';
import { problem } from './http/problem';
import { api } from './routes/api';
import { documentRoute } from './routes/documents';
import { notFound } from './routes/not-found';
import { pages } from './routes/pages';
import { logError, logErrorOnce, requestIdOf } from './log';
import { MissingBodyFile } from './store';
import { resolveOrigin } from './store/origin';

/** The edgewire app: routes over pre-rendered content, HTTP policy applied in `http/`. */
export const app = new Hono<AppEnv>();

// Applied in one place, to every response, after the route has answered.
app.use(async function commonHeaders(c, next) {
  await next();
  applyCommonHeaders(c.res.headers, c.req.url, new Date());
  appendPrefixLinks(c.res.headers, c.req.path);
});

app.use(async function methods(c, next) {
  const { method } = c.req;
  if (method === 'OPTIONS') {
    return new Response(null, { status: 204, headers: { ...PREFLIGHT_HEADERS, Allow: ALLOW, 'Cache-Control': cacheControl('preflight') } });
  }
  if (!isAllowedMethod(method)) {
    const response = problem(405, `${method} is not allowed: this API is read-only.`, new URL(c.req.url).pathname);
    response.headers.set('Allow', ALLOW);
    return response;
  }
  await next();
});

// Vars are checked once per isolate; a bad one answers every request with a 503 that names it.
app.use(async function configure(c, next) {
  const config = configOf(c.env);
  if (isConfigError(config)) return problem(503, refusal(config), new URL(c.req.url).pathname);
  c.set('origin', await resolveOrigin(config.origin));
  c.set('bodyCacheBytes', config.bodyCacheBytes);
  await next();
});

app.route('/', pages);
app.route('/', api);
// Last: every other GET is a pre-rendered document or the 404.
app.get('*', documentRoute);

app.notFound(notFound);

// The operator gets one log line with the request id; the caller a problem document carrying the
// same id, never a stack trace.
app.onError((error, c) => {
  const requestId = requestIdOf(c.req.raw);
  const path = new URL(c.req.url).pathname;
  if (error instanceof MissingBodyFile) {
    logErrorOnce(`file:${error.file}`, 'missing-body-file', { file: error.file, status: error.status, requestId, path });
    return problem(503, 'Part of this deployment is missing; it answers again after the next deploy.', path, { requestId });
  }
  logError('unhandled-error', { requestId, method: c.req.method, path, error: error.name, message: error.message, stack: error.stack ?? '' });
  return problem(500, 'The server could not answer this request.', path, { requestId });
});
