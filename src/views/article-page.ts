import { html } from 'hono/html';
import type { Article } from '../content/article';
import { paths } from '../content/paths';
import { formatDate, type ViewContext } from './format';
import { layout } from './layout';
import { trustedArticleHtml } from './trusted';

/** The reading page of one article. */
export function articlePage(article: Article, context: ViewContext) {
  const main = html`<article>
<header>
<h1>${article.title}</h1>
${article.alternativeHeadline === null ? '' : html`<p class="dek">${article.alternativeHeadline}</p>
`}<p class="byline">${byline(article)}<time datetime="${article.datePublished}">${formatDate(article.datePublished, article.lang)}</time>${
    article.source === null ? '' : html` · Source: ${credit(article.source)}`
  }</p>
</header>
${trustedArticleHtml(article.html)}</article>`;
  return layout(
    {
      title: article.title,
      description: article.description,
      lang: article.lang,
      canonical: article.url,
      alternates: [
        ['application/json', paths.apiArticle(article.slug)],
        ['text/markdown', paths.articleMarkdown(article.slug)],
      ],
      stylesheet: context.stylesheet,
      siteName: context.siteName,
      notice: context.notice,
    },
    main,
  );
}

function byline(article: Article) {
  if (article.authors.length === 0) return '';
  return html`By ${article.authors.map((author, index) => html`${index === 0 ? '' : ', '}${credit(author)}`)} · `;
}

function credit(named: { name: string; url?: string | undefined }) {
  return named.url === undefined ? named.name : html`<a href="${named.url}">${named.name}</a>`;
}
