import { raw } from 'hono/html';

/**
 * The one place that marks HTML as trusted: each function here makes its HTML safe itself, and
 * nothing else in the views calls `raw()`.
 */

/**
 * Article HTML. Only the build's CommonMark renderer produces it, with raw HTML in Markdown
 * disabled, so it is safe to embed without escaping. Each table goes in a box that scrolls
 * sideways when the table is wider than the page (a phone), so the page itself never does:
 * keyboard users can focus the box to scroll it, and screen readers name it as a region
 * (the pattern of https://adrianroselli.com/2020/11/under-engineered-responsive-tables.html).
 * A `<table>` tag in this HTML can only be the renderer's: one written in the Markdown is text,
 * escaped as `&lt;table&gt;`.
 */
export function trustedArticleHtml(renderedMarkdown: string) {
  let tables = 0;
  const boxed = renderedMarkdown
    .replaceAll('<table>', () => `<div class="table-scroll" role="region" aria-label="Table ${(tables += 1)}" tabindex="0">\n<table>`)
    .replaceAll('</table>', '</table>\n</div>');
  return raw(boxed);
}

/** Characters that could end or confuse the element around the JSON, each as a `\u` escape. */
const UNSAFE_IN_SCRIPT = /[<>&\u2028\u2029]/g;

/**
 * A JSON-LD data block: `<script type="application/ld+json">` holding `value` as JSON.
 *
 * Safe against any content: the HTML tokenizer ends a script element at the first `</script`
 * and treats `<!--` specially whatever the JSON means by them (HTML §4.12.1.3, "Restrictions for
 * contents of script elements"), so every `<`, `>` and `&` is written as `\u003c`, `\u003e`,
 * `\u0026`. Outside strings JSON has none of them, and inside strings JSON.parse reads the escapes
 * back as the same characters. U+2028 and U+2029 are escaped too: JSON allows them raw, but
 * JavaScript string literals before ES2019 did not, and some consumers evaluate the block.
 *
 * CSP: the pages' policy has `default-src 'none'` and no script-src, and this is not blocked,
 * because it is never script. In HTML's "prepare the script element" (§4.12.1.1), a type that is
 * not a JavaScript MIME type, "module", "importmap" or "speculationrules" ends the algorithm:
 * "Otherwise, return. (No script is executed, and el's type is left as null.)". CSP3 §4.2.3,
 * "Should element's inline type behavior be blocked by Content Security Policy?", is called from a
 * later step of that same algorithm, so a data block never reaches the check and never runs.
 * (https://html.spec.whatwg.org/#prepare-the-script-element, https://www.w3.org/TR/CSP3/#should-block-inline)
 */
export function trustedJsonLd(value: Readonly<Record<string, unknown>>) {
  const json = JSON.stringify(value).replace(UNSAFE_IN_SCRIPT, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return raw(`<script type="application/ld+json">${json}</script>`);
}
