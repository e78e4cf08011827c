/**
 * The mixed run of `npm run load`: a pool of clients reading random articles from the whole
 * archive as JSON, HTML or Markdown, so most bodies are not yet in the isolate's cache, while
 * some clients hang up a few milliseconds into every request, as readers on bad networks do.
 */
import { percentile } from '../bench/load';

export interface MixedOptions {
  port: number;
  slugs: readonly string[];
  clients: number;
  /** How many of the clients abort each request `abortAfterMs` after sending it. */
  aborting: number;
  /** The range, in whole milliseconds, an aborting client waits before it hangs up (drawn per request). */
  abortAfterMs: readonly [min: number, max: number];
  seconds: number;
  /** A bound on requests, whatever the duration. */
  maxRequests: number;
}

export interface MixedRun {
  requests: number;
  requestsPerSecond: number;
  /** Of requests whose body arrived whole. */
  p50Ms: number;
  p99Ms: number;
  /** Responses by status, counted when their headers arrive (an abort may cut the body after). */
  statuses: Record<string, number>;
  /** 5xx not sent by the app (which answers errors with problem+json): the runtime's own. */
  runtimeErrors: number;
  /** Requests our aborting clients cut off, before or during the response. */
  aborted: number;
  /** Failures other than our own aborts: refused or reset connections, and the like. */
  socketErrors: number;
  /** The distinct socket error messages, for the report. */
  socketErrorKinds: string[];
}

/** The three representations of an article, each by its own URL. */
const REPRESENTATIONS: readonly { path: (slug: string) => string; headers: Record<string, string> }[] = [
  { path: (slug) => `/api/articles/${slug}`, headers: {} },
  { path: (slug) => `/articles/${slug}`, headers: { accept: 'text/html' } },
  { path: (slug) => `/articles/${slug}.md`, headers: {} },
];

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;

/** Runs `options.clients` clients for `options.seconds` (or `maxRequests` in all) and tallies what came back. */
export async function runMixed(options: MixedOptions): Promise<MixedRun> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const socketErrorKinds = new Set<string>();
  let requests = 0;
  let runtimeErrors = 0;
  let aborted = 0;
  let socketErrors = 0;

  async function send(aborting: boolean): Promise<void> {
    const representation = pick(REPRESENTATIONS);
    const [min, max] = options.abortAfterMs;
    const signal = aborting ? AbortSignal.timeout(min + Math.floor(Math.random() * (max - min + 1))) : null;
    const started = performance.now();
    try {
      const response = await fetch(`http://127.0.0.1:${options.port}${representation.path(pick(options.slugs))}`, { headers: representation.headers, signal });
      statuses[response.status] = (statuses[response.status] ?? 0) + 1;
      if (response.status >= 500 && response.headers.get('content-type') !== 'application/problem+json') runtimeErrors++;
      await response.arrayBuffer();
      latencies.push(performance.now() - started);
    } catch (error) {
      if (signal?.aborted) aborted++;
      else {
        socketErrors++;
        const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
        socketErrorKinds.add(cause instanceof Error ? ('code' in cause ? String(cause.code) : cause.message) : String(cause));
      }
    }
  }

  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  async function client(aborting: boolean): Promise<void> {
    while (performance.now() < deadline && requests < options.maxRequests) {
      requests++;
      await send(aborting);
    }
  }
  await Promise.all(Array.from({ length: options.clients }, (_, index) => client(index < options.aborting)));
  const seconds = (performance.now() - started) / 1000;
  const sorted = Float64Array.from(latencies).sort();
  return {
    requests,
    requestsPerSecond: requests / seconds,
    p50Ms: percentile(sorted, 0.5),
    p99Ms: percentile(sorted, 0.99),
    statuses,
    runtimeErrors,
    aborted,
    socketErrors,
    socketErrorKinds: [...socketErrorKinds],
  };
}
