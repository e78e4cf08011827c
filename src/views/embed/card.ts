import { html } from 'hono/html';
import type { Article } from '../../content/article';
import { heightAt, keyOfUrl, parseKey, picturePath, widthsOf } from '../../content/pictures';
import { articleDate, type ViewContext } from '../format';

/** What the card needs besides its article: the site (its name, how it writes dates) and the card's own assets' URLs. */
export interface EmbedContext extends Pick<ViewContext, 'site' | 'timed'> {
  siteName: string;
  stylesheet: string;
  script: string;
}

/**
 * The embed card: a small page other sites frame (the oEmbed `html` is an iframe of it). Headline,
 * dek (alternative headline, else description), credits, date, and a link to the article. Every
 * link opens a new tab: navigating inside the frame would show the site in a box on someone
 * else's page. Its one script reports the card's height to the framing page; nothing else loads
 * but its stylesheet. `noindex`: the article page is what search engines should show.
 */
export function embedCard(article: Article, context: EmbedContext) {
  return html`<!doctype html>
<html lang="${article.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${article.title} · ${context.siteName}</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="${article.url}">
<link rel="stylesheet" href="${context.stylesheet}">
<script src="${context.script}" defer></script>
</head>
<body>
<main>
<article>
${article.image === null ? '' : html`${thumbnail(article.image)}
`}<h1>${article.title}</h1>
<p>${article.alternativeHeadline ?? article.description}</p>
<p class="credit">${credits(article)}<time datetime="${article.datePublished}">${articleDate(article.datePublished, article.slug, context)}</time></p>
<p class="read"><a href="${article.url}" target="_blank" rel="noopener">Read on ${context.siteName}</a></p>
</article>
</main>
</body>
</html>
`;
}

/** How wide the card shows the lead image (card.css: 8rem, beside the headline). */
const THUMB_SIZES = '8rem';

/** The lead image, small beside the headline: JPEG at its two narrowest widths (the card is small, framed on other sites' pages). */
function thumbnail(image: NonNullable<Article['image']>) {
  const key = keyOfUrl(image.url)!;
  const picture = parseKey(key)!;
  // Paths on this site, which serves the card (its CSP allows pictures from here only).
  const widths = widthsOf(picture.width).slice(0, 2);
  const srcset = widths.map((width) => `${picturePath(key, width, 'jpeg')} ${width}w`).join(', ');
  return html`<img class="thumb" src="${picturePath(key, widths[0]!, 'jpeg')}" srcset="${srcset}" sizes="${THUMB_SIZES}" width="${widths[0]}" height="${heightAt(picture, widths[0]!)}" alt="${image.alt}" loading="lazy" decoding="async">`;
}

/** "By A, B · Source: C · " as plain text (a link here would need its own new tab); nothing when neither is known. */
function credits(article: Article): string {
  const parts = [
    ...(article.authors.length === 0 ? [] : [`By ${article.authors.map(({ name }) => name).join(', ')}`]),
    ...(article.source === null ? [] : [`Source: ${article.source.name}`]),
  ];
  return parts.map((part) => `${part} · `).join('');
}
