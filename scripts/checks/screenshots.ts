/**
 * `npm run screenshots`: the front page, a section page, an article (one with a correction when
 * there is one) and an author page as a reader sees them (scripts/checks/pages.ts), desktop and
 * phone, light and dark, into docs/screenshots/<page>-<viewport>-<scheme>.png (names fixed, so a
 * new run replaces the old files and a diff shows what changed); and the newest article's oEmbed
 * card in a third party's blog post (another 127.0.0.1 port), desktop, as embed-desktop-<scheme>.png.
 */
import { mkdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Browser, BrowserContextOptions, Page, Response } from 'playwright-core';
import { parseCommandLine, type Command } from '../cli';
import { COLOR_SCHEMES, launchChromium, VIEWPORTS, type ColorScheme, type ViewportName } from './chromium';
import { mainPages } from './pages';
import { CONTENT_OPTION, CONTENT_USAGE, progress, ROOT, runOnSite, table } from './site';
import { blogPost, oembedSnippet, serveThirdParty, waitForCard } from './third-party';

const COMMAND: Command = {
  name: 'screenshots',
  usage: `usage: npm run screenshots [-- <options>]

Builds the newsroom fixture (or --content), serves its deployable bundle on 127.0.0.1 and takes
full-page screenshots of the front page, a section page, an article (one with a correction when
there is one) and an author page in Chromium (/usr/bin/chromium, or CHROME_PATH): desktop
1280×800 and mobile 390×844, light and dark, as <home|section|article|author>-<viewport>-<scheme>.png;
and the newest article's oEmbed card embedded in a third party's blog post (served on another
port), once the iframe has taken the card's height, desktop, light and dark, as
embed-desktop-<scheme>.png.
  --out <dir>      where to write them (default: docs/screenshots)
${CONTENT_USAGE}
  -h, --help       print this and exit`,
};

const { values } = parseCommandLine(COMMAND, { options: { ...CONTENT_OPTION, out: { type: 'string', default: join(ROOT, 'docs/screenshots') } } });
const say = progress(COMMAND.name);

/** One screenshot: `file` under --out, of what `open` shows in a new tab with these options. */
interface Shot {
  file: string;
  options: BrowserContextOptions;
  /** Loads the page, ready to be taken: the response, and whether it is as it must be. */
  open: (tab: Page) => Promise<{ response: Response | null; ready: boolean }>;
}

/** Takes a shot; its table row: file, status (FAIL when not ready), size. */
async function take(browser: Browser, shot: Shot): Promise<string[]> {
  const context = await browser.newContext(shot.options);
  const tab = await context.newPage();
  const { response, ready } = await shot.open(tab);
  const file = join(values.out, shot.file);
  // No caret, no animations: the same page gives the same pixels.
  await tab.screenshot({ path: file, fullPage: true, animations: 'disabled', caret: 'hide' });
  await context.close();
  const { size } = await stat(file);
  say(relative(ROOT, file));
  return [relative(ROOT, file), ready ? String(response?.status() ?? '-') : 'FAIL', `${(size / 1024).toFixed(0)} KiB`];
}

/** The site's own pages, every viewport and scheme. */
function pageShots(origin: string, paths: readonly { name: string; path: string }[]): Shot[] {
  return paths.flatMap((page) =>
    (Object.keys(VIEWPORTS) as ViewportName[]).flatMap((viewport) =>
      COLOR_SCHEMES.map((scheme) => ({
        file: `${page.name}-${viewport}-${scheme}.png`,
        options: { ...VIEWPORTS[viewport], colorScheme: scheme },
        open: async (tab: Page) => ({ response: await tab.goto(origin + page.path, { waitUntil: 'networkidle' }), ready: true }),
      })),
    ),
  );
}

/** The blog post at `url` embedding the card, once its iframe has the card's height. */
const embedShot = (url: string, scheme: ColorScheme): Shot => ({
  file: `embed-desktop-${scheme}.png`,
  options: { ...VIEWPORTS.desktop, colorScheme: scheme },
  open: async (tab) => {
    const response = await tab.goto(url, { waitUntil: 'networkidle' });
    return { response, ready: (await waitForCard(tab))?.resized === true };
  },
});

await runOnSite(COMMAND.name, values.content, async ({ origin, pages }) => {
  await mkdir(values.out, { recursive: true });
  const article = origin + pages.find((page) => page.name === 'article')!.path;
  const third = await serveThirdParty({ '/blog': blogPost(origin, (await oembedSnippet(origin, article)).html) });
  const browser = await launchChromium();
  const rows: string[][] = [];
  try {
    const shots = [...pageShots(origin, mainPages(pages)), ...COLOR_SCHEMES.map((scheme) => embedShot(`${third.origin}/blog`, scheme))];
    for (const shot of shots) rows.push(await take(browser, shot));
  } finally {
    await browser.close();
    third.close();
  }
  console.log(table(['file', 'status', 'size'], rows));
  return rows.every((row) => row[1] === '200');
});
