import { html } from 'hono/html';
import type { ArticleSummary } from '../content/article';
import { paths } from '../content/paths';
import { formatDate, type ViewContext } from './format';
import { layout } from './layout';

/** The home page: every article, newest first. */
export function indexPage(summaries: readonly ArticleSummary[], context: ViewContext & { canonical: string }) {
  const main = html`<h1>Latest articles</h1>
${summaries.length === 0 ? html`<p>No articles yet.</p>` : html`<ol class="articles">
${summaries.map(
  (summary) => html`<li lang="${summary.lang}"><article>
<h2><a href="${paths.article(summary.slug)}">${summary.title}</a></h2>
<p><time datetime="${summary.datePublished}">${formatDate(summary.datePublished, summary.lang)}</time></p>
<p>${summary.description}</p>
</article></li>
`,
)}</ol>`}`;
  return layout(
    {
      title: context.siteName,
      description: `Latest articles from ${context.siteName}.`,
      lang: 'en',
      canonical: context.canonical,
      alternates: [['application/json', paths.apiArticles]],
      stylesheet: context.stylesheet,
      siteName: context.siteName,
    },
    main,
  );
}
