import { raw } from 'hono/html';

/**
 * The one place that marks HTML as trusted. Only the build's CommonMark renderer produces this
 * HTML, with raw HTML in Markdown disabled, so it is safe to embed without escaping.
 */
export function trustedArticleHtml(renderedMarkdown: string) {
  return raw(renderedMarkdown);
}
