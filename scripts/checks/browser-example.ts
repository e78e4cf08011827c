/**
 * The browser example of the JSON API, as text: what check:embedding's steps (a) and (b) run,
 * verbatim, in a page of another origin, so the example a reader copies is the one that is checked.
 * Statements with top-level await, as a browser's console or a module script takes them.
 */

/** The URL `--print-example` fills in: the seed article, which the README's curl examples ask for on port 8787. */
export const EXAMPLE_URL = 'http://localhost:8787/api/articles/niger-embraces-russian-military-trainers';

/**
 * Fetch an article's JSON, read its validator and links (CORS exposes them), then revalidate:
 * with If-None-Match the browser skips its own cache and the 304 reaches the script.
 */
export function browserExample(url: string): string {
  return `const url = '${url}';
const response = await fetch(url);
const etag = response.headers.get('ETag');
console.log(response.status, etag, response.headers.get('Link'));
const revalidated = await fetch(url, { headers: { 'If-None-Match': etag } });
console.log(revalidated.status); // 304 while the article is unchanged
`;
}

/**
 * The example as an expression the check evaluates: the text unchanged inside an async function,
 * which then hands back what the example printed, to judge.
 */
export function evaluatedExample(url: string): string {
  return `(async () => {\n${browserExample(url)}return { status: response.status, etag, link: response.headers.get('Link'), revalidated: revalidated.status };\n})()`;
}
