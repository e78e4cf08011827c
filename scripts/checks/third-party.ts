/**
 * A third party's site, for the checks that look at the Worker the way another origin does
 * (check:embedding, screenshots): a tiny Node server on another 127.0.0.1 port, so every request
 * to the Worker crosses origins as on the web, serving fixed pages each with its own CSP. Among
 * them a blog post that embeds an article with its oEmbed html, and the wait for that card's
 * iframe to take the card's height.
 */
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { Page } from 'playwright-core';

/** One page of the third party: its HTML and the Content-Security-Policy it is sent with. */
export interface ThirdPartyPage {
  csp: string;
  body: string;
}

/** A complete small HTML page; `head` adds to its head. */
export function thirdPartyPage(title: string, main: string, head = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>${head}</head><body><main>${main}</main></body></html>`;
}

// The blog's own look, allowed by its hash: the page allows no other style and no script of its
// own. It leaves iframes the browser's default border: the oEmbed html must not rely on the
// consumer's CSS for its size.
const BLOG_STYLE = 'body{max-width:40rem;margin:2rem auto;padding:0 1rem;font:1rem/1.5 Georgia,serif}iframe{display:block;max-width:100%}';
const BLOG_TEXT = 'Elsewhere on the web, a site embeds an article with one oEmbed call: it asks the news site for the article’s card and pastes the answer here.';

const styleSource = (style: string) => `'sha256-${createHash('sha256').update(style).digest('base64')}'`;

/** How a blog post differs: what follows the embed, more frame sources, more style, or no script allowed. */
export interface BlogOptions {
  after?: string;
  frameSources?: readonly string[];
  /** Appended to the blog's stylesheet. */
  style?: string;
  /** false: the CSP allows no script at all, as in a page that strips or blocks the snippet's. */
  scripts?: boolean;
}

/**
 * A blog post embedding `embed` (the oEmbed html of an article on `origin`), followed by `after`.
 * Its CSP lets scripts and frames come from `origin` only (and frames from `frameSources` too);
 * light or dark as the reader prefers.
 */
export function blogPost(origin: string, embed: string, { after = '', frameSources = [], style = '', scripts = true }: BlogOptions = {}): ThirdPartyPage {
  const css = BLOG_STYLE + style;
  const head = `<meta name="color-scheme" content="light dark"><meta name="viewport" content="width=device-width"><style>${css}</style>`;
  return {
    csp: `default-src 'none'; style-src ${styleSource(css)}; script-src ${scripts ? origin : "'none'"}; frame-src ${[origin, ...frameSources].join(' ')}`,
    body: thirdPartyPage('A blog post', `<h1>A blog post</h1><p>${BLOG_TEXT}</p>${embed}${after}`, head),
  };
}

/** Serves `pages` by exact path (anything else: 404) on a free 127.0.0.1 port. */
export async function serveThirdParty(pages: Readonly<Record<string, ThirdPartyPage>>): Promise<{ origin: string; close: () => void }> {
  const server = createServer((request, response) => {
    const found = pages[request.url ?? ''];
    response.writeHead(found === undefined ? 404 : 200, { 'Content-Type': 'text/html; charset=utf-8', ...(found === undefined ? {} : { 'Content-Security-Policy': found.csp }) });
    response.end(found?.body ?? 'not found');
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the third-party server has no port');
  return { origin: `http://127.0.0.1:${address.port}`, close: () => server.close() };
}

/** What a consumer takes from an oEmbed `rich` answer (oembed.com §2.3.4.4). */
export interface OembedSnippet {
  html: string;
  width: number;
  height: number;
}

/** The oEmbed `html` the Worker at `origin` gives for the article at `article` (its URL), and its declared size. */
export async function oembedSnippet(origin: string, article: string): Promise<OembedSnippet> {
  const response = await fetch(`${origin}/api/oembed?url=${encodeURIComponent(article)}&format=json`);
  if (response.status !== 200) throw new Error(`GET /api/oembed: expected 200, got ${response.status}`);
  const { html, width, height } = (await response.json()) as OembedSnippet;
  return { html, width, height };
}

/** The card's iframe in the embedding page, as an expression (the scripts' types have no DOM). */
export const CARD_FRAME = `document.querySelector('iframe[src$="/embed"]')`;

/** The card frame's box in the embedding page (getBoundingClientRect), and the card's viewport inside it. */
export interface CardBox {
  width: number;
  height: number;
  viewport: { width: number; height: number };
}

/** Measures the card frame in `tab` once it has loaded; undefined when there is no card frame. */
export async function measureCard(tab: Page): Promise<CardBox | undefined> {
  const frame = tab.frames().find((candidate) => candidate !== tab.mainFrame() && candidate.url().endsWith('/embed'));
  if (frame === undefined) return undefined;
  await frame.waitForLoadState('load');
  const box = await tab.evaluate<{ width: number; height: number }>(`(({ width, height }) => ({ width, height }))(${CARD_FRAME}.getBoundingClientRect())`);
  const viewport = await frame.evaluate<{ width: number; height: number }>('({ width: innerWidth, height: innerHeight })');
  return { ...box, viewport };
}

/**
 * Waits (up to 5 s) for the card's iframe in `tab`, loaded, to be as tall as the card inside it:
 * the card's height, and whether the iframe took it. Undefined when there is no card frame.
 */
export async function waitForCard(tab: Page): Promise<{ card: number; resized: boolean } | undefined> {
  const frame = tab.frames().find((candidate) => candidate !== tab.mainFrame() && candidate.url().endsWith('/embed'));
  if (frame === undefined) return undefined;
  await frame.waitForLoadState('load');
  const card = await frame.evaluate<number>('Math.ceil(document.documentElement.getBoundingClientRect().height)');
  const resized = await tab.waitForFunction(`${CARD_FRAME}?.clientHeight === ${card}`, undefined, { timeout: 5000 }).then(
    () => true,
    () => false,
  );
  return { card, resized };
}
