/**
 * Edge caching policy as data. Content changes only with a deploy, so shared caches keep article
 * responses for a day and purge by Cache-Tag on deploy, while browsers keep them for a minute and
 * then revalidate cheaply (a 304 from the strong ETag). RFC 9111 §5.2.2 defines the directives.
 */

/** Every kind of response the Worker sends; each gets its caching from the table below. */
export type ResponseKind = 'article' | 'list' | 'home' | 'search' | 'asset' | 'icon' | 'notFound' | 'gone' | 'redirect' | 'preflight' | 'clientError' | 'serverError';

interface CachePolicy {
  /** Browsers and private caches (seconds). */
  maxAge: number;
  /** Shared caches: CDNs, proxies (seconds). */
  sMaxAge?: number;
  staleWhileRevalidate?: number;
  staleIfError?: number;
  immutable?: boolean;
  /** Never store: responses that say nothing lasting about the resource. */
  noStore?: boolean;
  /**
   * What it shows changes when a scheduled article goes live (a list takes it in, its URL's 404
   * becomes the article): while one is scheduled, its lifetimes end by then (`lifetimesUntil`).
   */
  scheduled?: boolean;
}

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const YEAR = 365 * DAY;

export const CACHE_POLICY: Readonly<Record<ResponseKind, CachePolicy>> = {
  article: { maxAge: MINUTE, sMaxAge: DAY, staleWhileRevalidate: DAY, staleIfError: 7 * DAY },
  list: { maxAge: MINUTE, sMaxAge: HOUR, staleWhileRevalidate: DAY, staleIfError: 7 * DAY, scheduled: true },
  home: { maxAge: MINUTE, sMaxAge: HOUR, staleWhileRevalidate: DAY, staleIfError: 7 * DAY, scheduled: true },
  // Search results: made per request, kept briefly everywhere (a deploy purges them by tag), and
  // served stale for a while when the Worker cannot answer.
  search: { maxAge: MINUTE, sMaxAge: 5 * MINUTE, staleWhileRevalidate: MINUTE, staleIfError: HOUR, scheduled: true },
  asset: { maxAge: YEAR, immutable: true },
  // /favicon.ico: a fixed URL whose bytes a deploy may change, so never immutable. Browsers keep
  // favicons in their own store and crawlers refetch them rarely: a day, then a cheap 304.
  icon: { maxAge: DAY, sMaxAge: DAY, staleWhileRevalidate: 7 * DAY },
  notFound: { maxAge: MINUTE, sMaxAge: 5 * MINUTE, scheduled: true },
  // A withdrawn article stays withdrawn (RFC 9110 §15.5.11: 410 is cacheable by default); kept like
  // the article it replaces, and a deploy that restores it is a new cache key.
  gone: { maxAge: MINUTE, sMaxAge: DAY },
  // Canonical-URL redirects change only if a slug is renamed, which a deploy would purge.
  redirect: { maxAge: HOUR, sMaxAge: DAY },
  // Preflight answers depend only on the method table, which changes with a deploy.
  preflight: { maxAge: DAY },
  clientError: { maxAge: 0, noStore: true },
  serverError: { maxAge: 0, noStore: true },
};

function render(policy: CachePolicy): string {
  if (policy.noStore) return 'no-store';
  const directives = ['public', `max-age=${policy.maxAge}`];
  if (policy.sMaxAge !== undefined) directives.push(`s-maxage=${policy.sMaxAge}`);
  if (policy.staleWhileRevalidate !== undefined) directives.push(`stale-while-revalidate=${policy.staleWhileRevalidate}`);
  if (policy.staleIfError !== undefined) directives.push(`stale-if-error=${policy.staleIfError}`);
  if (policy.immutable) directives.push('immutable');
  return directives.join(', ');
}

const CACHE_CONTROL = Object.fromEntries(Object.entries(CACHE_POLICY).map(([kind, policy]) => [kind, render(policy)])) as Readonly<Record<ResponseKind, string>>;

/** The `Cache-Control` field value for a kind of response (rendered once, at module load). */
export function cacheControl(kind: ResponseKind): string {
  return CACHE_CONTROL[kind];
}

const KIND_OF = new Map(Object.entries(CACHE_CONTROL).map(([kind, value]) => [value, kind as ResponseKind]));

/**
 * The policy of a response sent `seconds` before what it shows changes: every lifetime, and
 * each stale period after it, ends by then, in every cache (RFC 9111 §5.2.2.1, §5.2.2.10; RFC 5861).
 */
export function policyUntil(policy: CachePolicy, seconds: number): CachePolicy {
  const left = Math.max(0, Math.floor(seconds));
  const maxAge = Math.min(policy.maxAge, left);
  const sMaxAge = policy.sMaxAge === undefined ? undefined : Math.min(policy.sMaxAge, left);
  const stale = left - Math.max(maxAge, sMaxAge ?? 0);
  const capped: CachePolicy = { maxAge };
  if (sMaxAge !== undefined) capped.sMaxAge = sMaxAge;
  if (policy.staleWhileRevalidate !== undefined) capped.staleWhileRevalidate = Math.min(policy.staleWhileRevalidate, stale);
  if (policy.staleIfError !== undefined) capped.staleIfError = Math.min(policy.staleIfError, stale);
  return capped;
}

/**
 * The `Cache-Control` value to send instead of `value` when the next scheduled article goes live
 * in `seconds`, or null to leave it: only the kinds whose content changes then are capped (an
 * article's own page does not: no page links a story before its release).
 */
export function lifetimesUntil(value: string | null, seconds: number): string | null {
  const kind = value === null ? undefined : KIND_OF.get(value);
  if (kind === undefined || CACHE_POLICY[kind].scheduled !== true) return null;
  return render(policyUntil(CACHE_POLICY[kind], seconds));
}

/** Cache-Tag values (purge handles): one per article, one for every list, one per build. */
export const cacheTags = {
  article: (slug: string, build: string) => [`article:${slug}`, `build:${build}`],
  list: (build: string) => ['articles', `build:${build}`],
  search: (build: string) => ['search', `build:${build}`],
  build: (build: string) => [`build:${build}`],
} as const;
