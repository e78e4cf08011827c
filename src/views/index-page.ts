import { html } from 'hono/html';
import type { ArticleSummary } from '../content/article';
import { paths } from '../content/paths';
import { formatDate, type ViewContext } from './format';
import { layout } from './layout';

/** Where one home page sits among all of them (1-based). */
export interface HomePaging {
  page: number;
  pages: number;
}

/** A page of the home page: articles newest first, with links to newer and older pages. */
export function indexPage(summaries: readonly ArticleSummary[], paging: HomePaging, context: ViewContext & { canonical: string }) {
  const main = html`<h1>${paging.page === 1 ? 'Latest articles' : `Articles, page ${paging.page} of ${paging.pages}`}</h1>
${summaries.length === 0 ? html`<p>No articles yet.</p>` : html`<ol class="articles">
${summaries.map(
  (summary) => html`<li lang="${summary.lang}"><article>
<h2><a href="${paths.article(summary.slug)}">${summary.title}</a></h2>
<p><time datetime="${summary.datePublished}">${formatDate(summary.datePublished, summary.lang)}</time></p>
<p>${summary.description}</p>
</article></li>
`,
)}</ol>`}${pageLinks(paging)}`;
  return layout(
    {
      title: paging.page === 1 ? context.siteName : `Page ${paging.page} · ${context.siteName}`,
      description: `Latest articles from ${context.siteName}.`,
      lang: 'en',
      canonical: context.canonical,
      alternates: [['application/json', paths.apiArticles]],
      stylesheet: context.stylesheet,
      siteName: context.siteName,
      notice: context.notice,
    },
    main,
  );
}

function pageLinks({ page, pages }: HomePaging) {
  if (pages === 1) return '';
  return html`
<nav class="pages" aria-label="More articles">${page > 1 ? html`<a rel="prev" href="${paths.homePage(page - 1)}">Newer articles</a>` : ''}${
    page > 1 && page < pages ? ' ' : ''
  }${page < pages ? html`<a rel="next" href="${paths.homePage(page + 1)}">Older articles</a>` : ''}</nav>`;
}
