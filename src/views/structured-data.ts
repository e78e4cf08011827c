import type { Article } from '../content/article';
import { paths } from '../content/paths';
import { ORIGIN } from '../store/bundle';
import type { SiteView } from './format';

/**
 * schema.org objects for the pages' JSON-LD (embedded by `trustedJsonLd`). URLs start with the
 * ORIGIN marker, so the Worker makes them absolute on the configured origin. Members without a
 * value are left out rather than sent as null.
 */

type Credit = { name: string; url?: string | undefined; id?: string | undefined };

function thing(type: 'Person' | 'Organization', { name, url }: Credit): Record<string, unknown> {
  return url === undefined ? { '@type': type, name } : { '@type': type, name, url };
}

/** The site's home page URL, absolute. */
export const siteUrl = `${ORIGIN}${paths.home}`;

/** The site as the publisher: its name, home page, logo and profiles. */
export function publisherData(site: Pick<SiteView, 'name' | 'logo' | 'sameAs'>): Record<string, unknown> {
  return {
    ...thing('Organization', { name: site.name, url: siteUrl }),
    ...(site.logo === null ? {} : { logo: { '@type': 'ImageObject', url: `${ORIGIN}${site.logo.src}`, width: site.logo.width, height: site.logo.height } }),
    ...(site.sameAs.length === 0 ? {} : { sameAs: site.sameAs }),
  };
}

/**
 * Who wrote it: each author a Person (an author with a page here links it). Wire copy without a
 * byline is the source's: Google asks every article for an `author`, and the agency is it.
 */
function authorData(article: Article): Record<string, unknown>[] | undefined {
  if (article.authors.length > 0) return article.authors.map((author) => thing('Person', author));
  return article.source === null ? undefined : [thing('Organization', article.source)];
}

/**
 * A NewsArticle. The publisher is this site; the source credit (a wire service, say) is the
 * `sourceOrganization`. `dateModified` is the publication date until the article is updated or
 * corrected, as schema.org's "most recently modified" reads; each correction is a
 * `CorrectionComment`. The lead image is given as its 16×9, 4×3 and 1×1 crops (1200 px wide), the
 * shapes Google's Article guidance asks for, with its caption and credit.
 */
export function newsArticleData(article: Article, site: Pick<SiteView, 'name' | 'logo' | 'sameAs'>): Record<string, unknown> {
  const author = authorData(article);
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    ...(article.alternativeHeadline === null ? {} : { alternativeHeadline: article.alternativeHeadline }),
    description: article.description,
    ...(article.image === null ? {} : { image: imageData(article.image) }),
    datePublished: article.datePublished,
    dateModified: article.dateModified ?? article.datePublished,
    ...(author === undefined ? {} : { author }),
    publisher: publisherData(site),
    ...(article.source === null ? {} : { sourceOrganization: thing('Organization', article.source) }),
    inLanguage: article.lang,
    wordCount: article.wordCount,
    ...(article.tags.length === 0 ? {} : { keywords: article.tags }),
    ...(article.section === null ? {} : { articleSection: article.section.title }),
    ...(article.corrections.length === 0 ? {} : { correction: article.corrections.map(({ date, text }) => ({ '@type': 'CorrectionComment', datePublished: date, text })) }),
    mainEntityOfPage: { '@type': 'WebPage', '@id': article.url },
    url: article.url,
    isAccessibleForFree: true,
  };
}

/** The lead image's crops as ImageObjects, widest shape first. */
function imageData(image: NonNullable<Article['image']>): Record<string, unknown>[] {
  return Object.values(image.crops).map(({ url, width, height }) => ({
    '@type': 'ImageObject',
    url,
    width,
    height,
    ...(image.caption === null ? {} : { caption: image.caption }),
    ...(image.credit === null ? {} : { creditText: image.credit }),
  }));
}

/** The site as a WebSite, for the front page. */
export function webSiteData(siteName: string, description: string, lang: string): Record<string, unknown> {
  return { '@context': 'https://schema.org', '@type': 'WebSite', name: siteName, url: siteUrl, inLanguage: lang, description };
}

/** An author's page as a ProfilePage about a Person (their name, role, page and profiles). */
export function personData(author: { name: string; role: string | null; url: string; website: string | null; sameAs: readonly string[] }): Record<string, unknown> {
  const sameAs = [...(author.website === null ? [] : [author.website]), ...author.sameAs];
  const person = { '@type': 'Person', name: author.name, url: author.url, ...(author.role === null ? {} : { jobTitle: author.role }), ...(sameAs.length === 0 ? {} : { sameAs }) };
  return { '@context': 'https://schema.org', '@type': 'ProfilePage', mainEntity: person };
}
