import { html } from 'hono/html';
import type { ArticleSummary } from '../content/article';
import { paths } from '../content/paths';
import type { SnippetPart } from '../search/snippet';
import type { PageView } from '../store/bundle';
import { dateline, kicker } from './article-parts';
import { dek, headline } from './article-list';
import type { ViewContext } from './format';
import { layout } from './layout';

/**
 * The search page, rendered per request in the Worker (the only page that is): its form, the
 * count, each result as a list shows an article with its snippet (the matched words in `<mark>`),
 * links to the pages before and after, and a helpful page when nothing matches. Dates are shown
 * as dates alone (the per-article times stay with the build).
 */
export interface SearchView {
  /** The query as searched (normalised); empty: the form alone. */
  q: string;
  /** The filters given, named for the reader ("tag harbour"). */
  filters: readonly string[];
  items: readonly { summary: ArticleSummary; snippet: readonly SnippetPart[] }[];
  total: number;
  page: number;
  pages: number;
  /** The canonical URL of this page (absolute), and of another page of the same search (relative). */
  canonical: string;
  pageHref: (page: number) => string;
  /** The same search without its filters, when it has some (relative). */
  unfiltered: string | null;
  /** The same results as JSON (absolute). */
  json: string;
}

const NO_TIMES: ViewContext['timed'] = { get: () => undefined };

export function searchPage(view: SearchView, page: PageView) {
  const context: ViewContext = { ...page, timed: NO_TIMES };
  const searched = view.q !== '';
  const title = searched ? `“${view.q}”: search · ${context.siteName}` : `Search · ${context.siteName}`;
  const description = searched ? `Articles of ${context.siteName} matching “${view.q}”.` : `Search the articles of ${context.siteName}.`;
  const meta = { title, description, lang: context.site.language, canonical: view.canonical, alternates: searched ? [['application/json', view.json] as const] : [] };
  const main = html`<h1>Search</h1>
<form class="search-form" role="search" action="${paths.search}" method="get" aria-label="Search articles"><label class="visually-hidden" for="search-q">Words to search for</label><input type="search" id="search-q" name="q" value="${view.q}" maxlength="200" enterkeyhint="search"><button type="submit">Search</button></form>
${searched ? results(view, context) : html`<p>Search every article by its words, its headline, its topics or its authors. Put a phrase in quotes to find it as written.</p>`}`;
  return layout(meta, context, main);
}

function results(view: SearchView, context: ViewContext) {
  const filters = view.filters.length === 0 ? '' : html` (${view.filters.join(', ')})`;
  if (view.total === 0) {
    return html`<p class="results-count" role="status">No articles match <strong>${view.q}</strong>${filters}.</p>
<ul class="search-help">
<li>Check the spelling, or try other words, or fewer of them.</li>
<li>A phrase in quotes must stand in the article as written: try it without the quotes.</li>
${view.unfiltered === null ? '' : html`<li><a href="${view.unfiltered}">Search every article for <strong>${view.q}</strong></a>.</li>
`}<li>Browse <a href="${paths.tags}">every topic</a> or <a href="${paths.home}">the latest articles</a>.</li>
</ul>`;
  }
  const count = `${view.total.toLocaleString('en')} ${view.total === 1 ? 'article matches' : 'articles match'}`;
  return html`<p class="results-count" role="status">${count} <strong>${view.q}</strong>${filters}${view.pages > 1 ? html` · page ${view.page} of ${view.pages}` : ''}.</p>
<ol class="articles results">
${view.items.map(({ summary, snippet }) => html`<li lang="${summary.lang}"><article>
${kicker(summary.section)}${headline(summary, 2)}
${dek(summary)}
${snippet.length === 0 ? '' : html`<p class="snippet">${snippet.map(({ text, mark }) => (mark ? html`<mark>${text}</mark>` : text))}</p>
`}${dateline(summary, context)}</article></li>
`)}</ol>${pageLinks(view)}`;
}

/** Links to the results before and after; nothing on a single page. */
function pageLinks({ page, pages, pageHref }: SearchView) {
  if (pages <= 1) return '';
  return html`
<nav class="pages" aria-label="More results">${page > 1 ? html`<a rel="prev" href="${pageHref(page - 1)}">Previous results</a>` : ''}${page > 1 && page < pages ? ' ' : ''}${
    page < pages ? html`<a rel="next" href="${pageHref(page + 1)}">More results</a>` : ''
  }</nav>`;
}
