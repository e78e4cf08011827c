import { Hono } from 'hono';
import type { AppEnv } from './app-env';
import { ALLOW, applyCommonHeaders, isAllowedMethod, PREFLIGHT_HEADERS } from './http/headers';
import { cacheControl } from './http/policy';
import { problem } from './http/problem';
import { api } from './routes/api';
import { notFound } from './routes/not-found';
import { pages } from './routes/pages';
import { resolveOrigin } from './store/origin';

/** The edgewire app: routes over pre-rendered content, HTTP policy applied in `http/`. */
export const app = new Hono<AppEnv>();

// Applied in one place, to every response, after the route has answered.
app.use(async function commonHeaders(c, next) {
  await next();
  applyCommonHeaders(c.res.headers, c.req.url, new Date());
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

app.use(async function origin(c, next) {
  c.set('origin', await resolveOrigin(c.env.SITE_URL));
  await next();
});

app.route('/', pages);
app.route('/', api);

app.notFound(notFound);

app.onError((error, c) => {
  // Log for the operator; the caller gets a problem document, never a stack trace.
  console.error(error);
  return problem(500, 'The server could not answer this request.', new URL(c.req.url).pathname);
});
