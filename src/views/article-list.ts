import { html } from 'hono/html';
import type { ArticleSummary } from '../content/article';
import { paths } from '../content/paths';
import { dateline, kicker, published } from './article-parts';
import type { ViewContext } from './format';

/**
 * Where one page of a list sits: its archive number (counted from the oldest; null for the
 * front, the list's own URL, which holds the newest), and the pages it links to ('front', an
 * archive number, or null for none). No page names how many there are: a full archive page never
 * changes.
 */
export interface Paging {
  page: number | null;
  newer: number | 'front' | null;
  older: number | null;
}

/** The URL of a list's page: its front with no number. */
export type PageHref = (page?: number) => string;

/** The headline as a link to the article, at heading `level`. */
export function headline(summary: ArticleSummary, level: 2 | 3) {
  const link = html`<a href="${paths.article(summary.slug)}">${summary.title}</a>`;
  return level === 2 ? html`<h2>${link}</h2>` : html`<h3>${link}</h3>`;
}

/** The dek: the alternative headline, else the description. */
export function dek(summary: Pick<ArticleSummary, 'alternativeHeadline' | 'description'>) {
  return html`<p class="dek">${summary.alternativeHeadline ?? summary.description}</p>`;
}

/** How a list shows its entries: the level of their headlines, and whether each names its section (not on a section's own page). */
export interface ListStyle {
  level?: 2 | 3;
  kickers?: boolean;
}

/** One entry of a list page (a section's, a tag's, an author's): kicker, headline, dek, dateline. */
function articleItem(summary: ArticleSummary, context: ViewContext, { level = 2, kickers = true }: ListStyle = {}) {
  return html`<article>
${kickers ? kicker(summary.section) : ''}${headline(summary, level)}
${dek(summary)}
${dateline(summary, context)}</article>`;
}

/** `items` as an ordered list of `className`, each item in the article's language. */
function list(className: string, summaries: readonly ArticleSummary[], item: (summary: ArticleSummary, at: number) => unknown) {
  return html`<ol class="${className}">
${summaries.map((summary, at) => html`<li lang="${summary.lang}">${item(summary, at)}</li>
`)}</ol>`;
}

/** Articles as a list page shows them, each in full. */
export function articleList(summaries: readonly ArticleSummary[], context: ViewContext, style: ListStyle = {}) {
  if (summaries.length === 0) return html`<p>No articles yet.</p>`;
  return list('articles', summaries, (summary) => articleItem(summary, context, style));
}

/** A section's newest on the front page: headlines with their date, the first with its dek (the section is the block's title). */
export function teaserList(summaries: readonly ArticleSummary[], context: ViewContext) {
  return list('teasers', summaries, (summary, at) => html`<article>
${headline(summary, 3)}
${at === 0 ? html`${dek(summary)}
` : ''}${published(summary, context)}</article>`);
}

/**
 * Headlines only, for a rail ("Latest", "More in <section>"): kicker (unless the rail is one
 * section's), headline, when it was published.
 */
export function headlineList(summaries: readonly ArticleSummary[], context: ViewContext, { kickers = true } = {}) {
  return list('headlines', summaries, (summary) => html`<article>
${kickers ? kicker(summary.section) : ''}${headline(summary, 3)}
${published(summary, context)}</article>`);
}

/** Links to the newer and older pages of a list; nothing when there are none. */
export function pageLinks({ newer, older }: Paging, href: PageHref) {
  if (newer === null && older === null) return '';
  const newerHref = newer === 'front' ? href() : newer === null ? null : href(newer);
  return html`
<nav class="pages" aria-label="More articles">${newerHref === null ? '' : html`<a rel="prev" href="${newerHref}">Newer articles</a>`}${
    newerHref !== null && older !== null ? ' ' : ''
  }${older === null ? '' : html`<a rel="next" href="${href(older)}">Older articles</a>`}</nav>`;
}