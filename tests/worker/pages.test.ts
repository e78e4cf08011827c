import { describe, expect, it } from 'vitest';
import { seed } from '../fixtures/seed';
import { expectProblem, findArticle, index, ORIGIN, originETag, request } from './helpers';

const seedArticle = findArticle(seed.slug)!;
const stylesheet = index.assets[0]!;

describe('GET /articles/:slug', () => {
  it('shows the seed article as a page with every paragraph verbatim', async () => {
    const response = await request(`/articles/${seed.slug}`);
    const page = await response.text();
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('Cache-Control')).toBe('public, max-age=60, s-maxage=86400, stale-while-revalidate=86400, stale-if-error=604800');
    expect(response.headers.get('ETag')).toBe(await originETag(seedArticle.html.hash));
    expect(response.headers.get('Last-Modified')).toBe('Fri, 27 Nov 2026 00:00:00 GMT');
    for (const paragraph of seed.paragraphs) expect(page).toContain(`<p>${paragraph}</p>`);
    expect(page).toContain(`<h1>${seed.title}</h1>`);
    expect(page).toContain(`<p class="dek">Niger&#39;s Engagement with Russian Military Trainers</p>`);
    expect(page).toContain('<time datetime="2026-11-27T00:00:00Z">November 27, 2026</time> · Source: Ap news</p>');
    expect(page).toContain(`<link rel="canonical" href="${ORIGIN}/articles/${seed.slug}">`);
    expect(page).toContain(`<link rel="alternate" type="application/json" href="/api/articles/${seed.slug}">`);
    expect(page).toContain(`<html lang="en">`);
    expect(page).not.toContain('100');
  });

  it('answers an unknown slug with the HTML 404 page', async () => {
    const response = await request('/articles/no-such-article');
    expect(response.status).toBe(404);
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('Cache-Control')).toBe('public, max-age=60, s-maxage=300');
    expect(await response.text()).toContain('<h1>Page not found</h1>');
  });

  it('answers an unknown route with the HTML 404 page', async () => {
    const response = await request('/nothing/here');
    expect(response.status).toBe(404);
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
  });
});

describe('GET /', () => {
  it('lists articles newest first, linking to each page', async () => {
    const response = await request('/');
    const page = await response.text();
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('Cache-Control')).toBe('public, max-age=60, s-maxage=3600, stale-while-revalidate=86400, stale-if-error=604800');
    expect(response.headers.get('ETag')).toBe(await originETag(index.pages.home[0]!.hash));
    expect(page).toContain(`<h2><a href="/articles/${seed.slug}">${seed.title}</a></h2>`);
    expect(page).toContain(`<p>${seed.paragraphs[0]}</p>`);
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
