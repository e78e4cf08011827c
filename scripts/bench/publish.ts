/**
 * `npm run bench -- --publish`: how long an editor waits. A copy of the project whose content/
 * holds the real content and N synthetic articles runs `npm run dev` (wrangler dev, watching
 * content/, rebuilding with the content build, reloading the Worker); then one article is saved
 * with a sentence more, `edits` times, each after the last, and for each save the bench times
 * (a) the build output ready: the build's "Built …" line in the dev server's output, and
 * (b) the dev server serving the article's JSON with a new ETag (and the new sentence).
 */
import { cp, mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { addToFolder, corpusFiles } from './corpus';
import { chooseArticle, editedArticle, EDITED_PARAGRAPH } from './edit';
import { freePort, sleep, startServer, stopServer } from './processes';

/** One save: the file, and seconds from writing it to (a) the build's line and (b) the new ETag served. */
export interface PublishEdit {
  file: string;
  builtSeconds: number;
  servedSeconds: number;
  /** The build's own line: how many articles, in how long, rendered and unchanged. */
  buildLine: string;
}

export interface PublishLatency {
  articles: number;
  /** From starting `npm run dev` to the article served: the first build from nothing and wrangler's start. */
  startSeconds: number;
  edits: PublishEdit[];
}

/** What the copy does not take: installed, generated and built files (the copy builds its own). */
const LEFT_OUT = ['node_modules', '.git', '.edgewire', '.wrangler', 'src/generated/content.txt', '.scratch'];

/** The project at `root` copied to `dir`, its node_modules linked, its articles the real ones plus `synthetic` generated. */
async function projectCopy(root: string, dir: string, synthetic: number): Promise<string> {
  const project = join(dir, 'project');
  await cp(root, project, { recursive: true, filter: (path) => !LEFT_OUT.includes(relative(root, path)) });
  await symlink(join(root, 'node_modules'), join(project, 'node_modules'), 'dir');
  await addToFolder(join(project, 'content/articles'), corpusFiles(synthetic));
  return project;
}

/** The ETag and body of `url`, or null while it does not answer 200. */
async function probe(url: string): Promise<{ etag: string; body: string } | null> {
  const response = await fetch(url).catch(() => null);
  if (response === null || response.status !== 200) return null;
  return { etag: response.headers.get('ETag') ?? '', body: await response.text() };
}

/** Polls `until` every `everyMs` until it gives a value; fails after `timeoutMs`. */
async function poll<T>(until: () => Promise<T | null | undefined>, timeoutMs: number, what: string, everyMs = 20): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await until();
    if (value !== null && value !== undefined) return value;
    if (performance.now() > deadline) throw new Error(`publish: ${what} did not happen within ${timeoutMs / 1000} s`);
    await sleep(everyMs);
  }
}

/** Measures `edits` saves of one article at `synthetic` generated articles, in a copy of the project at `root` made in `dir`. */
export async function publishLatency(root: string, dir: string, synthetic: number, edits: number, progress: (message: string) => void): Promise<PublishLatency> {
  progress(`copying the project with ${synthetic} generated articles`);
  const project = await projectCopy(root, dir, synthetic);
  const articles = join(project, 'content/articles');
  const names = (await readdir(articles)).filter((name) => name.endsWith('.md'));
  const file = chooseArticle(names);
  const url = (port: number) => `http://127.0.0.1:${port}/api/articles/${file.slice(0, -'.md'.length)}`;
  const port = await freePort();
  await mkdir(join(dir, 'logs'), { recursive: true });
  progress('npm run dev: the first build from nothing');
  const started = performance.now();
  const server = startServer(process.execPath, ['--import', 'tsx', 'scripts/dev.ts', '--port', String(port), '--ip', '127.0.0.1'], { cwd: project, env: { ...process.env, WRANGLER_SEND_METRICS: 'false', WRANGLER_HIDE_BANNER: 'true', CLOUDFLARE_CF_FETCH_ENABLED: 'false', EDGEWIRE_CMS: 'off' } }, join(dir, 'logs/dev.log'));
  try {
    let served = await poll(() => probe(url(port)), 30 * 60_000, 'the dev server serving the article');
    const startSeconds = (performance.now() - started) / 1000;
    const measured: PublishEdit[] = [];
    for (let edit = 1; edit <= edits; edit++) {
      await sleep(2000);
      const lines = (await readFile(join(dir, 'logs/dev.log'), 'utf8')).length;
      const path = join(articles, file);
      const text = editedArticle(await readFile(path, 'utf8'));
      const saved = performance.now();
      await writeFile(path, text);
      const buildLine = await poll(async () => /Built \d+ article[^\n]*/.exec((await readFile(join(dir, 'logs/dev.log'), 'utf8')).slice(lines))?.[0], 10 * 60_000, 'the build after the save');
      const builtSeconds = (performance.now() - saved) / 1000;
      const before = served.etag;
      served = await poll(async () => {
        const now = await probe(url(port));
        return now !== null && now.etag !== before ? now : null;
      }, 10 * 60_000, 'a new ETag');
      const servedSeconds = (performance.now() - saved) / 1000;
      // The JSON holds the body twice, as `html` and as `text`.
      if (served.body.split(EDITED_PARAGRAPH).length - 1 !== 2 * edit) throw new Error(`publish: the new ETag's body does not hold the sentence ${edit} time(s)`);
      measured.push({ file, builtSeconds, servedSeconds, buildLine });
      progress(`save ${edit}: built ${builtSeconds.toFixed(2)} s, served ${servedSeconds.toFixed(2)} s (${buildLine})`);
    }
    return { articles: names.length, startSeconds, edits: measured };
  } finally {
    await stopServer(server);
  }
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** The report: a row per save, then the medians. */
export function publishReport({ articles, startSeconds, edits }: PublishLatency): string {
  const rows = edits.map(({ builtSeconds, servedSeconds, buildLine }, at) => `| ${at + 1} | ${builtSeconds.toFixed(2)} s | ${servedSeconds.toFixed(2)} s | ${buildLine.replace(/ -> .*$/, '')} |`);
  return [
    `Publish latency at ${articles} articles (npm run dev; the dev server's first build and start: ${startSeconds.toFixed(1)} s)`,
    '',
    '| save | (a) build output ready | (b) new ETag served | the build |',
    '|--:|--:|--:|---|',
    ...rows,
    `| median | ${median(edits.map(({ builtSeconds }) => builtSeconds)).toFixed(2)} s | ${median(edits.map(({ servedSeconds }) => servedSeconds)).toFixed(2)} s | |`,
  ].join('\n');
}
