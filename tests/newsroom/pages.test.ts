import { describe, expect, it } from 'vitest';
import { request } from '../worker/helpers';

/** The newsroom fixture's pages, as readers get them: masthead, front page, article, section. */

async function page(path: string): Promise<string> {
  const response = await request(path);
  expect(response.status).toBe(200);
  return response.text();
}

/** The slugs an HTML fragment links as headlines, in order. */
const headlines = (fragment: string) => [...fragment.matchAll(/<h[23]><a href="\/articles\/([^"]+)">/g)].map(([, slug]) => slug);

const between = (text: string, start: string, end: string) => {
  const from = text.indexOf(start);
  expect(from, `no ${start}`).toBeGreaterThanOrEqual(0);
  return text.slice(from, text.indexOf(end, from) + end.length);
};

describe('the masthead', () => {
  it.each(['/', '/articles/council-approves-budget', '/authors/maria-santos', '/about'])('on %s: the logo linking home, the tagline, the sections in site.yml order', async (path) => {
    expect(between(await page(path), '<header class="site">', '</header>')).toMatch(
      /^<header class="site">\n<p class="brand"><a href="\/"><img src="\/assets\/logo\.[\w-]{12}\.svg" width="240" height="40" alt="The Riverside Ledger"><\/a><\/p>\n<p class="tagline">News for Riverside and the county since 1921<\/p>\n<form class="site-search" role="search" action="\/search" method="get" aria-label="Search the site"><label class="visually-hidden" for="site-q">Search articles<\/label><input type="search" id="site-q" name="q" maxlength="200" enterkeyhint="search"><button type="submit">Search<\/button><\/form>\n<nav aria-label="Sections"><ul>\n<li><a href="\/sections\/local"( aria-current="page")?>Local<\/a><\/li>\n<li><a href="\/sections\/business">Business<\/a><\/li>\n<li><a href="\/sections\/sports">Sports<\/a><\/li>\n<\/ul><\/nav>\n<\/header>$/,
    );
  });

  it('marks the section page it is on as the current page', async () => {
    expect(await page('/sections/local')).toContain('<li><a href="/sections/local" aria-current="page">Local</a></li>');
  });
});

describe('the front page', () => {
  it('leads with the featured story, then a block per section (the lead left out), then the latest', async () => {
    const front = await page('/');
    expect(between(front, '<section class="lead"', '</section>')).toBe(`<section class="lead" aria-label="Lead story" lang="en">
<article>
<p class="kicker"><a href="/sections/sports">Sports</a></p>
<h2><a href="/articles/stadium-plan-unveiled">Developers Unveil Plan for Riverfront Stadium</a></h2>
<p class="dek">A 9,000-seat stadium for the county&#39;s new soccer club</p>
<p class="byline">By Chris Lee</p>
<p class="dateline"><time datetime="2026-12-01T20:00:00Z">December 1, 2026 at 2:00 PM CST</time> · 1 min read</p>
</article>
</section>`);
    const blocks = [...front.matchAll(/<section class="section-block" aria-labelledby="section-([a-z-]+)">([\s\S]*?)<\/section>/g)].map(([, slug, block]) => [slug, headlines(block!)]);
    expect(blocks).toEqual([
      ['local', ['council-approves-budget', 'school-board-calendar']],
      ['business', ['november-jobs-report']],
    ]);
    expect(headlines(between(front, '<section class="latest"', '</section>'))).toEqual(['november-jobs-report', 'council-approves-budget', 'school-board-calendar', 'state-road-funding']);
    // Neither the withdrawn article nor the draft (a production build) is anywhere.
    expect(front).not.toContain('main-street-bakery-closes');
    expect(front).not.toContain('holiday-parade-route');
  });

  it('has a section page for each section, newest first', async () => {
    const local = await page('/sections/local');
    expect(local).toContain('<title>Local · The Riverside Ledger</title>');
    expect(headlines(between(local, '<main id="main">', '</main>'))).toEqual(['council-approves-budget', 'school-board-calendar']);
  });
});

describe('an article page', () => {
  it('has its section as kicker, the byline linked to the author page, the dateline in the site time zone, and a note of the correction', async () => {
    const article = await page('/articles/council-approves-budget');
    expect(between(article, '<article class="story">\n<header>', '</header>')).toBe(`<article class="story">
<header>
<p class="kicker"><a href="/sections/local">Local</a></p>
<h1>City Council Approves 2027 Budget After Late-Night Session</h1>
<p class="byline">By <a href="http://localhost:8787/authors/maria-santos">Maria Santos</a></p>
<p class="dateline"><time datetime="2026-12-04T03:30:00Z">December 3, 2026 at 9:30 PM CST</time> · Updated <time datetime="2026-12-04T16:15:00Z">December 4, 2026 at 10:15 AM CST</time> · 1 min read</p>
<p class="corrected"><a href="#corrections">Corrected December 4, 2026</a></p>
</header>`);
  });

  it('shows the corrections in full, newest first, above the body', async () => {
    const article = await page('/articles/council-approves-budget');
    const corrections = between(article, '<section class="corrections"', '</section>');
    expect(corrections).toBe(`<section class="corrections" id="corrections" aria-labelledby="corrections-title">
<h2 id="corrections-title">Correction</h2>
<ul>
<li><time datetime="2026-12-04T16:15:00Z">December 4, 2026 at 10:15 AM CST</time>: An earlier version of this article gave the wrong vote count. The budget passed 6–3, not 7–2.</li>
</ul>
</section>`);
    expect(article.indexOf(corrections)).toBeLessThan(article.indexOf('<p>The Riverside City Council approved'));
  });

  it('shows a date written without a time as that day, and "More in" its section: what it published before', async () => {
    const article = await page('/articles/school-board-calendar');
    expect(article).toContain('<p class="dateline"><time datetime="2026-12-02T00:00:00Z">December 2, 2026</time> · 1 min read</p>');
    // The section's first article: nothing came before it, so nothing is related (council-approves-budget came after).
    expect(article).not.toContain('<aside class="related"');
    const later = await page('/articles/council-approves-budget');
    expect(headlines(between(later, '<aside class="related"', '</aside>'))).toEqual(['school-board-calendar']);
    expect(later).toContain('<h2 id="related-title">More in Local</h2>');
  });

  it('renders a Markdown table, its alignment as classes (the CSP allows no inline style)', async () => {
    const article = await page('/articles/november-jobs-report');
    expect(article).toContain('<th class="align-left">Sector</th>\n<th class="align-right">Jobs added</th>');
    expect(article).toContain('<td class="align-left">Warehousing</td>\n<td class="align-right">210</td>');
    expect(article).not.toContain('style=');
  });
});
