import type { ArticleMeta } from './article';
import { paths } from '../../src/content/paths';
import { MEDIA_TYPES } from '../../src/http/media-types';
import { ORIGIN } from '../../src/store/bundle';
import type { DocumentProducer, DocumentSource, SiteInput } from './documents';
import { absolute, escapeText, textFieldsElement } from './xml';

/**
 * /sitemap.xml (sitemaps.org protocol 0.9): the home page, /tags, each tag's first page and every
 * article, each with its `lastmod`. Past the protocol's limits for one file (50,000 URLs or 50 MB,
 * uncompressed) it is a sitemap index of parts at /sitemaps/<n>.xml.
 */

export interface SitemapLimits {
  /** URLs in one sitemap. */
  urls: number;
  /** Bytes of one sitemap as served (with the longest origin counted for each URL). */
  bytes: number;
}

/** The protocol's: "no more than 50,000 URLs and must be no larger than 50MB (52,428,800 bytes)". */
export const SITEMAP_LIMITS: SitemapLimits = { urls: 50_000, bytes: 52_428_800 };

/**
 * Bytes an origin can take where the marker stands: `https://` + a 253-character host name +
 * `:65535`. Sizes are counted with it, so a part is within the limit whatever SITE_URL is.
 */
const LONGEST_ORIGIN_BYTES = 8 + 253 + 6;
const MARKER_BYTES = Buffer.byteLength(ORIGIN);

const NAMESPACE = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

interface Location {
  path: string;
  /** RFC 3339 (the protocol's W3C Datetime); none when there is no article to date it by. */
  lastmod: string | undefined;
  /** An article's lead image (Google's image sitemap extension: `image:image`). */
  image?: string;
}

const IMAGE_NAMESPACE = 'http://www.google.com/schemas/sitemap-image/1.1';

const later = (a: string, b: string) => (a > b ? a : b);
const updated = (article: ArticleMeta) => article.dateModified ?? article.datePublished;
/** The newest date among `articles` (not the first's: an older article may be modified later). */
const newest = (articles: readonly ArticleMeta[]) => (articles.length === 0 ? undefined : articles.map(updated).reduce(later));

/** Every page the sitemap lists, in a stable order. */
function locations({ articles, tags, newsroom }: SiteInput): Location[] {
  const site = newest(articles);
  const corrected = articles.filter((article) => article.corrections.length > 0);
  const by = (id: string) => articles.filter((article) => article.authors.some((author) => author.id === id));
  return [
    { path: paths.home, lastmod: site },
    ...newsroom.site.settings.sections.map(({ slug }) => ({ path: paths.section(slug), lastmod: newest(articles.filter((article) => article.section?.slug === slug)) })),
    { path: paths.tags, lastmod: site },
    ...[...tags].map(([tag, tagged]) => ({ path: paths.tag(tag), lastmod: newest(tagged) })),
    ...(newsroom.authors.length === 0 ? [] : [{ path: paths.authors, lastmod: site }]),
    ...newsroom.authors.map(({ name: id }) => ({ path: paths.author(id), lastmod: newest(by(id)) })),
    ...newsroom.pages.map(({ name }) => ({ path: paths.page(name), lastmod: undefined })),
    { path: paths.corrections, lastmod: newest(corrected) },
    ...articles.map((article) => ({ path: paths.article(article.slug), lastmod: updated(article), ...(article.image === null ? {} : { image: article.image.url }) })),
  ];
}

/** One `<url>` or `<sitemap>` element, escaped, with its served size. */
function element(name: 'url' | 'sitemap', { path, lastmod, image }: Location): { xml: string; bytes: number } {
  const fields = textFieldsElement(name, { loc: absolute(path), lastmod });
  const xml = image === undefined ? fields : fields.replace(/<\/url>\n$/, `  <image:image>\n    <image:loc>${escapeText(image)}</image:loc>\n  </image:image>\n</url>\n`);
  let markers = 0;
  for (let at = xml.indexOf(ORIGIN); at !== -1; at = xml.indexOf(ORIGIN, at + ORIGIN.length)) markers++;
  return { xml, bytes: Buffer.byteLength(xml) + markers * (LONGEST_ORIGIN_BYTES - MARKER_BYTES) };
}

/** A document of `root` around elements already escaped (the wrapper is fixed text). */
const wrap = (root: 'urlset' | 'sitemapindex', elements: readonly string[]) =>
  `${DECLARATION}<${root} xmlns="${NAMESPACE}"${root === 'urlset' ? ` xmlns:image="${IMAGE_NAMESPACE}"` : ''}>\n${elements.join('')}</${root}>\n`;
const WRAPPER_BYTES = Math.max(Buffer.byteLength(wrap('sitemapindex', [])), Buffer.byteLength(wrap('urlset', [])));

/** Splits the elements into runs within the limits, in order. */
function split(elements: readonly { xml: string; bytes: number; lastmod: string | undefined }[], limits: SitemapLimits) {
  const parts: { xml: string[]; lastmod: string | undefined }[] = [];
  let bytes = 0;
  for (const { xml, bytes: size, lastmod } of elements) {
    let part = parts.at(-1);
    // A URL too large for any part still gets one of its own.
    if (part === undefined || (part.xml.length > 0 && (part.xml.length >= limits.urls || bytes + size > limits.bytes - WRAPPER_BYTES))) {
      parts.push((part = { xml: [], lastmod: undefined }));
      bytes = 0;
    }
    part.xml.push(xml);
    bytes += size;
    if (lastmod !== undefined) part.lastmod = part.lastmod === undefined ? lastmod : later(part.lastmod, lastmod);
  }
  return parts;
}

const sitemapDocument = (path: string, text: string): DocumentSource => ({ path, contentType: MEDIA_TYPES.xml, kind: 'list', pages: [text] });

/** The sitemap producer, with the protocol's limits unless others are given (tests use tiny ones). */
export function sitemaps(limits: SitemapLimits = SITEMAP_LIMITS): DocumentProducer {
  return function sitemapDocuments(site) {
    const elements = locations(site).map((location) => ({ ...element('url', location), lastmod: location.lastmod }));
    const parts = split(elements, limits);
    if (parts.length === 1) return [[sitemapDocument(paths.sitemap, wrap('urlset', parts[0]!.xml))]];
    const index = parts.map(({ lastmod }, at) => element('sitemap', { path: paths.sitemapPart(at + 1), lastmod }).xml);
    return [[sitemapDocument(paths.sitemap, wrap('sitemapindex', index))], ...parts.map(({ xml }, at) => [sitemapDocument(paths.sitemapPart(at + 1), wrap('urlset', xml))])];
  };
}
