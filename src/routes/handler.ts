import type { Context } from 'hono';
import type { AppEnv } from '../app-env';
import { isConfigError, refusal } from '../config';
import { servedBy, type Served } from '../config/served';
import { finish } from '../http/complete';
import { lifetimesUntil } from '../http/policy';
import { problem } from '../http/problem';
import { editionAt } from '../store';

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
  // The request's moment, once: the edition it is served from, and how long what it sends lasts.
  const moment = served.clock ?? Date.now();
  const content = editionAt(moment);
  c.set('served', served);
  c.set('content', content);
  const response = answer(c);
  if (content.until === undefined) return response instanceof Promise ? response.then((done) => completed(c, done)) : completed(c, response);
  const until = (done: Response) => heldUntil(completed(c, done), (content.until! - moment) / 1000);
  return response instanceof Promise ? response.then(until) : until(response);
}

/** `response`, its lifetimes ending within `seconds` when its content changes as the next scheduled article goes live (http/policy.ts). */
function heldUntil(response: Response, seconds: number): Response {
  const capped = lifetimesUntil(response.headers.get('Cache-Control'), seconds);
  if (capped !== null) response.headers.set('Cache-Control', capped);
  return response;
}

/**
 * Notes that `response` (sendEntity's) is complete already, so the route sends it as it is.
 *
 * The note is kept on the request's context, never on the Response: measured (issue 11), marking
 * a Response (a WeakSet of them, or a property on one) keeps it, and the bytes workerd holds for
 * it, until a full garbage collection (workerd grew by some 15 KB a request), and asking its
 * headers (`headers.has`) makes their JavaScript object, some 20,000 instructions a request.
 */
export function sent(c: Context<AppEnv>, response: Response | Promise<Response>): Response | Promise<Response> {
  if (response instanceof Promise) return response.then((done) => sent(c, done));
  c.set('complete', response);
  return response;
}

/** `response` with the common fields, for the request of `c` (unless it is complete already). */
export function completed(c: Context<AppEnv>, response: Response): Response {
  return c.get('complete') === response ? response : finish(response, c.req.raw, c.req.path);
}
