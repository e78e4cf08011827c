import type { ArticleMeta } from './article';
import { paths } from '../../src/content/paths';
import { MEDIA_TYPES } from '../../src/http/media-types';
import type { DocumentProducer } from './documents';
import { absolute, xmlDocument } from './xml';

/**
 * /news-sitemap.xml, Google's News sitemap: the articles published in the WINDOW before the newest
 * article's datePublished, newest first, at most NEWS_LIMIT. The window ends at the newest article,
 * not at the build's clock, so the same content always builds the same file; a deploy with a new
 * article moves it on. (A site that stops publishing keeps listing its last two days: Google
 * ignores articles older than two days in any case.)
 */

/** "Only include articles that were published in the last two days." */
export const WINDOW_MS = 48 * 60 * 60 * 1000;
/** "Limit the number of news:news tags to 1,000 per sitemap." */
export const NEWS_LIMIT = 1000;

/** The language as the News sitemap takes it: ISO 639 (2 or 3 letters), but zh-cn and zh-tw for Chinese. */
export function newsLanguage(lang: string): string {
  const [language = '', ...subtags] = new Intl.Locale(lang).maximize().toString().toLowerCase().split('-');
  if (language !== 'zh') return language;
  return subtags.includes('hant') ? 'zh-tw' : 'zh-cn';
}

/** The articles the News sitemap lists: within WINDOW_MS before the newest's datePublished. */
export function newsArticles(articles: readonly ArticleMeta[]): readonly ArticleMeta[] {
  const newest = articles.reduce((time, { datePublished }) => Math.max(time, Date.parse(datePublished)), -Infinity);
  return articles.filter(({ datePublished }) => newest - Date.parse(datePublished) <= WINDOW_MS).slice(0, NEWS_LIMIT);
}

/** The News sitemap; none without articles (a urlset must list at least one URL). */
export const newsSitemap: DocumentProducer = ({ articles, context }) => {
  const listed = newsArticles(articles);
  if (listed.length === 0) return [];
  const url = listed.map((article) => ({
    loc: absolute(paths.article(article.slug)),
    'news:news': {
      'news:publication': { 'news:name': context.siteName, 'news:language': newsLanguage(article.lang) },
      'news:publication_date': article.datePublished,
      'news:title': article.title,
    },
  }));
  const text = xmlDocument({ urlset: { '@xmlns': 'http://www.sitemaps.org/schemas/sitemap/0.9', '@xmlns:news': 'http://www.google.com/schemas/sitemap-news/0.9', url } });
  return [[{ path: paths.newsSitemap, contentType: MEDIA_TYPES.xml, kind: 'list', pages: [text] }]];
};
