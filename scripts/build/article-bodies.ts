import type { Article } from '../../src/content/article';
import { articlePage, type ArticlePageExtras } from '../../src/views/article-page';
import { embedCard, type EmbedContext } from '../../src/views/embed/card';
import type { ViewContext } from '../../src/views/format';
import { assertNoReservedCharacter } from './characters';
import type { Picture } from './article-images';
import { markdownDocument } from './markdown-representation';

/** The article's bodies: JSON, the page, Markdown, the embed card (the order of `representation` places in the store). */
export function articleBodies({ article, body, pictures = [] }: { article: Article; body: string; pictures?: readonly Picture[] }, context: ViewContext, embed: EmbedContext, extras: ArticlePageExtras): string[] {
  // Every U+E000 in the output must be one the build put there: the article's url, the url of each
  // author with a page here (derive.ts makes it) and its lead image's URLs; an inline byline's url
  // is the author's own text, and so is the lead image's text.
  const { url: _url, authors, image, images, ...content } = article;
  const written = authors.map(({ id, url, ...credit }) => (id === undefined ? { ...credit, url } : credit));
  const imageText = image === null ? null : { alt: image.alt, caption: image.caption, credit: image.credit };
  const imagesText = images.map(({ alt, caption }) => ({ alt, caption }));
  assertNoReservedCharacter({ ...content, authors: written, imageText, imagesText, body }, article.slug);
  return [JSON.stringify({ data: article }), articlePage(article, context, extras).toString(), markdownDocument(article, body, pictures), embedCard(article, embed).toString()];
}
