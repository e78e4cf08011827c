import { paths } from '../../src/content/paths';
import { MEDIA_TYPES } from '../../src/http/media-types';
import type { BundledAsset } from '../../src/store/bundle';
import type { DocumentSource } from './documents';
import { contentHash } from './hash';
import type { Logo } from './logo';
import { minified } from './minify';

/** The sources of the site's static assets (they belong to the views, not to the content). */
export interface AssetSources {
  stylesheet: string;
  /** SVG. */
  favicon: string;
  /** The embed card's stylesheet and script, and the resizer the oEmbed snippet loads (src/views/embed/). */
  embed: { stylesheet: string; script: string; resizer: string };
}

/** The embed card's assets, and the resizer script that runs in the page embedding it. */
export interface EmbedAssets {
  stylesheet: BundledAsset;
  script: BundledAsset;
  resizer: BundledAsset;
}

/** A static file under a content-hashed, immutable name: `site.<hash>.css`. */
function bundledAsset(stem: string, extension: string, contentType: string, source: string): BundledAsset {
  const body = extension === 'css' || extension === 'js' ? minified(source, extension) : source;
  const hash = contentHash(body);
  return { name: `${stem}.${hash.slice(0, 12)}.${extension}`, contentType, body, hash };
}

/**
 * /favicon.ico, for clients that ask there without reading the page (browsers showing a feed or
 * JSON, crawlers): the SVG itself, cached as `icon` (revalidated, never immutable: the bytes at
 * this fixed URL change with a deploy). Served rather than redirected to the hashed URL, since a
 * kept redirect (301s are cached, often past their max-age) would point at a name the next
 * deploy no longer serves, and one response is one round trip fewer. Sent as image/svg+xml:
 * browsers decode an icon by its type and bytes, never by the `.ico` in its name, and image
 * sniffing does not recognise SVG, so the declared type is what lets them draw it.
 */
function faviconDocument(svg: string): DocumentSource {
  return { path: paths.favicon, contentType: MEDIA_TYPES.svg, kind: 'icon', pages: [svg] };
}

/**
 * The stylesheet and favicon under their hashed names, the favicon's document at /favicon.ico, and
 * the embed assets. The resizer is `embed.<hash>.js`: the name third-party pages load it by, so
 * immutable for as long as its bytes stay the same.
 */
export function siteAssets(sources: AssetSources, logo: Logo | null): { stylesheet: BundledAsset; favicon: BundledAsset; faviconDocument: DocumentSource; embed: EmbedAssets; logo: BundledAsset | null } {
  return {
    logo: logo === null ? null : logoAsset(logo),
    stylesheet: bundledAsset('site', 'css', MEDIA_TYPES.css, sources.stylesheet),
    favicon: bundledAsset('favicon', 'svg', MEDIA_TYPES.svg, sources.favicon),
    faviconDocument: faviconDocument(sources.favicon),
    embed: {
      stylesheet: bundledAsset('card', 'css', MEDIA_TYPES.css, sources.embed.stylesheet),
      script: bundledAsset('card', 'js', MEDIA_TYPES.javascript, sources.embed.script),
      resizer: bundledAsset('embed', 'js', MEDIA_TYPES.javascript, sources.embed.resizer),
    },
  };
}

/** The site's logo under a hashed name: an SVG as text, a raster image as base64 (the Worker decodes it once). */
function logoAsset(logo: Logo): BundledAsset {
  if (logo.extension === 'svg') return bundledAsset('logo', 'svg', logo.contentType, logo.bytes.toString('utf8'));
  const body = logo.bytes.toString('base64');
  return { ...bundledAsset('logo', logo.extension, logo.contentType, body), base64: true };
}
