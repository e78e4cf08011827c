import { describe, expect, it } from 'vitest';
import { seed } from '../fixtures/seed';
import { expectProblem, findArticle, index, ORIGIN, originETag, request } from './helpers';

const PAGE = `/articles/${seed.slug}`;
const article = findArticle(seed.slug)!;

describe('content negotiation on /articles/:slug', () => {
  it.each([
    [null, 'text/html; charset=utf-8', `${PAGE}.html`],
    ['*/*', 'text/html; charset=utf-8', `${PAGE}.html`],
    ['text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', 'text/html; charset=utf-8', `${PAGE}.html`],
    ['application/json', 'application/json', `/api/articles/${seed.slug}`],
    ['text/markdown', 'text/markdown; charset=utf-8; variant=CommonMark', `${PAGE}.md`],
    ['text/html;q=0.5, application/json;q=0.9', 'application/json', `/api/articles/${seed.slug}`],
    ['text/*;q=0.8, text/html;q=0.1', 'text/markdown; charset=utf-8; variant=CommonMark', `${PAGE}.md`],
    ['application/json;q=0, */*', 'text/html; charset=utf-8', `${PAGE}.html`],
  ])('Accept %j gets %s with Vary and Content-Location', async (accept, contentType, location) => {
    const response = await request(PAGE, accept === null ? {} : { headers: { Accept: accept } });
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe(contentType);
    expect(response.headers.get('Vary')).toBe('Accept');
    expect(response.headers.get('Content-Location')).toBe(location);
  });

  it('serves JSON at the canonical URL with the bytes of the API URL', async () => {
    const negotiated = await request(PAGE, { headers: { Accept: 'application/json' } });
    const explicit = await request(`/api/articles/${seed.slug}`);
    expect(await negotiated.text()).toBe(await explicit.text());
    expect(negotiated.headers.get('ETag')).toBe(explicit.headers.get('ETag'));
    expect(explicit.headers.get('Vary')).toBeNull();
  });

  it('answers 406 listing the alternatives when nothing is acceptable', async () => {
    const response = await request(PAGE, { headers: { Accept: 'image/png' } });
    expect(response.headers.get('Vary')).toBe('Accept');
    await expectProblem(response, {
      title: 'Not Acceptable',
      status: 406,
      detail: 'Available as text/html, application/json, text/markdown.',
      instance: PAGE,
      alternatives: [
        { type: 'text/html', href: `${PAGE}.html` },
        { type: 'application/json', href: `/api/articles/${seed.slug}` },
        { type: 'text/markdown', href: `${PAGE}.md` },
      ],
    });
  });

  it('keeps Vary and Content-Location on a 304', async () => {
    const etag = await originETag(article.markdown.hash);
    const response = await request(PAGE, { headers: { Accept: 'text/markdown', 'If-None-Match': etag } });
    expect(response.status).toBe(304);
    expect(response.headers.get('ETag')).toBe(etag);
    expect(response.headers.get('Vary')).toBe('Accept');
    expect(response.headers.get('Content-Location')).toBe(`${PAGE}.md`);
    expect(response.headers.get('Cache-Control')).toBe('public, max-age=60, s-maxage=86400, stale-while-revalidate=86400, stale-if-error=604800');
    expect(response.headers.get('Date')).not.toBeNull();
    expect(await response.text()).toBe('');
  });

  it('serves the Markdown representation at .md, not varying, with the body verbatim', async () => {
    const response = await request(`${PAGE}.md`);
    const text = await response.text();
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/markdown; charset=utf-8; variant=CommonMark');
    expect(response.headers.get('Vary')).toBeNull();
    expect(response.headers.get('ETag')).toBe(await originETag(article.markdown.hash));
    expect(text).toContain(`\nurl: ${ORIGIN}${PAGE}\ntitle: ${seed.title}\n`);
    expect(text.endsWith(`---\n\n${seed.paragraphs.join('\n\n')}\n`)).toBe(true);
  });

  it('serves the HTML representation at .html, not varying', async () => {
    const response = await request(`${PAGE}.html`);
    expect(response.status).toBe(200);
    expect(response.headers.get('Vary')).toBeNull();
    expect(response.headers.get('ETag')).toBe(await originETag(article.html.hash));
  });
});

describe('canonical URLs', () => {
  it.each([
    [`${PAGE}/`, PAGE],
    [`/articles/Niger-Embraces-Russian-Military-Trainers`, PAGE],
    [`/articles/NIGER-embraces-russian-military-trainers.md`, `${PAGE}.md`],
  ])('redirects %s to %s with a 301', async (path, location) => {
    const response = await request(path, { redirect: 'manual' });
    expect(response.status).toBe(301);
    expect(response.headers.get('Location')).toBe(location);
    expect(response.headers.get('Cache-Control')).toBe('public, max-age=3600, s-maxage=86400');
  });

  it.each(['/articles/%0d%0aSet-Cookie:%20x/', '/articles/no-such-article/', '/articles/%E2%80%99'])('answers %s with a 404, never a redirect or a 5xx', async (path) => {
    expect((await request(path, { redirect: 'manual' })).status).toBe(404);
  });

  it('ignores query parameters that do not apply: same body, same ETag', async () => {
    const plain = await request(PAGE);
    const tracked = await request(`${PAGE}?utm_source=newsletter&page=3`);
    expect(await tracked.text()).toBe(await plain.text());
    expect(tracked.headers.get('ETag')).toBe(plain.headers.get('ETag'));
  });
});
