import { createHash } from 'node:crypto';
import { SUMMARY_FIELDS, type Article, type ArticleSummary } from '../../src/content/article';
import { paths } from '../../src/content/paths';
import { ORIGIN, type BodyFile, type BundledArticle, type BundledAsset, type ContentBundle, type Representation } from '../../src/store/bundle';
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

/** The build's output: the index for the Worker bundle and the body files for the static assets. */
export interface BuildOutput {
  bundle: ContentBundle;
  files: BodyFile[];
}

/** Articles per home page. */
export const HOME_PAGE_SIZE = 30;

/** A short, URL-safe SHA-256 of exact bytes, used for ETags and file names. */
export function contentHash(...bodies: readonly string[]): string {
  const hash = createHash('sha256');
  for (const body of bodies) hash.update(body).update('\0');
  return hash.digest('base64url').slice(0, 22);
}

/** Collects bodies into content-addressed files, one file per group of representations. */
class BodyFiles {
  readonly files: BodyFile[] = [];

  /** Stores `bodies` together in one file; returns where each one is. */
  add(...bodies: string[]): Representation[] {
    const text = bodies.join('');
    const file = `/b/${contentHash(text)}.txt`;
    this.files.push({ path: file, text });
    let start = 0;
    return bodies.map((body) => {
      const representation = { file, start, end: start + body.length, hash: contentHash(body), sited: body.includes(ORIGIN) };
      start = representation.end;
      return representation;
    });
  }
}

/** The article's list entry: the first fields of the article, in the same order. */
export function toSummary(article: Article): ArticleSummary {
  return Object.fromEntries(SUMMARY_FIELDS.map((field) => [field, article[field]])) as ArticleSummary;
}

function bundleArticle({ article, body }: SourcedArticle, context: ViewContext, files: BodyFiles): BundledArticle {
  const [json, html, markdown] = files.add(JSON.stringify({ data: article }), articlePage(article, context).toString(), markdownDocument(article, body));
  return {
    slug: article.slug,
    tags: article.tags,
    datePublished: article.datePublished,
    lastModified: new Date(article.dateModified ?? article.datePublished).toUTCString(),
    summary: JSON.stringify(toSummary(article)).split(ORIGIN),
    json: json!,
    html: html!,
    markdown: markdown!,
  };
}

/** The home page, HOME_PAGE_SIZE articles a page; one page (saying so) when there are none. */
function homePages(summaries: readonly ArticleSummary[], context: ViewContext, files: BodyFiles): Representation[] {
  const pages = Math.max(1, Math.ceil(summaries.length / HOME_PAGE_SIZE));
  return Array.from({ length: pages }, (_, index) => {
    const page = index + 1;
    const items = summaries.slice(index * HOME_PAGE_SIZE, page * HOME_PAGE_SIZE);
    return files.add(indexPage(items, { page, pages }, { ...context, canonical: `${ORIGIN}${paths.homePage(page)}` }).toString())[0]!;
  });
}

/** Pre-renders every representation of every article, the pages and the assets. */
export function represent(articles: readonly SourcedArticle[], stylesheetSource: string, siteName: string): BuildOutput {
  const stylesheet: BundledAsset = {
    name: `site.${contentHash(stylesheetSource).slice(0, 12)}.css`,
    contentType: 'text/css; charset=utf-8',
    body: stylesheetSource,
    hash: contentHash(stylesheetSource),
  };
  const context: ViewContext = { stylesheet: paths.asset(stylesheet.name), siteName };
  const files = new BodyFiles();
  const bundled = articles.map((article) => bundleArticle(article, context, files));
  const pages = {
    home: homePages(articles.map(({ article }) => toSummary(article)), context, files),
    notFound: files.add(notFoundPage(context).toString())[0]!,
  };
  const build = contentHash(...files.files.map((file) => file.path), stylesheet.hash);
  return { bundle: { build, articles: bundled, pages, assets: [stylesheet] }, files: files.files };
}
