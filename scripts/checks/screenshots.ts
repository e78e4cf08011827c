/**
 * `npm run screenshots`: the home page and the newest article as a reader sees them, desktop and
 * phone, light and dark, into docs/screenshots/<page>-<viewport>-<scheme>.png (names fixed, so a
 * new run replaces the old files and a diff shows what changed).
 */
import { mkdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parseCommandLine, type Command } from '../cli';
import { COLOR_SCHEMES, launchChromium, VIEWPORTS, type ViewportName } from './chromium';
import { MAIN_PAGES } from './pages';
import { progress, ROOT, runOnSite, table } from './site';

const COMMAND: Command = {
  name: 'screenshots',
  usage: `usage: npm run screenshots [-- <options>]

Serves the Worker's deployable bundle on 127.0.0.1 and takes full-page screenshots of the home
page and the newest article in Chromium (/usr/bin/chromium, or CHROME_PATH): desktop 1280×800
and mobile 390×844, light and dark, as <page>-<viewport>-<scheme>.png.
  --out <dir>  where to write them (default: docs/screenshots)
  -h, --help   print this and exit`,
};

const { values } = parseCommandLine(COMMAND, { options: { out: { type: 'string', default: join(ROOT, 'docs/screenshots') } } });
const say = progress(COMMAND.name);

await runOnSite(COMMAND.name, async ({ origin, pages }) => {
  await mkdir(values.out, { recursive: true });
  const browser = await launchChromium();
  const rows: string[][] = [];
  try {
    for (const page of pages.filter((page) => MAIN_PAGES.includes(page.name))) {
      for (const viewport of Object.keys(VIEWPORTS) as ViewportName[]) {
        for (const scheme of COLOR_SCHEMES) {
          const context = await browser.newContext({ ...VIEWPORTS[viewport], colorScheme: scheme });
          const tab = await context.newPage();
          const response = await tab.goto(origin + page.path, { waitUntil: 'networkidle' });
          const file = join(values.out, `${page.name}-${viewport}-${scheme}.png`);
          // No caret, no animations: the same page gives the same pixels.
          await tab.screenshot({ path: file, fullPage: true, animations: 'disabled', caret: 'hide' });
          await context.close();
          const { size } = await stat(file);
          rows.push([relative(ROOT, file), String(response?.status() ?? '-'), `${(size / 1024).toFixed(0)} KiB`]);
          say(relative(ROOT, file));
        }
      }
    }
  } finally {
    await browser.close();
  }
  console.log(table(['file', 'status', 'size'], rows));
  return rows.every((row) => row[1] === '200');
});
