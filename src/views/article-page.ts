import { html } from 'hono/html';
import type { Article } from '../content/article';
import { paths } from '../content/paths';
import { MEDIA_TYPES } from '../http/media-types';
import { credit, dateline, tagList } from './article-parts';
import type { ViewContext } from './format';
import { layout } from './layout';
import { articleSocialMeta } from './social';
import { newsArticleData } from './structured-data';
import { trustedArticleHtml, trustedJsonLd } from './trusted';
import { ORIGIN } from '../store/bundle';

/** The reading page of one article, with its social cards and NewsArticle JSON-LD. */
export function articlePage(article: Article, context: ViewContext) {
  const tags = tagList(article.tags);
  const main = html`<article>
<header>
<h1>${article.title}</h1>
${article.alternativeHeadline === null ? '' : html`<p class="dek">${article.alternativeHeadline}</p>
`}${byline(article)}${dateline(article)}
</header>
${trustedArticleHtml(article.html)}${tags === '' ? '' : html`<footer>${tags}</footer>
`}</article>`;
  const head = html`${articleSocialMeta(article, context.siteName)}${trustedJsonLd(newsArticleData(article, context.siteName))}
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

/** "By A, B · Source: C": who wrote it and where it came from; nothing when neither is known. */
function byline(article: Article) {
  const authors = article.authors.map((author, index) => html`${index === 0 ? '' : ', '}${credit(author)}`);
  const parts = [
    ...(authors.length === 0 ? [] : [html`By ${authors}`]),
    ...(article.source === null ? [] : [html`Source: ${credit(article.source)}`]),
  ];
  if (parts.length === 0) return '';
  return html`<p class="byline">${parts.map((part, index) => html`${index === 0 ? '' : ' · '}${part}`)}</p>
`;
}
