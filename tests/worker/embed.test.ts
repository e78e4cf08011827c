import { describe, expect, it } from 'vitest';
import { seed } from '../fixtures/seed';
import { findArticle, index, ORIGIN, originETag, request } from './helpers';

/** The embed card: `/articles/:slug/embed`, the page the oEmbed iframe frames. */

const CARD = `/articles/${seed.slug}/embed`;
const PAGE = `${ORIGIN}/articles/${seed.slug}`;
const EMBED_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors *";
const PAGE_CSP = "default-src 'none'; connect-src 'self'; style-src 'self'; img-src 'self' https:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
const asset = (name: RegExp) => index.assets.find((candidate) => name.test(candidate.name))!;
const stylesheet = asset(/^card\.[\w-]{12}\.css$/);
const script = asset(/^card\.[\w-]{12}\.js$/);
const cardETag = () => originETag(findArticle(seed.slug)!.embed.hash);

describe('GET /articles/:slug/embed', () => {
  it('serves the pre-rendered card with the CSP that lets any site frame it, cached like the article', async () => {
    const response = await request(CARD);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('Content-Security-Policy')).toBe(EMBED_CSP);
    // The pages' Permissions-Policy (tests/worker/http.test.ts); no COOP, which a framed document ignores.
    expect(response.headers.get('Permissions-Policy')).toMatch(/^accelerometer=\(\), .* xr-spatial-tracking=\(\)$/);
    expect(response.headers.get('Permissions-Policy')).toBe((await request(`/articles/${seed.slug}`)).headers.get('Permissions-Policy'));
    expect(response.headers.get('Cross-Origin-Opener-Policy')).toBeNull();
    expect(response.headers.get('Cache-Control')).toBe('public, max-age=60, s-maxage=86400, stale-while-revalidate=86400, stale-if-error=604800');
    expect(response.headers.get('Cache-Tag')).toBe(`article:${seed.slug},build:${index.build}`);
    expect(response.headers.get('ETag')).toBe(await cardETag());
    expect(response.headers.get('Last-Modified')).toBe('Fri, 27 Nov 2026 00:00:00 GMT');
    expect(await response.text()).toBe(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${seed.title} · edgewire</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="${PAGE}">
<link rel="stylesheet" href="/assets/${stylesheet.name}">
<script src="/assets/${script.name}" defer></script>
</head>
<body>
<main>
<article>
<h1>${seed.title}</h1>
<p>Niger&#39;s Engagement with Russian Military Trainers</p>
<p class="credit">Source: Ap news · <time datetime="2026-11-27T00:00:00Z">November 27, 2026</time></p>
<p class="read"><a href="${PAGE}" target="_blank" rel="noopener">Read on edgewire</a></p>
</article>
</main>
</body>
</html>
`);
  });

  it('answers its ETag by 304 with no CSP or Permissions-Policy (a 304 carries no content metadata)', async () => {
    const response = await request(CARD, { headers: { 'If-None-Match': await cardETag() } });
    expect(response.status).toBe(304);
    expect(response.headers.get('Content-Security-Policy')).toBeNull();
    expect(response.headers.get('Permissions-Policy')).toBeNull();
  });

  it('redirects a mixed-case slug to the canonical card, and answers an unknown one with the 404 page (not framable)', async () => {
    const moved = await request(`/articles/Niger-Embraces-Russian-Military-Trainers/embed`, { redirect: 'manual' });
    expect(moved.status).toBe(301);
    expect(moved.headers.get('Location')).toBe(CARD);
    const missing = await request('/articles/no-such-article/embed');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('Content-Security-Policy')).toBe(PAGE_CSP);
  });

  it("every other HTML page refuses framing: frame-ancestors 'none'", async () => {
    for (const path of [`/articles/${seed.slug}`, `/articles/${seed.slug}.html`, '/', '/tags', '/tags/sahel', '/nothing']) {
      expect((await request(path)).headers.get('Content-Security-Policy')).toBe(PAGE_CSP);
    }
  });
});

describe("the card's assets", () => {
  it.each([
    ['stylesheet', stylesheet, 'text/css; charset=utf-8'],
    ['script', script, 'text/javascript; charset=utf-8'],
  ])('serves the %s under its content-hashed name, immutable', async (_, { name, hash, body }, contentType) => {
    const response = await request(`/assets/${name}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe(contentType);
    expect(response.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('ETag')).toBe(`"${hash}"`);
    expect(await response.text()).toBe(body);
  });
});
