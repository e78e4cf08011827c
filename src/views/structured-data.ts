import type { Article } from '../content/article';
import { paths } from '../content/paths';
import { ORIGIN } from '../store/bundle';

/**
 * schema.org objects for the pages' JSON-LD (embedded by `trustedJsonLd`). URLs start with the
 * ORIGIN marker, so the Worker makes them absolute on the configured origin. Members without a
 * value are left out rather than sent as null.
 */

type Credit = { name: string; url?: string | undefined };

function thing(type: 'Person' | 'Organization', { name, url }: Credit): Record<string, unknown> {
  return url === undefined ? { '@type': type, name } : { '@type': type, name, url };
}

/** The site's home page URL, absolute. */
export const siteUrl = `${ORIGIN}${paths.home}`;

/**
 * A NewsArticle. The publisher is this site; the source credit (a wire service, say) is the
 * `sourceOrganization`. `dateModified` is the publication date until the article is updated, as
 * schema.org's "most recently modified" reads. No `image`: articles have none.
 */
export function newsArticleData(article: Article, siteName: string): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    ...(article.alternativeHeadline === null ? {} : { alternativeHeadline: article.alternativeHeadline }),
    description: article.description,
    datePublished: article.datePublished,
    dateModified: article.dateModified ?? article.datePublished,
    ...(article.authors.length === 0 ? {} : { author: article.authors.map((author) => thing('Person', author)) }),
    publisher: thing('Organization', { name: siteName, url: siteUrl }),
    ...(article.source === null ? {} : { sourceOrganization: thing('Organization', article.source) }),
    inLanguage: article.lang,
    wordCount: article.wordCount,
    ...(article.tags.length === 0 ? {} : { keywords: article.tags }),
    mainEntityOfPage: { '@type': 'WebPage', '@id': article.url },
    url: article.url,
    isAccessibleForFree: true,
  };
}

/** The site as a WebSite, for the front page. */
export function webSiteData(siteName: string, description: string, lang: string): Record<string, unknown> {
  return { '@context': 'https://schema.org', '@type': 'WebSite', name: siteName, url: siteUrl, inLanguage: lang, description };
}
