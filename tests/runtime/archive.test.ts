import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/bench/corpus';
import { ARCHIVE_ARTICLES } from './archive';
import { serveFixture, type Served } from './served';

// The home page of an archive several pages long, served by workerd: the front page at `/`, archive
// pages numbered from the oldest at `/?page=n`.

const SITE = 'https://news.example';
/** The fixture's slugs, newest first. */
const slugs = generateCorpus(ARCHIVE_ARTICLES).map(({ file }) => file.replace(/\.md$/, ''));
const linked = (page: string) => [...page.matchAll(/<h2><a href="\/articles\/([\w-]+)">/g)].map(([, slug]) => slug);

let served: Served;

beforeAll(async () => {
  served = await serveFixture('archive', { SITE_URL: SITE });
});

afterAll(async () => {
  await served?.stop();
});

async function get(path: string, headers: Record<string, string> = {}): Promise<{ response: Response; text: string }> {
  const response = await fetch(`${served.origin}${path}`, { headers });
  return { response, text: await response.text() };
}

describe('the home page of an archive, numbered from the oldest', () => {
  it('serves the newest on the front page, linking the archive page that goes on from it', async () => {
    const { response, text } = await get('/');
    expect(response.status).toBe(200);
    expect(text).toContain(`<link rel="canonical" href="${SITE}/">`);
    expect(text).toContain('<nav class="pages" aria-label="More articles"><a rel="next" href="/?page=2">Older articles</a></nav>');
  });

  it('serves archive page 1 with the 30 oldest, newest first, its canonical URL, and a link to the next newer page', async () => {
    const { response, text } = await get('/?page=1');
    expect(response.status).toBe(200);
    expect(text).toContain('<h1>Archive, page 1</h1>');
    expect(text).toContain(`<link rel="canonical" href="${SITE}/?page=1">`);
    expect(linked(text)).toEqual(slugs.slice(ARCHIVE_ARTICLES - 30));
    expect(text).toContain('<nav class="pages" aria-label="More articles"><a rel="prev" href="/?page=2">Newer articles</a></nav>');
    const etag = response.headers.get('ETag')!;
    expect(etag).toMatch(/^"[\w-]{22}-[\w-]+"$/);
    expect((await get('/?page=1', { 'If-None-Match': etag })).response.status).toBe(304);
  });

  it('serves the newest archive page, partly filled, linking the front page as newer; past it, the 404', async () => {
    const { text } = await get('/?page=3');
    expect(linked(text)).toEqual(slugs.slice(0, 5));
    expect(text).toContain('<nav class="pages" aria-label="More articles"><a rel="prev" href="/">Newer articles</a> <a rel="next" href="/?page=2">Older articles</a></nav>');
    expect((await get('/?page=4')).response.status).toBe(404);
    expect((await get('/?page=0')).response.status).toBe(400);
  });
});
