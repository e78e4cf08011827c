/**
 * The floors: Workers that answer each route with the app's status and body bytes, from responses
 * built once at module load. They are the cost of workerd and HTTP alone, so app ÷ floor is what
 * the app itself costs per request. The *bare* floor sends `Content-Type` only; the *headers*
 * floor sends the app's headers too, built the cheapest way (one `Headers` object per route,
 * reused), so headers floor − bare floor is what the app's headers cost at the least.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { Fetched } from './http';

/** What a floor answers at `path`. */
export interface FloorRoute {
  path: string;
  status: number;
  headers: [string, string][];
  /** The app's body, as text (the app serves UTF-8 JSON and HTML). */
  body: string;
}

/** Which of the app's headers a floor sends. */
export type FloorKind = 'bare' | 'headers';

/** Framing headers: workerd sets them itself from the body. */
const FRAMING = new Set(['content-length', 'transfer-encoding', 'connection', 'keep-alive']);

/** The response headers worth copying, in order (only `Content-Type` for the bare floor). */
function copiedHeaders(headers: IncomingHttpHeaders, kind: FloorKind): [string, string][] {
  return Object.entries(headers).flatMap(([name, value]) => {
    if (FRAMING.has(name) || value === undefined || (kind === 'bare' && name !== 'content-type')) return [];
    return (Array.isArray(value) ? value : [value]).map((one): [string, string] => [name, one]);
  });
}

/** A floor's answer at `path` mirroring an app response. */
export function floorRoute(path: string, response: Fetched, kind: FloorKind = 'headers'): FloorRoute {
  const body = response.body.toString('utf8');
  if (!Buffer.from(body, 'utf8').equals(response.body)) throw new Error(`${path}: the body is not UTF-8 text`);
  return { path, status: response.status, headers: copiedHeaders(response.headers, kind), body };
}

/**
 * A floor Worker's ES module source. At load, each body is encoded once and each header set made
 * one `Headers` object (an array of pairs would make workerd walk every pair per request). Per
 * request: one URL parse, one Map lookup, one Response.
 */
export function floorModule(routes: readonly FloorRoute[]): string {
  return `const ROUTES = ${JSON.stringify(routes)};
const encoder = new TextEncoder();
const RESPONSES = new Map(ROUTES.map(({ path, status, headers, body }) => [
  path,
  { status, headers: new Headers(headers), body: status === 304 ? null : encoder.encode(body) },
]));

export default {
  fetch(request) {
    const response = RESPONSES.get(new URL(request.url).pathname);
    return response ? new Response(response.body, response) : new Response(null, { status: 404 });
  },
};
`;
}
