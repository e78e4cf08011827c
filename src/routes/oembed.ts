import type { Context } from 'hono';
import { escapeToBuffer } from 'hono/utils/html';
import type { AppEnv } from '../app-env';
import type { ArticleSummary } from '../content/article';
import { paths } from '../content/paths';
import { fittingPicture, keyOfUrl } from '../content/pictures';
import { sha256Base64url } from '../http/digest';
import { MEDIA_TYPES } from '../http/media-types';
import { CACHE_POLICY, cacheTags } from '../http/policy';
import { problem } from '../http/problem';
import { sendEntity } from '../http/respond';
import { ORIGIN } from '../store/bundle';
import { buildId, embedding, type StoredArticle } from '../store';
import { sent } from './handler';
import { parseOembedQuery, type OembedQuery } from './oembed-query';

/**
 * The iframe's size when the consumer sets no limit: a column's width, and about the height of a
 * card with a two-line headline at that width (the seed's card measures 179 px in Chromium,
 * `npm run check:embedding`). The resizer sets each card's real height.
 */
export const CARD_SIZE = { width: 600, height: 180 } as const;

/** The sandbox the card runs in: its script, and links that open a new tab outside the sandbox. */
const SANDBOX = 'allow-scripts allow-popups allow-popups-to-escape-sandbox';

/**
 * `author_name` (and `author_url`): the authors, comma-separated as the byline reads, else the
 * source credit (a wire service); none when neither is known. A URL only for a single credit: an
 * author page of ours is stored with the ORIGIN marker where the origin goes.
 */
function author({ authors, source }: ArticleSummary, origin: string): { author_name?: string; author_url?: string } {
  const credits = authors.length > 0 ? authors : source === null ? [] : [source];
  if (credits.length === 0) return {};
  const only = credits.length === 1 ? credits[0]! : undefined;
  const url = only !== undefined && 'url' in only && typeof only.url === 'string' ? only.url : undefined;
  const name = credits.map((credit) => credit.name).join(', ');
  return url === undefined ? { author_name: name } : { author_name: name, author_url: url.replace(ORIGIN, origin) };
}

/** `value` escaped for a double-quoted HTML attribute (Hono's escaper, which the app bundles already). */
function attribute(value: string): string {
  const buffer: [string] = [''];
  escapeToBuffer(value, buffer);
  return buffer[0];
}

/**
 * The oEmbed `rich` response (oembed.com §2.3.4.4): the card in a sandboxed iframe, and the resizer
 * script. Width and height obey maxwidth and maxheight; the resizer keeps a card within maxheight too.
 *
 * The iframe renders at exactly `width` × `height`: `frameborder="0"` removes the 2px inset border
 * browsers give every iframe (HTML, "Attributes for embedded content and images": a presentational
 * hint, so it needs neither script nor a consumer CSP that allows `style` attributes). HTML calls
 * it obsolete (the Nu checker warns, no error), but no conforming attribute does this without CSS.
 * The resizer also clears border and padding through the CSSOM, against a consumer stylesheet
 * that styles every iframe.
 */
export function oembedResponse(article: StoredArticle, { maxWidth, maxHeight }: OembedQuery, origin: string): Record<string, unknown> {
  const { title } = article.fields;
  const width = Math.min(CARD_SIZE.width, maxWidth ?? Infinity);
  const height = Math.min(CARD_SIZE.height, maxHeight ?? Infinity);
  // The origin is a validated URL origin, the slug and asset name are [a-z0-9.-_], the sizes numbers:
  // only the title needs escaping.
  const limit = maxHeight === null ? '' : ` data-max-height="${maxHeight}"`;
  const iframe = `<iframe src="${origin}${paths.articleEmbed(article.slug)}" width="${width}" height="${height}" frameborder="0"${limit} title="${attribute(title)}" sandbox="${SANDBOX}"></iframe>`;
  const script = `<script src="${origin}${paths.asset(embedding.resizer)}" async></script>`;
  return {
    version: '1.0',
    type: 'rich',
    title,
    ...author(article.fields, origin),
    provider_name: embedding.siteName,
    provider_url: `${origin}${paths.home}`,
    cache_age: CACHE_POLICY.article.sMaxAge,
    width,
    height,
    html: iframe + script,
    ...thumbnail(article.fields.image, maxWidth, maxHeight, origin),
  };
}

/**
 * The lead image as the thumbnail (§2.3.4: url, width and height together): its widest JPEG within
 * maxwidth and maxheight, at most 1200 px wide; none when the article has no lead image or even
 * its narrowest is too large.
 */
function thumbnail(image: ArticleSummary['image'], maxWidth: number | null, maxHeight: number | null, origin: string): { thumbnail_url?: string; thumbnail_width?: number; thumbnail_height?: number } {
  const key = image === null ? null : keyOfUrl(image.url);
  const fitting = key === null ? null : fittingPicture(key, maxWidth ?? Infinity, maxHeight ?? Infinity);
  return fitting === null ? {} : { thumbnail_url: `${origin}${fitting.path}`, thumbnail_width: fitting.width, thumbnail_height: fitting.height };
}

/** `GET /api/oembed?url=<article URL>[&format=json][&maxwidth=][&maxheight=]`, cached like the article. */
export async function oembedRoute(c: Context<AppEnv>): Promise<Response> {
  const url = new URL(c.req.url);
  const instance = url.pathname + url.search;
  const origin = c.get('served').origin.url;
  const parsed = parseOembedQuery(url.searchParams, origin);
  if (!parsed.ok) {
    const { refusal } = parsed;
    return refusal.status === 400 ? problem(400, 'The oEmbed query is not valid.', instance, { errors: refusal.errors }) : problem(refusal.status, refusal.detail, instance);
  }
  // A former slug embeds the article it became; a withdrawn article is gone for embedders too.
  const target = await c.get('content').resolveSlug(parsed.query.slug, c.env.ASSETS);
  if (target?.kind === 'gone') return problem(410, `This article was withdrawn on ${target.gone.date}: ${target.gone.reason}`, instance);
  const article = target === undefined ? undefined : target.kind === 'article' ? target.article : await c.get('content').findArticle(target.slug, c.env.ASSETS);
  if (article === undefined) return problem(404, `The url is not an article of ${origin}.`, instance);
  const body = JSON.stringify(oembedResponse(article, parsed.query, origin));
  const entity = { body, contentType: MEDIA_TYPES.json, etag: `"${await sha256Base64url(body, 22)}"` };
  return sent(c, sendEntity(c.req.raw, entity, { kind: 'article', tags: cacheTags.article(article.slug, buildId) }));
}
