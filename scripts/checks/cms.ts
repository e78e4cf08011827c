/**
 * `npm run check:cms`: the editor end to end (issue 19). A copy of the project whose content is
 * the newsroom fixture runs `npm run dev` (wrangler dev, and decap-server beside it on a port of
 * its own); headless Chromium opens /admin/, logs in to the local backend, creates an article
 * (headline, tag, body) through the editor's own form and publishes it; decap-server writes
 * content/articles/<slug>.md, the dev server rebuilds, and the check waits for the article's JSON.
 * On the way it checks /admin/ with the Nu HTML Checker, its Content-Security-Policy, and that the
 * page logs no console error, throws nothing and violates no CSP directive. Exit 1 on any failure.
 */
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseCommandLine, type Command } from '../cli';
import { CHECKS, progress, ROOT, table } from './site';

const COMMAND: Command = {
  name: 'check:cms',
  usage: `usage: npm run check:cms [-- <options>]

Copies the project with the newsroom fixture as its content into a temporary folder, runs
npm run dev there (the editor's bundle and decap-server set up first, from the npm registry, as
npm run dev does), and with headless Chromium creates an article through /admin/: a headline, a
tag and a body, then Publish. Passes when the dev server serves the new article, /admin/ passes
the Nu HTML Checker and has its own CSP, and the editor logged no console error on the way.
  --keep       keep the temporary folder (its dev.log, the article written)
  -h, --help   print this and exit`,
};

const { values } = parseCommandLine(COMMAND, { options: { keep: { type: 'boolean', default: false } } });
const say = progress(COMMAND.name);
const [{ ensureDecap }, { ensureInstalled }, { freePort, sleep, startServer, stopServer, runCommand }, { launchChromium }] = await Promise.all([
  import('../cms/decap'),
  import('../ensure-installed'),
  import('../bench/processes'),
  import('./chromium'),
]);

const TITLE = 'Ferry Service Resumes After Winter Storms';
const SLUG = 'ferry-service-resumes-after-winter-storms';
const TAGS = ['transport', 'weather'];
/** The datetime-local input's value: a time of day in the editor's zone (UTC here). */
const PUBLISHED = '2026-12-06T09:30';
const BODY = 'The first ferry left the harbour at seven on Monday, after ten days without a crossing.';

/** What the copy leaves out: installed and built files, and the newsroom's own content (the fixture's goes in). */
const LEFT_OUT = ['node_modules', '.git', '.edgewire', '.wrangler', '.scratch', 'content', 'src/generated/content.txt', 'scripts/checks/node_modules'];

async function poll<T>(until: () => Promise<T | null>, timeoutMs: number, what: string): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await until().catch(() => null);
    if (value !== null) return value;
    if (performance.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs / 1000} s`);
    await sleep(100);
  }
}

/** The Nu HTML Checker's messages on one HTML text (errors and warnings only). */
async function nuMessages(html: string, dir: string): Promise<string[]> {
  const file = join(dir, 'admin.html');
  await writeFile(file, html);
  const run = await runCommand('java', ['-jar', join(CHECKS, 'node_modules/vnu-jar/build/dist/vnu.jar'), '--format', 'json', '--exit-zero-always', file]);
  const { messages } = JSON.parse(run.stderr) as { messages: { type: string; subType?: string; message: string }[] };
  return messages.filter((message) => message.type !== 'info' || message.subType === 'warning').map((message) => `${message.type}: ${message.message}`);
}

/** Through the editor's own form, as an editor would: log in, a new article, its headline, tags and body, Publish now. */
async function createArticle(page: import('playwright-core').Page, origin: string): Promise<void> {
  await page.goto(`${origin}/admin/`);
  await page.getByRole('button', { name: 'Login' }).click({ timeout: 60_000 });
  await page.getByRole('link', { name: /^New Article$|^Create entry of type Article/ }).click({ timeout: 60_000 });
  await page.getByLabel('Title', { exact: true }).fill(TITLE);
  await page.locator('[id^="datePublished-field"]').fill(PUBLISHED);
  // Each tag an item of the list, checked against the slug pattern as it is typed.
  const tags = page.locator('[id^="tags-field"]');
  for (const tag of TAGS) {
    await tags.getByRole('button', { name: 'Add tags' }).click();
    await tags.locator('input[id^="item-field"]').last().fill(tag);
  }
  await page.locator('[data-slate-editor="true"]').last().click();
  await page.keyboard.type(BODY);
  say('publishing');
  await page.getByRole('button', { name: 'Publish' }).first().click();
  await page.getByText('Publish now').click();
}

async function main(): Promise<boolean> {
  const decap = await ensureDecap(ROOT);
  if (!decap.ok) throw new Error(decap.message);
  await ensureInstalled(join(ROOT, 'scripts/cms'), "the editor's local backend (decap-server)", say);
  await ensureInstalled(CHECKS, 'the page checks\' tools', say);
  const dir = await mkdtemp(join(tmpdir(), 'edgewire-cms-'));
  const project = join(dir, 'project');
  say(`copying the project into ${project}, with tests/fixtures/newsroom/content as its content`);
  await cp(ROOT, project, { recursive: true, filter: (path) => !LEFT_OUT.includes(relative(ROOT, path)) });
  await cp(join(ROOT, 'tests/fixtures/newsroom/content'), join(project, 'content'), { recursive: true });
  await symlink(join(ROOT, 'node_modules'), join(project, 'node_modules'), 'dir');
  await cp(join(ROOT, '.edgewire/cms'), join(project, '.edgewire/cms'), { recursive: true });
  const [port, cmsPort] = [await freePort(), await freePort()];
  const origin = `http://localhost:${port}`;
  const env = { ...process.env, WRANGLER_SEND_METRICS: 'false', WRANGLER_HIDE_BANNER: 'true', CLOUDFLARE_CF_FETCH_ENABLED: 'false', EDGEWIRE_CMS_PORT: String(cmsPort) };
  say(`npm run dev on port ${port}, decap-server on ${cmsPort}`);
  const server = startServer(process.execPath, ['--import', 'tsx', 'scripts/dev.ts', '--port', String(port), '--ip', '127.0.0.1'], { cwd: project, env }, join(dir, 'dev.log'));
  const browser = await launchChromium();
  const problems: string[] = [];
  try {
    await poll(async () => ((await fetch(`${origin}/`)).ok ? true : null), 180_000, 'the dev server answering');
    const admin = await fetch(`${origin}/admin/`);
    const csp = admin.headers.get('Content-Security-Policy') ?? '';
    const nu = await nuMessages(await admin.text(), dir);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const logged: string[] = [];
    page.on('console', (message) => void (message.type() === 'error' && logged.push(`console: ${message.text()}`)));
    page.on('pageerror', (error) => void logged.push(`page error: ${error.message}`));
    const started = performance.now();
    // What the editor showed when a step failed, kept with --keep.
    const keepFailure = async (error: unknown) => {
      await page.screenshot({ path: join(dir, 'failure.png'), fullPage: true }).catch(() => undefined);
      await writeFile(join(dir, 'failure.html'), await page.content().catch(() => '')).catch(() => undefined);
      throw error;
    };
    page.on('crash', () => void logged.push('page crashed'));
    say('opening /admin/');
    await createArticle(page, origin).catch(keepFailure);
    const file = join(project, 'content/articles', `${SLUG}.md`);
    const saved = await poll(async () => await readFile(file, 'utf8'), 60_000, `${relative(project, file)} written`).catch(keepFailure);
    const savedSeconds = (performance.now() - started) / 1000;
    const served = await poll(async () => {
      const response = await fetch(`${origin}/api/articles/${SLUG}`);
      return response.ok ? ((await response.json()) as { data: { title: string; tags: string[]; text: string } }).data : null;
    }, 120_000, `${origin}/api/articles/${SLUG} answering 200`);
    const servedSeconds = (performance.now() - started) / 1000;
    const expectedCsp = "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; " + `connect-src 'self' blob: http://localhost:${cmsPort}; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'`;
    const rows: [string, string, boolean][] = [
      ['/admin/ Content-Security-Policy', csp === '' ? '(none)' : 'its own', csp === expectedCsp],
      ['/admin/ Nu HTML Checker', nu.length === 0 ? '0 errors, 0 warnings' : nu.join('; '), nu.length === 0],
      ['the file the editor saved', `${relative(project, file)}: ${saved.split('\n').length} lines`, saved.includes(TITLE) && saved.includes(BODY)],
      ['the dev server serving it', `${served.title} [${served.tags.join(', ')}]`, served.title === TITLE && served.tags.join(',') === TAGS.join(',') && served.text.includes(BODY)],
      ['console errors, page errors, CSP violations', logged.length === 0 ? 'none' : logged.join('; '), logged.length === 0],
    ];
    console.log(table(['check', 'found', 'result'], rows.map(([what, found, passed]) => [what, found, passed ? 'pass' : 'FAIL'])));
    console.log(`\nFrom opening /admin/: saved in ${savedSeconds.toFixed(1)} s, served by the dev server in ${servedSeconds.toFixed(1)} s.`);
    if (csp !== expectedCsp) problems.push(`CSP: ${csp}`);
    console.log(`\nThe file the editor wrote:\n${saved}`);
    return problems.length === 0 && rows.every(([, , passed]) => passed);
  } finally {
    await browser.close();
    await stopServer(server);
    if (values.keep) say(`kept ${dir}`);
    else await rm(dir, { recursive: true, force: true });
  }
}

const passed = await main().catch((error: unknown) => {
  console.error(`${COMMAND.name}: ${error instanceof Error ? error.message : String(error)}`);
  return false;
});
process.exitCode = passed ? 0 : 1;
