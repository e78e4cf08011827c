/**
 * Media types the Worker sends, as data: RFC 4287 §7 (Atom), RFC 7763 (Markdown), JSON Feed 1.1,
 * and the RSS type feed readers and autodiscovery (`<link rel="alternate">`) look for.
 */
export const MEDIA_TYPES = {
  html: 'text/html; charset=utf-8',
  json: 'application/json',
  markdown: 'text/markdown; charset=utf-8; variant=CommonMark',
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  jsonFeed: 'application/feed+json; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
  text: 'text/plain; charset=utf-8',
  /** llms.txt is Markdown (llmstxt.org). */
  llms: 'text/markdown; charset=utf-8',
  svg: 'image/svg+xml',
  css: 'text/css; charset=utf-8',
  javascript: 'text/javascript; charset=utf-8',
  /** oEmbed discovery's link type (oembed.com §4); the response itself is application/json (§2.3.1). */
  oembed: 'application/json+oembed',
  /** OpenSearch 1.1's description document (its own media type, opensearch.org). */
  openSearch: 'application/opensearchdescription+xml; charset=utf-8',
} as const;

/** A media type without its parameters (the WHATWG MIME "essence"): what `type=` in a link carries. */
export function essence(mediaType: string): string {
  return mediaType.split(';', 1)[0]!.trim();
}
