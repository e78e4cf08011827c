/**
 * Peer (a), the naive Hono Worker (bench/peers/naive-hono): a generated entry bundles the seed
 * Markdown files as Text modules into bench/peers/naive-hono/src/app.ts, and wrangler bundles it
 * as it would deploy it. It runs with edgewire's compatibility date and flags and `minify = true`,
 * but wrangler's default `keep_names`: what a developer gets without tuning.
 */
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import type { ProjectConfig } from '../bundle';
import { runCommand } from '../processes';
import { moduleType, type ModuleType, type Service, type WorkerModule } from '../workerd';
import type { SeedArticle } from './seed';

const require = createRequire(import.meta.url);
const WRANGLER_BIN = join(dirname(require.resolve('wrangler/package.json')), 'bin/wrangler.js');

/** The entry: every seed article imported as text, keyed by slug. */
function entrySource(app: string, articles: readonly SeedArticle[]): string {
  const imports = articles.map((article, index) => `import article${index} from ${JSON.stringify(article.path)};`);
  const sources = articles.map((article, index) => `  ${JSON.stringify(article.slug)}: article${index},`);
  return [`import { createApp } from ${JSON.stringify(app)};`, ...imports, '', 'export default createApp({', ...sources, '});', ''].join('\n');
}

/** TOML string literals: JSON's escapes are valid TOML basic strings for these values. */
const toml = (value: string): string => JSON.stringify(value);

function wranglerToml(config: ProjectConfig): string {
  return [
    'name = "naive-hono"',
    'main = "worker.ts"',
    `compatibility_date = ${toml(config.compatibilityDate)}`,
    `compatibility_flags = [${config.compatibilityFlags.map(toml).join(', ')}]`,
    'minify = true',
    '# The article Markdown, bundled as text.',
    '[[rules]]',
    'type = "Text"',
    'globs = ["**/*.md"]',
    'fallthrough = true',
    '',
  ].join('\n');
}

/** Files in wrangler's outdir that are not uploaded. */
const isUploaded = (name: string): boolean => name !== 'README.md' && !name.endsWith('.map');

const typeOf = (name: string): ModuleType => (extname(name) === '.md' ? 'text' : moduleType(name));

/** Bundles the naive peer in `dir` and returns its workerd service. */
export async function buildNaiveHono(root: string, dir: string, config: ProjectConfig, articles: readonly SeedArticle[]): Promise<Service[]> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'worker.ts'), entrySource(join(root, 'bench/peers/naive-hono/src/app.ts'), articles));
  await writeFile(join(dir, 'wrangler.toml'), wranglerToml(config));
  const outdir = join(dir, 'dist');
  const env = { ...process.env, WRANGLER_SEND_METRICS: 'false', WRANGLER_HIDE_BANNER: 'true', CLOUDFLARE_CF_FETCH_ENABLED: 'false' };
  await runCommand(process.execPath, [WRANGLER_BIN, 'deploy', '--dry-run', '--outdir', outdir, '--config', join(dir, 'wrangler.toml')], { cwd: dir, env });
  const modules: WorkerModule[] = [];
  for (const name of (await readdir(outdir, { recursive: true })).sort()) {
    const path = join(outdir, name);
    if (isUploaded(name) && (await stat(path)).isFile()) modules.push({ name, path, type: typeOf(name) });
  }
  const main = modules.find((module) => module.name === 'worker.js');
  if (!main) throw new Error(`${outdir}: wrangler wrote no worker.js`);
  const worker = { modules: [main, ...modules.filter((module) => module !== main)], compatibilityDate: config.compatibilityDate, compatibilityFlags: config.compatibilityFlags, bindings: [] };
  return [{ name: 'naive-hono', worker }];
}

