import { html } from 'hono/html';
import type { ArticleSummary } from '../content/article';
import { paths } from '../content/paths';
import { dateline, tagList } from './article-parts';

/** Where one page of a paged list sits among all of them (1-based). */
export interface Paging {
  page: number;
  pages: number;
}

/** Articles as a news front lists them: headline, dek (alternative headline, else description), dateline, tags. */
export function articleList(summaries: readonly ArticleSummary[]) {
  if (summaries.length === 0) return html`<p>No articles yet.</p>`;
  return html`<ol class="articles">
${summaries.map(
  (summary) => html`<li lang="${summary.lang}"><article>
<h2><a href="${paths.article(summary.slug)}">${summary.title}</a></h2>
<p class="dek">${summary.alternativeHeadline ?? summary.description}</p>
${dateline(summary)}
${tagList(summary.tags)}</article></li>
`,
)}</ol>`;
}

/** Links to the newer and older pages of a list; nothing when there is one page. */
export function pageLinks({ page, pages }: Paging, href: (page: number) => string) {
  if (pages === 1) return '';
  return html`
<nav class="pages" aria-label="More articles">${page > 1 ? html`<a rel="prev" href="${href(page - 1)}">Newer articles</a>` : ''}${
    page > 1 && page < pages ? ' ' : ''
  }${page < pages ? html`<a rel="next" href="${href(page + 1)}">Older articles</a>` : ''}</nav>`;
}
