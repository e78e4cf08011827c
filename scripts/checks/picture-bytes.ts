/**
 * `npm run picture-bytes`: what a reader's browser downloads for an article's pictures (issue 18,
 * docs/PERFORMANCE.md). The content (--content) is built and served on 127.0.0.1 as the page
 * checks serve it (the Images binding made by sharp, images-service.ts); each pictured article
 * page is opened in Chromium as phones and a desktop open it, and every picture it loads is
 * counted: the variant the browser chose from `srcset` and its bytes, against the original's
 * bytes (what a plain `<img src=original>` would have cost). A measurement, not a check: prints a
 * table and exits 0.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserContextOptions } from 'playwright-core';
import { ORIGINALS } from '../../src/content/pictures';
import { parseCommandLine, type Command } from '../cli';
import { launchChromium } from './chromium';
import { progress, runOnSite, table } from './site';

const COMMAND: Command = {
  name: 'picture-bytes',
  usage: `usage: npm run picture-bytes -- --content <dir>

Builds the content folder, serves it on 127.0.0.1, opens each article page with a lead image in
Chromium as a phone (390×844 at 2× and 3×, Lighthouse's Moto G Power at 412×823, 1.75×) and a
desktop (1280×800 at 1× and 2×), scrolls to the bottom so lazy pictures load, and prints each
picture the browser downloaded (its URL's width and format) and its bytes, against the
original's bytes. Exits 0: a measurement, not a check.
  --content <dir>  the content folder (default: the pictures fixture, tests/fixtures/pictures/content)
  -h, --help       print this and exit`,
};

const { values } = parseCommandLine(COMMAND, { options: { content: { type: 'string', default: 'tests/fixtures/pictures/content' } } });
const say = progress(COMMAND.name);

/** The screens a reader opens the page on: phones (the widths and densities of common ones, and Lighthouse's) and a desktop. */
const SCREENS: Record<string, BrowserContextOptions> = {
  'phone 390×844 @2': { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
  'phone 390×844 @3': { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true },
  'Moto G Power 412×823 @1.75': { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true },
  'desktop 1280×800 @1': { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 },
  'desktop 1280×800 @2': { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 2 },
};

/** 1,234,567. */
const grouped = (count: number) => new Intl.NumberFormat('en-US').format(count);

await runOnSite(COMMAND.name, values.content, async ({ origin, pages, assets }) => {
  const articles = pages.filter(({ path }) => /^\/articles\/[^/]+$/.test(path));
  const browser = await launchChromium();
  const rows: string[][] = [];
  try {
    for (const { path } of articles) {
      const answer = await fetch(`${origin}/api/articles${path.slice('/articles'.length)}`);
      // The checks' pages include a missing article (the 404 page).
      if (!answer.ok) continue;
      const { data } = (await answer.json()) as { data: { image: { url: string } | null; html: string } };
      if (data.image === null) continue;
      // Its pictures' originals, by the keys its URLs name (the lead first): what plain <img src=original> would load.
      const keys = [...new Set([data.image.url, ...[...data.html.matchAll(/\/images\/[^/"]+\//g)].map(([url]) => url)].map((url) => /\/images\/([^/"]+)\//.exec(url)![1]!))];
      const sizes = await Promise.all(keys.map(async (key) => (await stat(join(assets, ORIGINALS, key))).size));
      const originals = { lead: sizes[0]!, all: sizes.reduce((sum, size) => sum + size, 0) };
      for (const [screen, options] of Object.entries(SCREENS)) {
        const context = await browser.newContext(options);
        const tab = await context.newPage();
        const loaded: { url: string; bytes: number }[] = [];
        tab.on('response', async (response) => {
          if (!response.url().includes('/images/')) return;
          loaded.push({ url: new URL(response.url()).pathname, bytes: (await response.body()).length });
        });
        await tab.goto(`${origin}${path}`, { waitUntil: 'load' });
        // Every picture in view, so the lazy ones load too.
        await tab.keyboard.press('End');
        await tab.waitForLoadState('networkidle');
        await context.close();
        say(`${path} as ${screen}: ${loaded.length} picture(s)`);
        const total = loaded.reduce((sum, { bytes }) => sum + bytes, 0);
        const lead = loaded.find(({ url }) => url.includes(`/${keys[0]}/`));
        rows.push([path, screen, lead === undefined ? '-' : lead.url.split('/').at(-1)!, lead === undefined ? '-' : grouped(lead.bytes), grouped(originals.lead), String(loaded.length), grouped(total), grouped(originals.all)]);
      }
    }
  } finally {
    await browser.close();
  }
  console.log(table(['page', 'screen', 'lead variant', 'lead bytes', 'lead original bytes', 'pictures', 'all pictures bytes', 'originals bytes'], rows));
  return true;
});


