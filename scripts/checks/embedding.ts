/**
 * `npm run check:embedding`: the site as another origin uses it, in Chromium. The Worker is served
 * on one 127.0.0.1 port and a third party's pages on another (a tiny Node server), so every
 * request crosses origins as it does on the web:
 *   (a) fetch the article's JSON and read its ETag and Link (CORS exposes them);
 *   (b) revalidate with If-None-Match and get a 304 (sent by the page, after a preflight), and let
 *       the browser's own cache revalidate (a 200 from the cache, the same ETag);
 *   (c) embed the oEmbed `html` in a page whose CSP allows scripts from our origin only, and see
 *       the iframe take the card's height, and keep it while another sandboxed frame (opaque
 *       origin, like the card's) keeps posting a false height;
 *   (d) frame the full article page and see the browser refuse it (frame-ancestors 'none').
 */
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { Page } from 'playwright-core';
import { parseCommandLine, type Command } from '../cli';
import { launchChromium } from './chromium';
import { progress, runOnSite } from './site';

const COMMAND: Command = {
  name: 'check:embedding',
  usage: `usage: npm run check:embedding [-- <options>]

Serves the Worker's deployable bundle on 127.0.0.1 and a third-party page on another port, and in
Chromium (/usr/bin/chromium, or CHROME_PATH): fetches the newest article's JSON cross-origin (ETag,
Link, a 304 on If-None-Match), embeds its oEmbed html and waits for the iframe to take the card's
height, and frames the full article page, which must be refused. Fails (exit 1) if any step does not.
  -h, --help  print this and exit`,
};

parseCommandLine(COMMAND, { options: {} });
const say = progress(COMMAND.name);

const LIAR = '<iframe src="/liar" sandbox="allow-scripts" title="another frame"></iframe>';
const CARD_FRAME = `document.querySelector('iframe[src$="/embed"]')`;

/** The third party: each path a small page, made from the oEmbed html and our origin. */
function thirdParty(origin: string, snippet: string, article: string): Record<string, { csp: string; body: string }> {
  const page = (title: string, main: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><main>${main}</main></body></html>`;
  return {
    '/blank': { csp: `default-src 'none'; connect-src ${origin}`, body: page('Third party', '<h1>Third party</h1>') },
    '/blog': { csp: `default-src 'none'; script-src ${origin}; frame-src ${origin} 'self'`, body: page('Embeds a card', `<h1>A blog post</h1>${snippet}${LIAR}`) },
    // Not the card: the resizer must not take its word, though its origin is as opaque as the card's.
    '/liar': { csp: "default-src 'none'; script-src 'unsafe-inline'", body: page('Liar', `<script>setInterval(() => parent.postMessage({ type: 'edgewire:embed-height', height: 999 }, '*'), 50)</script>`) },
    '/frame': { csp: `default-src 'none'; frame-src ${origin}`, body: page('Frames the article', `<iframe src="${article}" title="article"></iframe>`) },
  };
}

async function serveThirdParty(pages: ReturnType<typeof thirdParty>): Promise<{ server: Server; origin: string }> {
  const server = createServer((request, response) => {
    const found = pages[request.url ?? ''];
    response.writeHead(found === undefined ? 404 : 200, { 'Content-Type': 'text/html; charset=utf-8', ...(found === undefined ? {} : { 'Content-Security-Policy': found.csp }) });
    response.end(found?.body ?? 'not found');
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the third-party server has no port');
  return { server, origin: `http://127.0.0.1:${address.port}` };
}

/** One step's outcome: what was seen, and whether it is what must be seen. */
interface Step {
  name: string;
  seen: string;
  passed: boolean;
}

/** (a) and (b): cross-origin fetch, its validators and links, then revalidation. */
async function fetchSteps(tab: Page, api: string): Promise<Step[]> {
  const first = await tab.evaluate(async (url) => {
    const response = await fetch(url);
    return { status: response.status, etag: response.headers.get('ETag'), link: response.headers.get('Link') };
  }, api);
  const again = await tab.evaluate(
    async ({ url, etag }) => {
      const sent = await fetch(url, { headers: { 'If-None-Match': etag }, cache: 'no-store' });
      const cached = await fetch(url, { cache: 'no-cache' });
      return { sent: sent.status, cached: cached.status, etag: cached.headers.get('ETag') };
    },
    { url: api, etag: first.etag ?? '' },
  );
  return [
    { name: '(a) fetch: ETag and Link readable', seen: `${first.status}, ETag ${first.etag}, Link ${first.link?.slice(0, 60)}…`, passed: first.status === 200 && /^"[\w.-]+"$/.test(first.etag ?? '') && (first.link ?? '').includes('rel="canonical"') },
    { name: '(b) If-None-Match: 304', seen: String(again.sent), passed: again.sent === 304 },
    { name: '(b) browser revalidation: 200 from cache', seen: `${again.cached}, ETag ${again.etag}`, passed: again.cached === 200 && again.etag === first.etag },
  ];
}

/** (c): the oEmbed html in a foreign page; the iframe must take the card's own height. */
async function embedStep(tab: Page, url: string): Promise<Step> {
  await tab.goto(url, { waitUntil: 'load' });
  const frame = tab.frames().find((candidate) => candidate !== tab.mainFrame() && candidate.url().endsWith('/embed'));
  if (frame === undefined) return { name: '(c) oEmbed card resizes', seen: 'no card frame', passed: false };
  await frame.waitForLoadState('load');
  // Strings, as the scripts' types have no DOM (like audit.ts's axe run).
  const card = await frame.evaluate<number>('Math.ceil(document.documentElement.getBoundingClientRect().height)');
  const resized = await tab.waitForFunction(`${CARD_FRAME}?.clientHeight === ${card}`, undefined, { timeout: 5000 }).then(
    () => true,
    () => false,
  );
  await tab.waitForTimeout(500);
  const shown = await tab.evaluate<{ height: number; scripts: number }>(`({ height: ${CARD_FRAME}?.clientHeight, scripts: document.scripts.length })`);
  return { name: '(c) oEmbed card resizes', seen: `card ${card}px, iframe ${shown.height}px, ${shown.scripts} script`, passed: resized && shown.height === card && shown.scripts === 1 };
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

await runOnSite(COMMAND.name, async ({ origin, pages }) => {
  const article = origin + pages.find((page) => page.name === 'article')!.path;
  const slug = article.slice(article.lastIndexOf('/') + 1);
  const oembed = (await (await fetch(`${origin}/api/oembed?url=${encodeURIComponent(article)}&format=json`)).json()) as { html: string };
  const third = await serveThirdParty(thirdParty(origin, oembed.html, article));
  say(`third party on ${third.origin}`);
  const browser = await launchChromium();
  try {
    const tab = await (await browser.newContext()).newPage();
    await tab.goto(`${third.origin}/blank`);
    const steps = [
      ...(await fetchSteps(tab, `${origin}/api/articles/${slug}`)),
      await embedStep(tab, `${third.origin}/blog`),
      await frameStep(tab, `${third.origin}/frame`, article),
    ];
    for (const step of steps) console.log(`${step.passed ? 'pass' : 'FAIL'}  ${step.name}: ${step.seen}`);
    return steps.every((step) => step.passed);
  } finally {
    await browser.close();
    third.server.close();
  }
});
