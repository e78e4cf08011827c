import { html } from 'hono/html';
import type { Article } from '../content/article';

/**
 * OpenGraph (ogp.me, with its `article` vertical) and Twitter card meta for an article page.
 * `property=` is RDFa, which HTML validators accept on `<meta>`.
 */

/** OpenGraph's locale, language_TERRITORY: `en` → en_US, `fr-CA` → fr_CA (CLDR's likely region). */
export function ogLocale(lang: string): string {
  const { language, region } = new Intl.Locale(lang).maximize();
  return region === undefined ? language : `${language}_${region}`;
}

/** The social-card meta elements of an article page, one per line. */
export function articleSocialMeta(article: Article, siteName: string) {
  const properties: [string, string][] = [
    ['og:type', 'article'],
    ['og:title', article.title],
    ['og:description', article.description],
    ['og:url', article.url],
    ['og:site_name', siteName],
    ['og:locale', ogLocale(article.lang)],
    ['article:published_time', article.datePublished],
    ['article:modified_time', article.dateModified ?? article.datePublished],
    ...article.tags.map((tag): [string, string] => ['article:tag', tag]),
  ];
  const names: [string, string][] = [
    ['twitter:card', 'summary'],
    ['twitter:title', article.title],
    ['twitter:description', article.description],
  ];
  return html`${properties.map(([property, content]) => html`<meta property="${property}" content="${content}">
`)}${names.map(([name, content]) => html`<meta name="${name}" content="${content}">
`)}`;
}
