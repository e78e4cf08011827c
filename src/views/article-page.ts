import { html } from 'hono/html';
import type { Article, ArticleSummary } from '../content/article';
import { paths } from '../content/paths';
import { MEDIA_TYPES } from '../http/media-types';
import { ORIGIN } from '../store/bundle';
import { dek, headlineList } from './article-list';
import { byline, dateline, kicker, tagList } from './article-parts';
import { articleDate, articleDay, formatInstant, type ViewContext } from './format';
import { layout } from './layout';
import { figure, preloadLink } from './picture';
import { articleSocialMeta } from './social';
import { newsArticleData } from './structured-data';
import { trustedArticleHtml, trustedJsonLd } from './trusted';

/** What the article page shows besides the article: chosen by the build. */
export interface ArticlePageExtras {
  /** A draft (dev builds only): the page says so at the top. */
  draft: boolean;
  /** When it goes live, while it is scheduled (dev builds only: a production build serves it from then, and not before). */
  scheduled?: string;
  /** "More in <section>": a few articles that share its tags, newest first. */
  related: readonly ArticleSummary[];
}

/**
 * The reading page of one article, with its social cards and NewsArticle JSON-LD: kicker,
 * headline, dek, byline, dateline (and a note when it was corrected), the corrections in full,
 * the body, the tags; beside it (below, on narrow screens) "More in <section>".
 */
export function articlePage(article: Article, context: ViewContext, extras: ArticlePageExtras) {
  const tags = tagList(article.tags);
  const more = related(article, extras.related, context);
  const main = html`${extras.draft ? html`<p class="draft" role="status">Draft — not published</p>
` : ''}${extras.scheduled === undefined ? '' : html`<p class="draft" role="status">Scheduled for ${formatInstant(extras.scheduled, true, context.site)}</p>
`}<div class="${more === '' ? 'story-page solo' : 'story-page'}">
<article class="story">
<header>
${kicker(article.section)}<h1>${article.title}</h1>
${article.alternativeHeadline === null ? '' : html`${dek(article)}
`}${byline(article)}${dateline(article, context)}
${correctedNote(article, context)}</header>
${article.image === null ? '' : html`${figure(article.image, true)}
`}${corrections(article, context)}${trustedArticleHtml(article.html)}${tags === '' ? '' : html`<footer>${tags}</footer>
`}</article>
${more}</div>`;
  // Search engines may show its pictures large (Google Discover asks for it).
  const head = html`${article.image === null ? '' : html`${preloadLink(article.image)}
`}<meta name="robots" content="max-image-preview:large">
${articleSocialMeta(article, context.siteName)}${trustedJsonLd(newsArticleData(article, context.site))}
`;
  const meta = {
    title: article.title,
    description: article.description,
    lang: article.lang,
    canonical: article.url,
    alternates: [
      ['application/json', paths.apiArticle(article.slug)],
      ['text/markdown', paths.articleMarkdown(article.slug)],
      // oEmbed discovery (oembed.com §4): absolute, as consumers fetch it from anywhere.
      [MEDIA_TYPES.oembed, `${ORIGIN}${paths.oembedFor(article.url)}`, article.title],
    ] as const,
    head,
  };
  return layout(meta, context, main);
}

/** "Corrected <day>" under the dateline, linking to the corrections: a reader sees at once that it changed. */
function correctedNote(article: Article, context: ViewContext) {
  const latest = article.corrections[0];
  if (latest === undefined) return '';
  return html`<p class="corrected"><a href="#corrections">Corrected ${articleDay(latest.date, article.slug, context)}</a></p>
`;
}

/**
 * Corrections, newest first, above the body: a reader sees what changed before reading on. Each
 * is dated in the site's zone; the section has an id, so the corrections page can link to it.
 */
function corrections(article: Article, context: ViewContext) {
  if (article.corrections.length === 0) return '';
  return html`<section class="corrections" id="corrections" aria-labelledby="corrections-title">
<h2 id="corrections-title">${article.corrections.length === 1 ? 'Correction' : 'Corrections'}</h2>
<ul>
${article.corrections.map(({ date, text }) => html`<li><time datetime="${date}">${articleDate(date, article.slug, context)}</time>: ${text}</li>
`)}</ul>
</section>
`;
}

/** "More in <section>" (or "More on <first tag>"): the build's choice of related articles. */
function related(article: Article, summaries: readonly ArticleSummary[], context: ViewContext) {
  if (summaries.length === 0) return '';
  const title = article.section === null ? `More on ${article.tags[0] ?? context.site.name}` : `More in ${article.section.title}`;
  return html`<aside class="related" aria-labelledby="related-title">
<h2 id="related-title">${title}</h2>
${headlineList(summaries, context, { kickers: article.section === null })}
</aside>
`;
}
