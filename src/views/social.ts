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
    ...imageProperties(article.image),
  ];
  const names: [string, string][] = [
    ['twitter:card', article.image === null ? 'summary' : 'summary_large_image'],
    ['twitter:title', article.title],
    ['twitter:description', article.description],
    ...(article.image === null ? [] : ([['twitter:image', article.image.crops['16x9'].url], ['twitter:image:alt', article.image.alt]] as [string, string][])),
  ];
  return html`${properties.map(([property, content]) => html`<meta property="${property}" content="${content}">
`)}${names.map(([name, content]) => html`<meta name="${name}" content="${content}">
`)}`;
}

/** The lead image's card: its 16×9 crop (1200 px wide JPEG), the shape both networks show large. */
function imageProperties(image: Article['image']): [string, string][] {
  if (image === null) return [];
  const card = image.crops['16x9'];
  return [
    ['og:image', card.url],
    ['og:image:type', 'image/jpeg'],
    ['og:image:width', String(card.width)],
    ['og:image:height', String(card.height)],
    ['og:image:alt', image.alt],
  ];
}
