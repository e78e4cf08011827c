import CachePolicy from 'http-cache-semantics';
import { request } from './helpers';

type Headers_ = Record<string, string>;

/** A CachePolicy on a clock the test moves, so lifetimes can be crossed without waiting. */
class ClockedPolicy extends CachePolicy {
  static clock = Date.UTC(2026, 10, 28);
  now(): number {
    return ClockedPolicy.clock;
  }
}

interface Stored {
  policy: CachePolicy;
  body: string;
}

/**
 * A shared HTTP cache (a CDN or proxy) in front of the Worker, deciding by a well-kept RFC 9111
 * implementation (http-cache-semantics, shared: true). Counts what reaches the Worker.
 */
export class SharedCacheModel {
  readonly stored = new Map<string, Stored[]>();
  workerHits = 0;

  advance(seconds: number): void {
    ClockedPolicy.clock += seconds * 1000;
  }

  /** Looks the request up, revalidating or fetching from the Worker as RFC 9111 says. */
  async fetch(path: string, headers: Headers_ = {}): Promise<{ source: 'cache' | 'revalidated' | 'worker'; status: number; headers: Headers_; body: string }> {
    const req = { url: path, method: 'GET', headers: lower(headers) };
    const entries = this.stored.get(path) ?? [];
    const hit = entries.find((entry) => entry.policy.satisfiesWithoutRevalidation(req));
    if (hit) return { source: 'cache', status: 200, headers: hit.policy.responseHeaders() as Headers_, body: hit.body };
    const candidate = entries.find((entry) => entry.policy.revalidationHeaders(req)['if-none-match'] !== undefined && varyMatches(entry.policy, req));
    const sent = candidate ? (candidate.policy.revalidationHeaders(req) as Headers_) : req.headers;
    this.workerHits += 1;
    const response = await request(path, { headers: sent });
    const res = { status: response.status, headers: Object.fromEntries(response.headers) };
    const body = await response.text();
    if (candidate && response.status === 304) {
      const { policy, modified } = candidate.policy.revalidatedPolicy(req, res);
      if (!modified) {
        candidate.policy = policy;
        return { source: 'revalidated', status: 200, headers: policy.responseHeaders() as Headers_, body: candidate.body };
      }
    }
    const policy = new ClockedPolicy(req, res, { shared: true });
    if (policy.storable()) this.stored.set(path, [...entries.filter((entry) => entry !== candidate), { policy, body }]);
    return { source: 'worker', status: response.status, headers: res.headers, body };
  }
}

function lower(headers: Headers_): Headers_ {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}

/** Whether a stored response was selected for this request's Vary'd headers (RFC 9111 §4.1). */
function varyMatches(policy: CachePolicy, req: { url: string; method: string; headers: Headers_ }): boolean {
  const vary = (policy.responseHeaders() as Headers_)['vary'];
  if (vary === undefined) return true;
  const original = (policy.toObject() as { reqh: Headers_ }).reqh;
  return vary.split(',').every((name) => original[name.trim().toLowerCase()] === req.headers[name.trim().toLowerCase()]);
}
