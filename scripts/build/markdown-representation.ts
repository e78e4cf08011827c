import { stringify } from 'yaml';
import type { Article } from '../../src/content/article';
import { fallbackWidth, parseKey, picturePath } from '../../src/content/pictures';
import { ORIGIN } from '../../src/store/bundle';
import type { Picture } from './article-images';

/**
 * The article as a Markdown document (RFC 7763): the published metadata as YAML front matter
 * (the lead image among it), then the author's CommonMark body as written, its pictures' paths
 * (relative to the author's file) made their URLs here: a JPEG 1200 px wide, or as wide as the
 * picture when narrower. Nulls are left out; drafts never get here.
 */
export function markdownDocument(article: Article, body: string, pictures: readonly Picture[] = []): string {
  // The body's pictures are in the body (their URLs made ours below), not repeated above it.
  const { html: _html, text: _text, slug: _slug, images: _images, ...metadata } = article;
  const frontMatter = Object.fromEntries(Object.entries(metadata).filter(([, value]) => value !== null));
  return `---\n${stringify(frontMatter, { lineWidth: 0 })}---\n\n${servedPictures(body, pictures).replace(/^\n+/, '')}`;
}

/** The body with each picture's destination (`](path` or `](<path>`, as written) made its URL. */
function servedPictures(body: string, pictures: readonly Picture[]): string {
  let served = body;
  for (const { lead, written, key } of pictures) {
    if (lead || key === undefined) continue;
    const url = `${ORIGIN}${picturePath(key, fallbackWidth(parseKey(key)!.width), 'jpeg')}`;
    served = served.replaceAll(`](${written}`, `](${url}`).replaceAll(`](<${written}>`, `](<${url}>`);
  }
  return served;
}
