import { stringify } from 'yaml';
import type { Article } from '../../src/content/article';

/**
 * The article as a Markdown document (RFC 7763): the published metadata as YAML front matter,
 * then the author's CommonMark body as written. Nulls are left out; drafts never get here.
 */
export function markdownDocument(article: Article, body: string): string {
  const { html: _html, text: _text, slug: _slug, ...metadata } = article;
  const frontMatter = Object.fromEntries(Object.entries(metadata).filter(([, value]) => value !== null));
  return `---\n${stringify(frontMatter, { lineWidth: 0 })}---\n\n${body.replace(/^\n+/, '')}`;
}
