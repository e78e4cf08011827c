import { cacheControl, type ResponseKind } from './policy';

/** The title of each status the Worker answers with a problem document (RFC 9110 §15 reason phrases). */
export const PROBLEM_TITLES = {
  400: 'Bad Request',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  410: 'Gone',
  412: 'Precondition Failed',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  503: 'Service Unavailable',
} as const satisfies Readonly<Record<number, string>>;

/** A status the Worker answers with a problem document. */
export type ProblemStatus = keyof typeof PROBLEM_TITLES;

/** One invalid request parameter, for `errors` in a 400. */
export interface InvalidParameter {
  parameter: string;
  detail: string;
}

/** One acceptable representation, for `alternatives` in a 406. */
export interface Alternative {
  type: string;
  href: string;
}

/** An RFC 9457 problem details body, `type` left as about:blank so `title` is the status phrase. */
export function problemBody(status: number, detail: string, instance: string, extensions: Readonly<Record<string, unknown>> = {}): string {
  return JSON.stringify({ type: 'about:blank', title: (PROBLEM_TITLES as Readonly<Record<number, string>>)[status] ?? 'Error', status, detail, instance, ...extensions });
}

function kindOf(status: number): ResponseKind {
  if (status === 404) return 'notFound';
  if (status === 410) return 'gone';
  return status >= 500 ? 'serverError' : 'clientError';
}

/**
 * An `application/problem+json` response (RFC 9457), cached as its status allows. Extension
 * members: `errors` (InvalidParameter[]) on a 400, `alternatives` on a 406, `requestId` on a 5xx.
 */
export function problem(status: number, detail: string, instance: string, extensions?: Readonly<Record<string, unknown>>): Response {
  return new Response(problemBody(status, detail, instance, extensions), {
    status,
    headers: { 'Content-Type': 'application/problem+json', 'Cache-Control': cacheControl(kindOf(status)) },
  });
}
