import { Hono } from 'hono';
import type { AppEnv } from './app-env';
import { problem } from './http/problem';
import { api } from './routes/api';
import { notFound } from './routes/not-found';
import { pages } from './routes/pages';
import { resolveOrigin } from './store/origin';

/** The edgewire app: routes over pre-rendered content, HTTP policy applied in `http/`. */
export const app = new Hono<AppEnv>();

app.use(async function origin(c, next) {
  c.set('origin', await resolveOrigin(c.env.SITE_URL));
  await next();
});

app.route('/', pages);
app.route('/', api);

app.notFound((c) => notFound(c.req.raw, c.get('origin')));

app.onError((error, c) => {
  // Log for the operator; the caller gets a problem document, never a stack trace.
  console.error(error);
  return problem(500, 'The server could not answer this request.', new URL(c.req.url).pathname);
});
