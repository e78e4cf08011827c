import { createHash } from 'node:crypto';
import { SUMMARY_FIELDS, type Article, type ArticleSummary } from '../../src/content/article';
import { paths } from '../../src/content/paths';
import type { BundledArticle, BundledAsset, ContentBundle, Representation } from '../../src/store/bundle';
import { articlePage } from '../../src/views/article-page';
import type { ViewContext } from '../../src/views/format';
import { indexPage } from '../../src/views/index-page';
import { notFoundPage } from '../../src/views/not-found-page';
import { markdownDocument } from './markdown-representation';

/** An article with the Markdown body it was rendered from. */
export interface SourcedArticle {
  article: Article;
  body: string;
}

/**
 * Stands where the public origin goes in a pre-rendered body. A private-use character that
 * neither JSON nor HTML escaping touches; the build rejects content that contains it.
 */
export const ORIGIN = '\uE000origin\uE000';

/** A short, URL-safe SHA-256 of exact bytes, used for ETags and asset names. */
export function contentHash(...bodies: readonly string[]): string {
  const hash = createHash('sha256');
  for (const body of bodies) hash.update(body).update('\0');
  return hash.digest('base64url').slice(0, 22);
}

function representation(body: string): Representation {
  return { parts: body.split(ORIGIN), hash: contentHash(body) };
}

/** The article's list entry: the first fields of the article, in the same order. */
export function toSummary(article: Article): ArticleSummary {
  return Object.fromEntries(SUMMARY_FIELDS.map((field) => [field, article[field]])) as ArticleSummary;
}

function bundleArticle({ article, body }: SourcedArticle, context: ViewContext): BundledArticle {
  return {
    slug: article.slug,
    tags: article.tags,
    datePublished: article.datePublished,
    lastModified: new Date(article.dateModified ?? article.datePublished).toUTCString(),
    summary: JSON.stringify(toSummary(article)).split(ORIGIN),
    json: representation(JSON.stringify({ data: article })),
    html: representation(articlePage(article, context).toString()),
    markdown: representation(markdownDocument(article, body)),
  };
}

/** Pre-renders every representation of every article, the pages and the assets. */
export function represent(articles: readonly SourcedArticle[], stylesheetSource: string, siteName: string): ContentBundle {
  const stylesheet: BundledAsset = {
    name: `site.${contentHash(stylesheetSource).slice(0, 12)}.css`,
    contentType: 'text/css; charset=utf-8',
    body: stylesheetSource,
    hash: contentHash(stylesheetSource),
  };
  const context: ViewContext = { stylesheet: paths.asset(stylesheet.name), siteName };
  const bundled = articles.map((article) => bundleArticle(article, context));
  const pages = {
    home: representation(indexPage(articles.map(({ article }) => toSummary(article)), { ...context, canonical: `${ORIGIN}${paths.home}` }).toString()),
    notFound: representation(notFoundPage(context).toString()),
  };
  const build = contentHash(...bundled.flatMap((a) => [a.json.hash, a.html.hash, a.markdown.hash]), pages.home.hash, pages.notFound.hash, stylesheet.hash);
  return { build, articles: bundled, pages, assets: [stylesheet] };
}
