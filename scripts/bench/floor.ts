/**
 * The floor: a Worker that answers each route with the app's status, headers and body size, from
 * responses built once at module load. It is the cost of workerd and HTTP alone, so app ÷ floor
 * is what the app itself costs per request.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { Fetched } from './http';

/** What the floor answers at `path`. */
export interface FloorRoute {
  path: string;
  status: number;
  headers: [string, string][];
  bodyBytes: number;
}

/** Framing headers: workerd sets them itself from the body. */
const FRAMING = new Set(['content-length', 'transfer-encoding', 'connection', 'keep-alive']);

/** The response headers worth copying, in order. */
function copiedHeaders(headers: IncomingHttpHeaders): [string, string][] {
  return Object.entries(headers).flatMap(([name, value]) => {
    if (FRAMING.has(name) || value === undefined) return [];
    return (Array.isArray(value) ? value : [value]).map((one): [string, string] => [name, one]);
  });
}

/** The floor's answer at `path` mirroring an app response. */
export function floorRoute(path: string, response: Fetched): FloorRoute {
  return { path, status: response.status, headers: copiedHeaders(response.headers), bodyBytes: response.body.byteLength };
}

/** The floor Worker's ES module source. Per request: one URL parse, one Map lookup, one Response. */
export function floorModule(routes: readonly FloorRoute[]): string {
  return `const ROUTES = ${JSON.stringify(routes)};
const RESPONSES = new Map(ROUTES.map(({ path, status, headers, bodyBytes }) => [
  path,
  { status, headers, body: status === 304 ? null : new Uint8Array(bodyBytes).fill(0x78) },
]));

export default {
  fetch(request) {
    const response = RESPONSES.get(new URL(request.url).pathname);
    return response ? new Response(response.body, response) : new Response(null, { status: 404 });
  },
};
`;
}
