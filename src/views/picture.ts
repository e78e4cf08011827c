import { html } from 'hono/html';
import type { ArticlePicture } from '../content/article';
import { ORIGIN } from '../store/bundle';

/**
 * How wide a picture is drawn in the article's column (site.css: 42rem beside "More in …" from
 * 64rem, 44rem from 46.5rem, the screen less main's padding below), so the browser picks the
 * narrowest width of the `srcset` that fills it at the screen's density.
 */
export const COLUMN_SIZES = '(min-width: 64rem) 42rem, (min-width: 46.5rem) 44rem, calc(100vw - 2.5rem)';

/** A URL the build wrote with its ORIGIN marker, as a path on this site. */
const local = (url: string) => url.split(ORIGIN).join('');

/**
 * The lead image's preload for the page's `<head>`: the browser fetches it with the stylesheet,
 * before it parses the body (Speed Index on a phone). The AVIF candidates and the column's sizes,
 * so it picks what the `<picture>` picks; a browser without AVIF skips it (`type`).
 */
export function preloadLink(picture: ArticlePicture) {
  return html`<link rel="preload" as="image" type="image/avif" imagesrcset="${local(picture.srcset['image/avif'])}" imagesizes="${COLUMN_SIZES}" fetchpriority="high">`;
}

/**
 * A picture in a `<figure>`: AVIF for the browsers that take it, JPEG for the rest, every width
 * in `srcset` with the column's `sizes`, and `width`/`height` so the page does not move when it
 * loads. The lead image is fetched first (`fetchpriority="high"`: it is the page's largest
 * paint); any other waits until it is near the screen. The caption and credit go under it. URLs
 * are paths on this site, as the stylesheet's are: the page shows its pictures from whichever
 * host serves it (the JSON's absolute URLs are for other sites and apps).
 */
export function figure(picture: ArticlePicture, lead: boolean) {
  const caption = picture.caption === null && picture.credit === null ? '' : html`<figcaption>${picture.caption ?? ''}${picture.caption !== null && picture.credit !== null ? ' ' : ''}${picture.credit === null ? '' : html`<span class="credit">${picture.credit}</span>`}</figcaption>`;
  const loading = lead ? html` fetchpriority="high"` : html` loading="lazy" decoding="async"`;
  return html`<figure${lead ? html` class="lead-image"` : ''}><picture><source type="image/avif" srcset="${local(picture.srcset['image/avif'])}" sizes="${COLUMN_SIZES}"><img src="${local(picture.url)}" srcset="${local(picture.srcset['image/jpeg'])}" sizes="${COLUMN_SIZES}" width="${picture.width}" height="${picture.height}" alt="${picture.alt}"${loading}></picture>${caption}</figure>`;
}
