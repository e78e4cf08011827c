import { html } from 'hono/html';
import type { ArticleSummary } from '../content/article';
import { paths } from '../content/paths';
import { articleList, dek, headlineList, pageLinks, teaserList, type Paging } from './article-list';
import { byline, dateline, kicker } from './article-parts';
import type { ViewContext } from './format';
import { layout } from './layout';
import { webSiteData } from './structured-data';
import { trustedJsonLd } from './trusted';

/** Where one home page sits among all of them (1-based). */
export type HomePaging = Paging;

/** What the front page leads with, chosen by the build: the lead story and each section's newest. */
export interface FrontPage {
  lead: ArticleSummary | null;
  sections: readonly { slug: string; title: string; articles: readonly ArticleSummary[] }[];
}

/**
 * A page of the home page. The front page (`/`): the lead story, a block per section, then the
 * latest articles (a rail beside them on wide screens); an archive page (`/?page=n`, counted from
 * the oldest) lists its articles in full. The front page describes the site (WebSite JSON-LD).
 */
export function indexPage(summaries: readonly ArticleSummary[], paging: HomePaging, context: ViewContext & { canonical: string }, front: FrontPage) {
  const first = paging.page === null;
  const main = first
    ? html`<h1 class="visually-hidden">${context.site.name}</h1>
${frontLayout(summaries, front, context)}${pageLinks(paging, paths.homePage)}`
    : html`<h1>Archive, page ${paging.page}</h1>
${articleList(summaries, context)}${pageLinks(paging, paths.homePage)}`;
  const description = context.site.tagline ?? `Latest articles from ${context.site.name}.`;
  const meta = {
    title: first ? context.site.name : `Page ${paging.page} · ${context.site.name}`,
    description,
    lang: context.site.language,
    canonical: context.canonical,
    alternates: [['application/json', paths.apiArticles]] as const,
    head: first ? html`${trustedJsonLd(webSiteData(context.site.name, description, context.site.language))}
` : '',
  };
  return layout(meta, context, main);
}

/** The front: lead, section blocks, latest. With nothing besides the lead, the lead alone ("solo": no rail to leave room for). */
function frontLayout(latest: readonly ArticleSummary[], front: FrontPage, context: ViewContext) {
  const rail = latest.length === 0 && front.lead !== null ? '' : latestRail(latest, context);
  const blocks = sectionBlocks(front, context);
  return html`<div class="${rail === '' ? 'front solo' : 'front'}">
${lead(front.lead, context)}${blocks.length === 0 ? '' : html`<div class="sections">
${blocks}</div>
`}${rail}</div>`;
}

/** The lead story, larger than the rest, with its byline. */
function lead(summary: ArticleSummary | null, context: ViewContext) {
  if (summary === null) return '';
  return html`<section class="lead" aria-label="Lead story" lang="${summary.lang}">
<article>
${kicker(summary.section)}<h2><a href="${paths.article(summary.slug)}">${summary.title}</a></h2>
${dek(summary)}
${byline(summary)}${dateline(summary, context)}
</article>
</section>
`;
}

/** Each section's newest articles, under the section's name linking to its page; a section with none is left out. */
function sectionBlocks(front: FrontPage, context: ViewContext) {
  return front.sections
    .filter(({ articles }) => articles.length > 0)
    .map(
      ({ slug, title, articles }) => html`<section class="section-block" aria-labelledby="section-${slug}">
<h2 id="section-${slug}"><a href="${paths.section(slug)}">${title}</a></h2>
${teaserList(articles, context)}
</section>
`,
    );
}

/** The latest articles but the lead, as headlines. */
function latestRail(summaries: readonly ArticleSummary[], context: ViewContext) {
  return html`<section class="latest" aria-labelledby="latest-title">
<h2 id="latest-title">Latest</h2>
${summaries.length === 0 ? html`<p>No articles yet.</p>` : headlineList(summaries, context)}
</section>
`;
}
