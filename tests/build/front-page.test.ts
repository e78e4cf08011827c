import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildContent, type BuildResult } from '../../scripts/build/index';
import { ORIGIN, type Representation } from '../../src/store/bundle';

/**
 * The newsroom fixture (tests/fixtures/newsroom) as the pages show it: the front page's lead,
 * section blocks and latest rail, the parts of the article page in their order, the section and
 * author pages, tables, and the draft marker. Exact HTML, as the Worker serves it on SITE.
 */

type Built = Extract<BuildResult, { ok: true }>;
const SITE = 'https://news.example';
const NEWSROOM = join(import.meta.dirname, '../fixtures/newsroom');

async function build(includeDrafts = false): Promise<Built> {
  const result = await buildContent({ root: NEWSROOM, includeDrafts });
  if (!result.ok) throw new Error(result.problems.map((problem) => `${problem.file}: ${problem.field}: ${problem.message}`).join('\n'));
  return result;
}

const built = await build();

function bodyOf(result: Built, { file, start, end }: Pick<Representation, 'file' | 'start' | 'end'>): string {
  return result.files.find(({ path }) => path === file)!.text.slice(start, end).split(ORIGIN).join(SITE);
}

/** What is inside `<main>` of a page. */
function mainOf(page: string): string {
  return page.slice(page.indexOf('<main id="main">\n') + '<main id="main">\n'.length, page.indexOf('\n</main>'));
}

function articlePage(result: Built, slug: string): string {
  const line = result.articles[result.index.slugs.indexOf(slug)]!;
  return bodyOf(result, { file: line.file, start: line.html[0], end: line.html[1] });
}

const documentPage = (path: string) => bodyOf(built, built.index.documents[path]!.pages[0]!);

/** The positions of `parts` in `text`, each found after the one before; -1 for one missing or out of order. */
function positions(text: string, parts: readonly string[]): number[] {
  let from = 0;
  return parts.map((part) => {
    const at = text.indexOf(part, from);
    if (at !== -1) from = at + part.length;
    return at;
  });
}

describe('the front page', () => {
  const front = mainOf(bodyOf(built, built.index.pages.home[0]!));

  it('leads with the featured story, then a block per section with articles, then the latest headlines', () => {
    const order = ['<h1 class="visually-hidden">The Riverside Ledger</h1>', '<div class="front">', '<section class="lead"', '<div class="sections">', 'id="section-local"', 'id="section-business"', '<section class="latest"'];
    expect(positions(front, order).every((at) => at >= 0)).toBe(true);
    // Sports has the lead and nothing else: no empty block.
    expect(front).not.toContain('id="section-sports"');
  });

  it('shows the lead with kicker, headline, dek, byline and dateline', () => {
    expect(front).toContain(`<section class="lead" aria-label="Lead story" lang="en">
<article>
<p class="kicker"><a href="/sections/sports">Sports</a></p>
<h2><a href="/articles/stadium-plan-unveiled">Developers Unveil Plan for Riverfront Stadium</a></h2>
<p class="dek">A 9,000-seat stadium for the county&#39;s new soccer club</p>
<p class="byline">By Chris Lee</p>
<p class="dateline"><time datetime="2026-12-01T20:00:00Z">December 1, 2026 at 2:00 PM CST</time> · 1 min read</p>
</article>
</section>`);
  });

  it('gives each section block its newest articles, the first with its dek, none with a kicker', () => {
    expect(front).toContain(`<section class="section-block" aria-labelledby="section-local">
<h2 id="section-local"><a href="/sections/local">Local</a></h2>
<ol class="teasers">
<li lang="en"><article>
<h3><a href="/articles/council-approves-budget">City Council Approves 2027 Budget After Late-Night Session</a></h3>
<p class="dek">The council passed a $412 million budget that adds six firefighters and delays the library renovation.</p>
<p class="dateline"><time datetime="2026-12-04T03:30:00Z">December 3, 2026 at 9:30 PM CST</time></p></article></li>
<li lang="en"><article>
<h3><a href="/articles/school-board-calendar">School Board Adopts Calendar With Later Start in August</a></h3>
<p class="dateline"><time datetime="2026-12-02T00:00:00Z">December 2, 2026</time></p></article></li>
</ol>
</section>`);
  });

  it('lists every article but the lead under "Latest", newest first, with its section', () => {
    const latest = front.slice(front.indexOf('<section class="latest"'));
    expect([...latest.matchAll(/<h3><a href="\/articles\/([^"]+)">/g)].map(([, slug]) => slug)).toEqual(['november-jobs-report', 'council-approves-budget', 'school-board-calendar', 'state-road-funding']);
    expect(latest).toContain(`<li lang="en"><article>
<p class="kicker"><a href="/sections/business">Business</a></p>
<h3><a href="/articles/november-jobs-report">County Adds 340 Jobs in November as Warehouses Hire</a></h3>
<p class="dateline"><time datetime="2026-12-04T15:15:00Z">December 4, 2026 at 9:15 AM CST</time></p></article></li>`);
  });
});

describe('the masthead', () => {
  it('shows the logo linking home, the tagline and the sections; a section page marks its own', () => {
    const page = documentPage('/sections/business');
    expect(page).toMatch(/<body>\n<a class="skip" href="#main">Skip to content<\/a>\n<header class="site">\n<p class="brand"><a href="\/"><img src="\/assets\/logo\.[\w-]{12}\.svg" width="240" height="40" alt="The Riverside Ledger"><\/a><\/p>\n<p class="tagline">News for Riverside and the county since 1921<\/p>\n/);
    expect(page).toContain(`<nav aria-label="Sections"><ul>
<li><a href="/sections/local">Local</a></li>
<li><a href="/sections/business" aria-current="page">Business</a></li>
<li><a href="/sections/sports">Sports</a></li>
</ul></nav>`);
  });
});

describe('the article page', () => {
  const page = mainOf(articlePage(built, 'council-approves-budget'));

  it('has kicker, headline, byline, dateline, the corrected note, the corrections, the body, the tags, then "More in" its section', () => {
    const order = ['<p class="kicker">', '<h1>', '<p class="byline">', '<p class="dateline">', '<p class="corrected">', '</header>', '<section class="corrections"', '<p>The Riverside City Council', '<ul class="tags"', '</article>', '<aside class="related"'];
    expect(positions(page, order)).not.toContain(-1);
  });

  it('notes the correction at the top, dated in the site zone, linking to the corrections in full', () => {
    expect(page).toContain(`<p class="dateline"><time datetime="2026-12-04T03:30:00Z">December 3, 2026 at 9:30 PM CST</time> · Updated <time datetime="2026-12-04T16:15:00Z">December 4, 2026 at 10:15 AM CST</time> · 1 min read</p>
<p class="corrected"><a href="#corrections">Corrected December 4, 2026</a></p>
</header>
<section class="corrections" id="corrections" aria-labelledby="corrections-title">
<h2 id="corrections-title">Correction</h2>
<ul>
<li><time datetime="2026-12-04T16:15:00Z">December 4, 2026 at 10:15 AM CST</time>: An earlier version of this article gave the wrong vote count. The budget passed 6–3, not 7–2.</li>
</ul>
</section>`);
  });

  it('links each author to their page', () => {
    expect(mainOf(articlePage(built, 'november-jobs-report'))).toContain(
      `<p class="byline">By <a href="${SITE}/authors/daniel-okafor">Daniel Okafor</a>, <a href="${SITE}/authors/maria-santos">Maria Santos</a></p>`,
    );
  });

  it('lists "More in <section>" beside the story as headlines without a kicker', () => {
    expect(page).toContain(`<aside class="related" aria-labelledby="related-title">
<h2 id="related-title">More in Local</h2>
<ol class="headlines">
<li lang="en"><article>
<h3><a href="/articles/school-board-calendar">School Board Adopts Calendar With Later Start in August</a></h3>
<p class="dateline"><time datetime="2026-12-02T00:00:00Z">December 2, 2026</time></p></article></li>
</ol>
</aside>
</div>`);
    expect(page.startsWith('<div class="story-page">\n<article class="story">\n')).toBe(true);
  });

  it('is one column when nothing is related', () => {
    expect(mainOf(articlePage(built, 'november-jobs-report')).startsWith('<div class="story-page solo">\n')).toBe(true);
  });

  it('puts a table in a box that scrolls sideways, focusable and named, with the alignment as classes', () => {
    expect(mainOf(articlePage(built, 'november-jobs-report'))).toContain(`<div class="table-scroll" role="region" aria-label="Table 1" tabindex="0">
<table>
<thead>
<tr>
<th class="align-left">Sector</th>
<th class="align-right">Jobs added</th>
</tr>
</thead>`);
    expect(mainOf(articlePage(built, 'november-jobs-report'))).toContain('</tbody>\n</table>\n</div>\n');
  });
});

describe('the draft marker', () => {
  it('heads a draft page of a build with drafts, as a status', async () => {
    const withDrafts = await build(true);
    expect(mainOf(articlePage(withDrafts, 'holiday-parade-route')).startsWith('<p class="draft" role="status">Draft — not published</p>\n<div class="story-page solo">\n')).toBe(true);
    expect(mainOf(articlePage(withDrafts, 'council-approves-budget'))).not.toContain('class="draft"');
  });
});

describe('list pages', () => {
  it("a section's page lists its articles without repeating the section as a kicker", () => {
    const page = mainOf(documentPage('/sections/local'));
    expect(page).toContain(`<h1>Local</h1>
<ol class="articles">
<li lang="en"><article>
<h2><a href="/articles/council-approves-budget">City Council Approves 2027 Budget After Late-Night Session</a></h2>`);
    expect(page).not.toContain('class="kicker"');
  });

  it("an author's page shows the profile, then their articles under a heading of their own, as h3", () => {
    expect(mainOf(documentPage('/authors/maria-santos'))).toContain(`<h1>Maria Santos</h1>
<div class="profile">
<p class="role">City hall reporter</p>
<div class="bio"><p>Maria Santos covers city hall and the county board. She joined the Ledger in 2019.</p>
</div>
<ul class="profiles" aria-label="Elsewhere"><li><a href="https://maria-santos.example" rel="me">Website</a></li><li><a href="https://social.example/@msantos" rel="me">social.example</a></li></ul>
</div>
<h2 class="list-heading">Articles</h2>
<ol class="articles">
<li lang="en"><article>
<p class="kicker"><a href="/sections/business">Business</a></p>
<h3><a href="/articles/november-jobs-report">County Adds 340 Jobs in November as Warehouses Hire</a></h3>`);
  });
});
