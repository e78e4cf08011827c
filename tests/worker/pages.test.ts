import { describe, expect, it } from 'vitest';
import { seed } from '../fixtures/seed';
import { expectProblem, findArticle, index, ORIGIN, originETag, request, SITE_FEEDS, SITE_FOOTER, SITE_MASTHEAD } from './helpers';

const seedArticle = findArticle(seed.slug)!;
const [stylesheet, favicon] = index.assets as [(typeof index.assets)[0], (typeof index.assets)[0]];
const HOME_CACHE = 'public, max-age=60, s-maxage=3600, stale-while-revalidate=86400, stale-if-error=604800';

/** The head's stylesheet and favicon links, as every page has them. */
const ASSET_LINKS = `<link rel="stylesheet" href="/assets/${stylesheet.name}">
<link rel="icon" type="image/svg+xml" href="/assets/${favicon.name}">
<link rel="search" type="application/opensearchdescription+xml" title="edgewire" href="/opensearch.xml">
`;

/** The seed as a tag page lists it: headline, dek, dateline (the article page carries its tags). */
const SEED_ITEM = `<li lang="en"><article>
<h2><a href="/articles/${seed.slug}">${seed.title}</a></h2>
<p class="dek">Niger&#39;s Engagement with Russian Military Trainers</p>
<p class="dateline"><time datetime="2026-11-27T00:00:00Z">November 27, 2026</time> · 2 min read</p></article></li>
`;

describe('GET /articles/:slug', () => {
  it('shows the seed article as a page with every paragraph verbatim', async () => {
    const response = await request(`/articles/${seed.slug}`);
    const page = await response.text();
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('Cache-Control')).toBe('public, max-age=60, s-maxage=86400, stale-while-revalidate=86400, stale-if-error=604800');
    expect(response.headers.get('ETag')).toBe(await originETag(seedArticle.html.hash));
    expect(response.headers.get('Last-Modified')).toBe('Fri, 27 Nov 2026 00:00:00 GMT');
    expect(page).toContain(`<html lang="en">`);
    expect(page).toContain(`${SITE_MASTHEAD}<div class="story-page solo">
<article class="story">
<header>
<h1>${seed.title}</h1>
<p class="dek">Niger&#39;s Engagement with Russian Military Trainers</p>
<p class="byline">Source: Ap news</p>
<p class="dateline"><time datetime="2026-11-27T00:00:00Z">November 27, 2026</time> · 2 min read</p>
</header>
${seed.paragraphs.map((paragraph) => `<p>${paragraph}</p>\n`).join('')}<footer><ul class="tags" aria-label="Tags"><li><a href="/tags/niger">niger</a></li><li><a href="/tags/russia">russia</a></li><li><a href="/tags/sahel">sahel</a></li></ul></footer>
</article>
</div>
</main>
${SITE_FOOTER}`);
    expect(page).toContain(`<link rel="canonical" href="${ORIGIN}/articles/${seed.slug}">
<link rel="alternate" type="application/json" href="/api/articles/${seed.slug}">
<link rel="alternate" type="text/markdown" href="/articles/${seed.slug}.md">
<link rel="alternate" type="application/json+oembed" href="${ORIGIN}/api/oembed?url=${ORIGIN}/articles/${seed.slug}&amp;format=json" title="${seed.title}">
${SITE_FEEDS}${ASSET_LINKS}<meta name="robots" content="max-image-preview:large">
<meta property="og:type" content="article">`);
    expect(page).not.toContain('100');
  });

  it('answers an unknown slug with the HTML 404 page', async () => {
    const response = await request('/articles/no-such-article');
    expect(response.status).toBe(404);
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('Cache-Control')).toBe('public, max-age=60, s-maxage=300');
    const page = await response.text();
    expect(page).toContain(`${SITE_MASTHEAD}<h1>Page not found</h1>`);
    expect(page).toContain(`${SITE_FEEDS}${ASSET_LINKS}</head>`);
    expect(page.endsWith(SITE_FOOTER)).toBe(true);
  });

  it('answers an unknown route with the HTML 404 page', async () => {
    const response = await request('/nothing/here');
    expect(response.status).toBe(404);
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
  });
});

describe('GET /', () => {
  it('leads the news front with the newest article: headline, dek, byline, dateline', async () => {
    const response = await request('/');
    const page = await response.text();
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('Cache-Control')).toBe(HOME_CACHE);
    expect(response.headers.get('ETag')).toBe(await originETag(index.pages.home[0]!.hash));
    expect(page).toContain(`<title>edgewire</title>
<meta name="description" content="Latest articles from edgewire.">
<link rel="canonical" href="${ORIGIN}/">
<link rel="alternate" type="application/json" href="/api/articles">
${SITE_FEEDS}${ASSET_LINKS}<script type="application/ld+json">`);
    // One article: the lead alone, no sections and no latest list beside it.
    expect(page).toContain(`${SITE_MASTHEAD}<h1 class="visually-hidden">edgewire</h1>
<div class="front solo">
<section class="lead" aria-label="Lead story" lang="en">
<article>
<h2><a href="/articles/${seed.slug}">${seed.title}</a></h2>
<p class="dek">Niger&#39;s Engagement with Russian Military Trainers</p>
<p class="byline">Source: Ap news</p>
<p class="dateline"><time datetime="2026-11-27T00:00:00Z">November 27, 2026</time> · 2 min read</p>
</article>
</section>
</div>
</main>
${SITE_FOOTER}`);
    expect(page).not.toContain('<nav class="pages"');
  });

  it('answers a page past the last with the HTML 404 page, and a bad page number with 400', async () => {
    expect(index.pages.home).toHaveLength(1);
    const missing = await request('/?page=2');
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('<h1>Page not found</h1>');
    await expectProblem(await request('/?page=two'), {
      title: 'Bad Request',
      status: 400,
      detail: 'The page number is not valid.',
      instance: '/?page=two',
      errors: [{ parameter: 'page', detail: 'must be a whole number from 1' }],
    });
  });

  it('serves page 1 at /?page=1 too, with the same ETag', async () => {
    const response = await request('/?page=1');
    expect(response.status).toBe(200);
    expect(response.headers.get('ETag')).toBe(await originETag(index.pages.home[0]!.hash));
  });
});

describe('GET /tags and /tags/:tag', () => {
  it('lists every tag with its article count, each linking to its page', async () => {
    const response = await request('/tags');
    const page = await response.text();
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('Cache-Control')).toBe(HOME_CACHE);
    expect(response.headers.get('Cache-Tag')).toBe(`articles,build:${index.build}`);
    expect(response.headers.get('ETag')).toBe(await originETag(index.documents['/tags']!.pages[0]!.hash));
    expect(page).toContain(`<title>Tags · edgewire</title>`);
    expect(page).toContain(`<link rel="canonical" href="${ORIGIN}/tags">\n${SITE_FEEDS}`);
    expect(page).toContain(`${SITE_MASTHEAD}<h1>Tags</h1>
<ul class="tag-index">
<li><a href="/tags/niger">niger</a> · 1 article</li>
<li><a href="/tags/russia">russia</a> · 1 article</li>
<li><a href="/tags/sahel">sahel</a> · 1 article</li>
</ul>
</main>
${SITE_FOOTER}`);
  });

  it("shows a tag's articles like the front page, and discovers the tag's feeds", async () => {
    const response = await request('/tags/sahel');
    const page = await response.text();
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('Cache-Control')).toBe(HOME_CACHE);
    expect(response.headers.get('Cache-Tag')).toBe(`articles,build:${index.build}`);
    expect(response.headers.get('ETag')).toBe(await originETag(index.documents['/tags/sahel']!.pages[0]!.hash));
    expect(page).toContain(`<title>sahel · edgewire</title>
<meta name="description" content="Articles tagged “sahel” on edgewire.">
<link rel="canonical" href="${ORIGIN}/tags/sahel">
<link rel="alternate" type="application/json" href="/api/articles?tag=sahel">
${SITE_FEEDS}<link rel="alternate" type="application/rss+xml" title="edgewire — sahel — RSS" href="/tags/sahel/rss.xml">
<link rel="alternate" type="application/atom+xml" title="edgewire — sahel — Atom" href="/tags/sahel/atom.xml">
<link rel="alternate" type="application/feed+json" title="edgewire — sahel — JSON Feed" href="/tags/sahel/feed.json">
${ASSET_LINKS}</head>`);
    expect(page).toContain(`${SITE_MASTHEAD}<h1>Tagged “sahel”</h1>
<ol class="articles">
${SEED_ITEM}</ol>
</main>
${SITE_FOOTER}`);
  });

  it('answers an unknown tag and a page past the last with the HTML 404 page', async () => {
    for (const path of ['/tags/no-such-tag', '/tags/sahel?page=2', '/tags/Sahel']) {
      const response = await request(path);
      expect(response.status).toBe(404);
      expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
      expect(await response.text()).toContain('<h1>Page not found</h1>');
    }
  });
});

describe('favicon', () => {
  it('serves the SVG favicon under its content-hashed name, immutable', async () => {
    const response = await request(`/assets/${favicon.name}`);
    expect(favicon.name).toMatch(/^favicon\.[A-Za-z0-9_-]{12}\.svg$/);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('image/svg+xml');
    expect(response.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('ETag')).toBe(`"${favicon.hash}"`);
    const body = await response.text();
    expect(body).toBe(favicon.body);
    expect(body.startsWith('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">')).toBe(true);
  });

  it('answers /favicon.ico with the same SVG, revalidated daily rather than immutable', async () => {
    const response = await request('/favicon.ico');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('image/svg+xml');
    expect(response.headers.get('Cache-Control')).toBe('public, max-age=86400, s-maxage=86400, stale-while-revalidate=604800');
    expect(response.headers.get('ETag')).toBe(await originETag(index.documents['/favicon.ico']!.pages[0]!.hash));
    expect(await response.text()).toBe(favicon.body);
  });
});

describe('GET /assets/:name', () => {
  it('serves the stylesheet under its content-hashed name, immutable', async () => {
    const response = await request(`/assets/${stylesheet.name}`);
    expect(stylesheet.name).toMatch(/^site\.[A-Za-z0-9_-]{12}\.css$/);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/css; charset=utf-8');
    expect(response.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('ETag')).toBe(`"${stylesheet.hash}"`);
    expect(await response.text()).toBe(stylesheet.body);
  });
});
