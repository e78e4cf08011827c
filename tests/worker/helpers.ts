import { env, exports } from 'cloudflare:workers';
import { expect } from 'vitest';
import content from '../../src/generated/content.txt';
import type { ContentIndex } from '../../src/store/bundle';
import { storedArticle, type StoredArticle } from '../../src/store';
import { readWholeIndex, type IndexHeader } from '../../src/store/shards';
import { expectContract, expectProblemContract } from './contract';

/** The origin in wrangler.toml [vars]: what absolute URLs in bodies start with. */
export const ORIGIN = 'http://localhost:8787';

/**
 * Sends a request to the Worker's default export, as the edge would, and checks the response
 * against the OpenAPI document (contract.ts) before the test sees it.
 */
export async function request(path: string, init?: RequestInit): Promise<Response> {
  const sent = new Request(`${ORIGIN}${path}`, init);
  const response = await exports.default.fetch(sent);
  await expectContract(sent.method, response.redirected ? response.url : sent.url, response.clone());
  return response;
}

async function sha256Base64url(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return btoa(String.fromCharCode(...digest)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The ETag the Worker must send for a body that the build hashed as `hash` and that names ORIGIN. */
export async function originETag(hash: string): Promise<string> {
  return `"${hash}-${(await sha256Base64url(ORIGIN)).slice(0, 8)}"`;
}

/** The ETag of a body hashed whole (lists): SHA-256, base64url, 22 characters. */
export async function bodyETag(body: string): Promise<string> {
  return `"${(await sha256Base64url(body)).slice(0, 22)}"`;
}

/** The build's whole index: the content module's header and every record of its shard files, read here, not through the store. */
const whole = await readWholeIndex(JSON.parse(content) as IndexHeader, async (path) => (await env.ASSETS.fetch(`https://assets.invalid${path}`)).text());
const lineOf = new Map(whole.slugs.map((slug, line) => [slug, line]));

/** The build's index as the build made it (tags as lines of `slugs`). */
export const index: ContentIndex = {
  build: whole.header.build,
  slugs: whole.slugs,
  tags: Object.fromEntries(Object.entries(whole.tags).map(([tag, slugs]) => [tag, slugs.map((slug) => lineOf.get(slug)!)])),
  pages: { home: whole.home, notFound: whole.header.notFound },
  documents: whole.documents,
  aliases: whole.aliases,
  gone: whole.gone,
  assets: whole.header.assets,
  embed: whole.header.embed,
};

/** The store's view of an article: where expected representation hashes come from. */
export function findArticle(slug: string): StoredArticle | undefined {
  const line = lineOf.get(slug);
  return line === undefined ? undefined : storedArticle(whole.articles[line]!);
}

/** The members of an RFC 9457 problem document besides `type` (always about:blank here). */
interface ProblemMembers {
  title: string;
  status: number;
  detail: string;
  instance: string;
  [extension: string]: unknown;
}

/** Asserts a problem document: its status, `application/problem+json`, and exactly this body. */
export async function expectProblem(response: Response, members: ProblemMembers): Promise<void> {
  expect(response.status).toBe(members.status);
  expect(response.headers.get('Content-Type')).toBe('application/problem+json');
  const body = await response.json<{ status: number }>();
  expect(body).toEqual({ type: 'about:blank', ...members });
  await expectProblemContract(body);
}

/** The one JSON-LD block of a page, parsed; fails unless the page has exactly one script element. */
export function jsonLdOf(page: string): unknown {
  expect(page.match(/<script/gi) ?? []).toHaveLength(1);
  const blocks = [...page.matchAll(/<script type="application\/ld\+json">([^<]*)<\/script>/g)];
  expect(blocks).toHaveLength(1);
  return JSON.parse(blocks[0]![1]!);
}

/** The masthead every page's body opens with, after the skip link to `<main id="main">`. */
export const SITE_MASTHEAD = `<body>
<a class="skip" href="#main">Skip to content</a>
<header class="site">
<p class="brand"><a href="/">edgewire</a></p>
<form class="site-search" role="search" action="/search" method="get" aria-label="Search the site"><label class="visually-hidden" for="site-q">Search articles</label><input type="search" id="site-q" name="q" maxlength="200" enterkeyhint="search"><button type="submit">Search</button></form>
</header>
<main id="main">
`;

/** The site footer every page ends with: the corrections page and feeds for readers, the API for developers. */
export const SITE_FOOTER = `<footer class="site">
<p class="name">edgewire</p>
<ul aria-label="About this site and its feeds">
<li><a href="/corrections">Corrections</a></li>
<li><a href="/rss.xml">RSS</a></li>
<li><a href="/atom.xml">Atom</a></li>
<li><a href="/feed.json">JSON Feed</a></li>
</ul>
<p class="developers">For developers: <a href="/api/articles">JSON API</a> · <a href="/api/openapi.json">OpenAPI</a></p>
</footer>
</body>
</html>
`;

/** The site's feed autodiscovery links, in every page's head. */
export const SITE_FEEDS = `<link rel="alternate" type="application/rss+xml" title="edgewire — RSS" href="/rss.xml">
<link rel="alternate" type="application/atom+xml" title="edgewire — Atom" href="/atom.xml">
<link rel="alternate" type="application/feed+json" title="edgewire — JSON Feed" href="/feed.json">
`;
