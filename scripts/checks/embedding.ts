/**
 * `npm run check:embedding`: the site as another origin uses it, in Chromium. The Worker is served
 * on one 127.0.0.1 port and a third party's pages on another (a tiny Node server), so every
 * request crosses origins as it does on the web:
 *   (a) fetch the article's JSON and read its ETag and Link (CORS exposes them);
 *   (b) revalidate with If-None-Match and get a 304 (sent by the page, after a preflight) — (a) and
 *       (b) are the browser example of browser-example.ts, run as written (`--print-example`) — and let
 *       the browser's own cache revalidate (a 200 from the cache, the same ETag);
 *   (c) embed the oEmbed `html` in a page whose CSP allows scripts from our origin only, and see
 *       the iframe take the declared width and the card's height exactly (its rendered box, no
 *       border), and keep it while another sandboxed frame (opaque origin, like the card's) keeps
 *       posting a false height; in a page that allows no script, the declared width and height
 *       exactly; in a page whose stylesheet borders and pads every iframe, the same as with none;
 *   (d) frame the full article page and see the browser refuse it (frame-ancestors 'none');
 *   (e) follow the card's link: the article page (Cross-Origin-Opener-Policy: same-origin) opens
 *       in a new tab from the sandboxed card.
 */
import type { Page } from 'playwright-core';
import { parseCommandLine, type Command } from '../cli';
import { browserExample, evaluatedExample, EXAMPLE_URL } from './browser-example';
import { launchChromium } from './chromium';
import { CONTENT_OPTION, CONTENT_USAGE, progress, runOnSite } from './site';
import { blogPost, CARD_FRAME, measureCard, oembedSnippet, serveThirdParty, thirdPartyPage, waitForCard, type OembedSnippet, type ThirdPartyPage } from './third-party';

const COMMAND: Command = {
  name: 'check:embedding',
  usage: `usage: npm run check:embedding [-- <options>]

Builds the newsroom fixture (or --content), serves its deployable bundle on 127.0.0.1 and a
third-party page on another port, and in Chromium (/usr/bin/chromium, or CHROME_PATH): runs the
browser example (--print-example) against the newest article's JSON cross-origin (ETag, Link, a
304 on If-None-Match), embeds its oEmbed html and waits for the iframe to take the card's height
at exactly the declared width (with the resizer, without it, under a stylesheet that borders
every iframe), frames the full article page, which must be refused, and follows the card's link.
Fails (exit 1) if any step does not.
  --print-example  print the browser example (for ${EXAMPLE_URL}) and exit
${CONTENT_USAGE}
  -h, --help       print this and exit`,
};

const { values } = parseCommandLine(COMMAND, { options: { ...CONTENT_OPTION, 'print-example': { type: 'boolean', default: false } } });
if (values['print-example']) {
  process.stdout.write(browserExample(EXAMPLE_URL));
  process.exit(0);
}
const say = progress(COMMAND.name);

const LIAR = '<iframe src="/liar" sandbox="allow-scripts" title="another frame"></iframe>';

// A consumer's stylesheet that gives every iframe a border and padding, in border-box sizing.
const FRAMED_STYLE = '*{box-sizing:border-box}iframe{border:3px solid;padding:5px}';

/** The third party: each path a small page, made from the oEmbed html and our origin. */
function thirdParty(origin: string, snippet: string, article: string): Record<string, ThirdPartyPage> {
  return {
    '/blank': { csp: `default-src 'none'; connect-src ${origin}`, body: thirdPartyPage('Third party', '<h1>Third party</h1>') },
    '/blog': blogPost(origin, snippet, { after: LIAR, frameSources: ["'self'"] }),
    '/blog-no-script': blogPost(origin, snippet, { scripts: false }),
    '/blog-framed': blogPost(origin, snippet, { style: FRAMED_STYLE }),
    // Not the card: the resizer must not take its word, though its origin is as opaque as the card's.
    '/liar': { csp: "default-src 'none'; script-src 'unsafe-inline'", body: thirdPartyPage('Liar', `<script>setInterval(() => parent.postMessage({ type: 'edgewire:embed-height', height: 999 }, '*'), 50)</script>`) },
    '/frame': { csp: `default-src 'none'; frame-src ${origin}`, body: thirdPartyPage('Frames the article', `<iframe src="${article}" title="article"></iframe>`) },
  };
}

/** One step's outcome: what was seen, and whether it is what must be seen. */
interface Step {
  name: string;
  seen: string;
  passed: boolean;
}

/** (a) and (b): the browser example, verbatim; then the browser's own revalidation. */
async function fetchSteps(tab: Page, api: string): Promise<Step[]> {
  const first = await tab.evaluate<{ status: number; etag: string | null; link: string | null; revalidated: number }>(evaluatedExample(api));
  const cached = await tab.evaluate(async (url) => {
    const response = await fetch(url, { cache: 'no-cache' });
    return { status: response.status, etag: response.headers.get('ETag') };
  }, api);
  return [
    { name: '(a) fetch: ETag and Link readable', seen: `${first.status}, ETag ${first.etag}, Link ${first.link?.slice(0, 60)}…`, passed: first.status === 200 && /^"[\w.-]+"$/.test(first.etag ?? '') && (first.link ?? '').includes('rel="canonical"') },
    { name: '(b) If-None-Match: 304', seen: String(first.revalidated), passed: first.revalidated === 304 },
    { name: '(b) browser revalidation: 200 from cache', seen: `${cached.status}, ETag ${cached.etag}`, passed: cached.status === 200 && cached.etag === first.etag },
  ];
}

const size = (width: number, height: number) => `${width}×${height}`;

/**
 * (c): the oEmbed html in a foreign page; the iframe's rendered box must be the declared width
 * and the card's own height, the card's viewport the same (no border or padding inside the box).
 */
async function embedStep(tab: Page, url: string, name: string, declared: OembedSnippet): Promise<Step> {
  await tab.goto(url, { waitUntil: 'load' });
  const waited = await waitForCard(tab);
  if (waited === undefined) return { name, seen: 'no card frame', passed: false };
  const { card, resized } = waited;
  await tab.waitForTimeout(500);
  const box = (await measureCard(tab))!;
  const scripts = await tab.evaluate<number>('document.scripts.length');
  const exact = box.width === declared.width && box.height === card && box.viewport.width === declared.width && box.viewport.height === card;
  return { name, seen: `card ${card}px, iframe ${size(box.width, box.height)} (declared ${size(declared.width, declared.height)}), card viewport ${size(box.viewport.width, box.viewport.height)}, ${scripts} script`, passed: resized && exact && scripts === 1 };
}

/** (c) without the resizer: the iframe keeps exactly the declared width and height. */
async function declaredSizeStep(tab: Page, url: string, declared: OembedSnippet): Promise<Step> {
  const name = '(c) oEmbed card without script: declared size';
  await tab.goto(url, { waitUntil: 'load' });
  const box = await measureCard(tab);
  if (box === undefined) return { name, seen: 'no card frame', passed: false };
  const exact = box.width === declared.width && box.height === declared.height && box.viewport.width === declared.width && box.viewport.height === declared.height;
  return { name, seen: `iframe ${size(box.width, box.height)} (declared ${size(declared.width, declared.height)}), card viewport ${size(box.viewport.width, box.viewport.height)}`, passed: exact };
}

/** (d): the full article page in a foreign iframe must be refused. */
async function frameStep(tab: Page, url: string, article: string): Promise<Step> {
  const refusals: string[] = [];
  tab.on('console', (message) => {
    if (message.text().includes("frame-ancestors 'none'")) refusals.push(message.text());
  });
  await tab.goto(url, { waitUntil: 'load' });
  await tab.waitForTimeout(500);
  const loaded = tab.frames().some((frame) => frame.url() === article);
  return { name: '(d) article page refuses framing', seen: `${refusals.length} refusal(s), frame ${loaded ? 'loaded' : 'blocked'}`, passed: refusals.length > 0 && !loaded };
}

/** (e): the card's link opens the article page in a new tab, past the card's sandbox and the page's COOP. */
async function linkStep(tab: Page, url: string, article: string): Promise<Step> {
  const name = "(e) the card's link opens the article";
  await tab.goto(url, { waitUntil: 'load' });
  const card = tab.frames().find((frame) => frame.url().endsWith('/embed'));
  if (card === undefined) return { name, seen: 'no card frame', passed: false };
  const context = tab.context();
  const answered = context.waitForEvent('response', { predicate: (answer) => answer.url() === article, timeout: 5000 }).catch(() => null);
  const [popup] = await Promise.all([context.waitForEvent('page', { timeout: 5000 }), card.click('a')]);
  const response = await answered;
  await popup.waitForLoadState('load').catch(() => {});
  const title = await popup.title();
  await popup.close();
  const status = response?.status() ?? null;
  return { name, seen: `${status}, ${response?.headers()['cross-origin-opener-policy'] ?? 'no COOP'}, "${title.slice(0, 40)}…"`, passed: status === 200 && popup.url() === article && title.length > 0 };
}

await runOnSite(COMMAND.name, values.content, async ({ origin, pages }) => {
  const article = origin + pages.find((page) => page.name === 'article')!.path;
  const slug = article.slice(article.lastIndexOf('/') + 1);
  const snippet = await oembedSnippet(origin, article);
  const third = await serveThirdParty(thirdParty(origin, snippet.html, article));
  say(`third party on ${third.origin}`);
  const browser = await launchChromium();
  try {
    const tab = await (await browser.newContext()).newPage();
    await tab.goto(`${third.origin}/blank`);
    const steps = [
      ...(await fetchSteps(tab, `${origin}/api/articles/${slug}`)),
      await embedStep(tab, `${third.origin}/blog`, '(c) oEmbed card resizes, declared width', snippet),
      await declaredSizeStep(tab, `${third.origin}/blog-no-script`, snippet),
      await embedStep(tab, `${third.origin}/blog-framed`, '(c) oEmbed card under a stylesheet bordering iframes', snippet),
      await frameStep(tab, `${third.origin}/frame`, article),
      await linkStep(tab, `${third.origin}/blog`, article),
    ];
    for (const step of steps) console.log(`${step.passed ? 'pass' : 'FAIL'}  ${step.name}: ${step.seen}`);
    return steps.every((step) => step.passed);
  } finally {
    await browser.close();
    third.close();
  }
});
