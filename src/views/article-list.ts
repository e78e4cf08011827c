import { html } from 'hono/html';
import type { ArticleSummary } from '../content/article';
import { paths } from '../content/paths';
import { dateline, kicker, tagList } from './article-parts';
import type { ViewContext } from './format';

/** Where one page of a paged list sits among all of them (1-based). */
export interface Paging {
  page: number;
  pages: number;
}

/** One entry of a list: kicker, headline, dek (alternative headline, else description), dateline, tags. */
export function articleItem(summary: ArticleSummary, context: ViewContext, level: 2 | 3 = 2) {
  const headline = html`<a href="${paths.article(summary.slug)}">${summary.title}</a>`;
  return html`<article>
${kicker(summary.section)}${level === 2 ? html`<h2>${headline}</h2>` : html`<h3>${headline}</h3>`}
<p class="dek">${summary.alternativeHeadline ?? summary.description}</p>
${dateline(summary, context)}
${tagList(summary.tags)}</article>`;
}

/** Articles as a news front lists them. */
export function articleList(summaries: readonly ArticleSummary[], context: ViewContext, level: 2 | 3 = 2) {
  if (summaries.length === 0) return html`<p>No articles yet.</p>`;
  return html`<ol class="articles">
${summaries.map((summary) => html`<li lang="${summary.lang}">${articleItem(summary, context, level)}</li>
`)}</ol>`;
}

/** Links to the newer and older pages of a list; nothing when there is one page. */
export function pageLinks({ page, pages }: Paging, href: (page: number) => string) {
  if (pages === 1) return '';
  return html`
<nav class="pages" aria-label="More articles">${page > 1 ? html`<a rel="prev" href="${href(page - 1)}">Newer articles</a>` : ''}${
    page > 1 && page < pages ? ' ' : ''
  }${page < pages ? html`<a rel="next" href="${href(page + 1)}">Older articles</a>` : ''}</nav>`;
}
