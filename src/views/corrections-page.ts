import { html } from 'hono/html';
import type { Article } from '../content/article';
import { paths } from '../content/paths';
import { articleDate, type ViewContext } from './format';
import { layout } from './layout';

/** One correction as the corrections page lists it: the article it corrects, when, and what it says. */
export interface ListedCorrection {
  article: Pick<Article, 'slug' | 'title'>;
  date: string;
  text: string;
}

/** Every correction on the site, newest first, each linking to the corrected article's corrections. */
export function correctionsPage(corrections: readonly ListedCorrection[], context: ViewContext & { canonical: string }) {
  const main = html`<h1>Corrections</h1>
${corrections.length === 0 ? html`<p>No corrections yet.</p>` : html`<ol class="corrections-index">
${corrections.map(({ article, date, text }) => html`<li><p><a href="${paths.article(article.slug)}#corrections">${article.title}</a></p>
<p><time datetime="${date}">${articleDate(date, article.slug, context)}</time>: ${text}</p></li>
`)}</ol>`}`;
  const meta = {
    title: `Corrections · ${context.site.name}`,
    description: `Every correction ${context.site.name} has made to its articles, newest first.`,
    lang: context.site.language,
    canonical: context.canonical,
    alternates: [],
  };
  return layout(meta, context, main);
}
