import type { Context } from 'hono';
import type { AppEnv } from '../app-env';
import { isConfigError, refusal } from '../config';
import { servedBy, type Served } from '../config/served';
import { finish } from '../http/complete';
import { problem } from '../http/problem';

/** What a route answers. */
export type Answer = (c: Context<AppEnv>) => Response | Promise<Response>;

/**
 * A route as the app registers it: checked configuration (a bad var answers 503 naming it), the
 * settings on the context, and the answer completed with the common fields (http/complete.ts).
 * This is the app's middleware, as a function around each route: Hono calls a route that has a
 * single handler directly, so a request runs no middleware chain and awaits nothing it does not
 * need (issue 11, docs/PERFORMANCE.md).
 */
export function route(answer: Answer): Answer {
  return (c) => {
    const served = servedBy(c.env);
    if (served instanceof Promise) return served.then((settings) => answerWith(c, answer, settings));
    if (isConfigError(served)) return completed(c, problem(503, refusal(served), new URL(c.req.url).pathname));
    return answerWith(c, answer, served);
  };
}

function answerWith(c: Context<AppEnv>, answer: Answer, served: Served): Response | Promise<Response> {
  c.set('served', served);
  const response = answer(c);
  return response instanceof Promise ? response.then((done) => completed(c, done)) : completed(c, response);
}

/** `response` with the common fields, for the request of `c`. */
export function completed(c: Context<AppEnv>, response: Response): Response {
  return finish(response, c.req.raw, c.req.path);
}
