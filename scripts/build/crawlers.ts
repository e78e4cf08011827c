import type { ArticleMeta } from './article';
import { paths } from '../../src/content/paths';
import { essence, MEDIA_TYPES } from '../../src/http/media-types';
import type { DocumentProducer, DocumentSource, SiteInput } from './documents';
import { absolute, xmlDocument } from './xml';

/**
 * /robots.txt (RFC 9309) and /llms.txt (llmstxt.org): small text files for crawlers, stored
 * together in one body file. robots.txt allows everything and names the sitemaps. llms.txt lists
 * the newest LLMS_ARTICLES articles, each linking to its Markdown; a model wants a page that fits
 * its context (200 lines are about 40 KB), so the whole archive is reached through the links in
 * its Optional section instead (the sitemap, the JSON list, the feeds).
 */

export const LLMS_ARTICLES = 200;

/** robots.txt: every path may be crawled; the sitemaps there are. */
export function robotsTxt(site: SiteInput): string {
  const sitemaps = [paths.sitemap, ...(site.articles.length === 0 ? [] : [paths.newsSitemap])];
  return ['User-agent: *', 'Allow: /', '', ...sitemaps.map((path) => `Sitemap: ${absolute(path)}`), ''].join('\n');
}

/** Text put in Markdown as text: the characters that would start a link, emphasis, code or HTML are escaped. */
export function markdownText(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/[\\[\]<>*_`]/g, (char) => `\\${char}`);
}

const articleLine = (article: ArticleMeta) => `- [${markdownText(article.title)}](${absolute(paths.articleMarkdown(article.slug))}): ${markdownText(article.description)}`;

/** llms.txt: the site's name, a summary, the newest articles, then where the rest are. */
export function llmsTxt({ articles, context }: SiteInput): string {
  const listed = articles.slice(0, LLMS_ARTICLES);
  const count = listed.length === articles.length ? `${articles.length}` : `the newest ${listed.length} of ${articles.length}`;
  return [
    `# ${markdownText(context.siteName)}`,
    '',
    `> News articles from ${markdownText(context.siteName)}, each as Markdown with its metadata as YAML front matter.`,
    '',
    `This list has ${count} ${articles.length === 1 ? 'article' : 'articles'}, newest first. Every article is also served as JSON and HTML.`,
    '',
    '## Articles',
    '',
    ...listed.map(articleLine),
    '',
    '## Optional',
    '',
    `- [Sitemap](${absolute(paths.sitemap)}): every article and tag page, with its last change`,
    `- [Articles as JSON](${absolute(paths.apiArticles)}): every article, newest first, a page at a time`,
    ...(articles.length === 0 ? [] : [`- [JSON Feed](${absolute(paths.feed('json'))}): the newest articles with their full text`]),
    '',
  ].join('\n');
}

const text = (path: string, contentType: string, body: string): DocumentSource => ({ path, contentType, kind: 'list', pages: [body] });

/** OpenSearch 1.1 allows a ShortName of 16 characters at most. */
const SHORT_NAME = 16;

/**
 * /opensearch.xml (OpenSearch 1.1): the site's search for browsers' address bars, with the
 * results page, the JSON API and the description itself as URL templates.
 */
export function openSearchXml({ context }: SiteInput): string {
  const name = [...context.siteName];
  const shortName = name.length <= SHORT_NAME ? context.siteName : `${name.slice(0, SHORT_NAME - 1).join('').trimEnd()}…`;
  const url = (type: string, path: string) => ({ '@type': type, '@method': 'get', '@template': `${absolute(path)}?q={searchTerms}&page={startPage?}` });
  return xmlDocument({
    OpenSearchDescription: {
      '@xmlns': 'http://a9.com/-/spec/opensearch/1.1/',
      ShortName: shortName,
      Description: `Search the articles of ${context.siteName}`,
      InputEncoding: 'UTF-8',
      Url: [url('text/html', paths.search), url(essence(MEDIA_TYPES.json), paths.apiSearch), { '@type': essence(MEDIA_TYPES.openSearch), '@rel': 'self', '@template': absolute(paths.openSearch) }],
    },
  });
}

/** robots.txt, llms.txt and opensearch.xml, in one body file. */
export const crawlerFiles: DocumentProducer = (site) => [[text(paths.robots, MEDIA_TYPES.text, robotsTxt(site)), text(paths.llms, MEDIA_TYPES.llms, llmsTxt(site)), text(paths.openSearch, MEDIA_TYPES.openSearch, openSearchXml(site))]];
