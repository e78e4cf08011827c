import { html } from 'hono/html';
import type { Article, ArticleSummary } from '../content/article';
import { paths } from '../content/paths';
import { MEDIA_TYPES } from '../http/media-types';
import { ORIGIN } from '../store/bundle';
import { articleList } from './article-list';
import { byline, dateline, kicker, tagList } from './article-parts';
import { articleDate, type ViewContext } from './format';
import { layout } from './layout';
import { articleSocialMeta } from './social';
import { newsArticleData } from './structured-data';
import { trustedArticleHtml, trustedJsonLd } from './trusted';

/** What the article page shows besides the article: chosen by the build. */
export interface ArticlePageExtras {
  /** A draft (dev builds only): the page says so at the top. */
  draft: boolean;
  /** "More in <section>": a few articles that share its tags, newest first. */
  related: readonly ArticleSummary[];
}

/** The reading page of one article, with its social cards and NewsArticle JSON-LD. */
export function articlePage(article: Article, context: ViewContext, extras: ArticlePageExtras) {
  const tags = tagList(article.tags);
  const main = html`${extras.draft ? html`<p class="draft" role="status">Draft — not published</p>
` : ''}<article>
<header>
${kicker(article.section)}<h1>${article.title}</h1>
${article.alternativeHeadline === null ? '' : html`<p class="dek">${article.alternativeHeadline}</p>
`}${byline(article)}${dateline(article, context)}
${corrections(article, context)}</header>
${trustedArticleHtml(article.html)}${tags === '' ? '' : html`<footer>${tags}</footer>
`}</article>
${related(article, extras.related, context)}`;
  const head = html`${articleSocialMeta(article, context.siteName)}${trustedJsonLd(newsArticleData(article, context.site))}
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
${articleList(summaries, context, 3)}
</aside>`;
}
