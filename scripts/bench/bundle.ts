/**
 * The two build steps the benchmark times and measures: the content build, and the deployable
 * bundle as `wrangler deploy --dry-run` writes it; plus the project settings read from wrangler.toml.
 */
import { existsSync } from 'node:fs';
import { cp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { unstable_readConfig } from 'wrangler';
import { runCommand } from './processes';

const require = createRequire(import.meta.url);
const WRANGLER_BIN = join(dirname(require.resolve('wrangler/package.json')), 'bin/wrangler.js');
const TIME_BIN = '/usr/bin/time';

/** What the benchmark needs from wrangler.toml, as wrangler itself reads it. */
export interface ProjectConfig {
  compatibilityDate: string;
  compatibilityFlags: string[];
  /** Plain-text vars (`[vars]`). */
  vars: Record<string, string>;
  /** `[assets]`: the absolute directory and the binding name, when configured. */
  assets: { directory: string; binding: string } | null;
}

/** Reads `wrangler.toml` in `root` (or another config there, such as a separate build's wrangler.json). */
export function readProjectConfig(root: string, file = 'wrangler.toml'): ProjectConfig {
  const path = join(root, file);
  const config = unstable_readConfig({ config: path });
  if (!config.compatibility_date) throw new Error(`${path}: compatibility_date is required`);
  const vars = Object.fromEntries(Object.entries(config.vars).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  const { directory, binding } = config.assets ?? {};
  return {
    compatibilityDate: config.compatibility_date,
    compatibilityFlags: config.compatibility_flags,
    vars,
    assets: directory && binding ? { directory: isAbsolute(directory) ? directory : resolve(root, directory), binding } : null,
  };
}

/** Environment for a build of the content folder `contentDir`, with wrangler kept offline and quiet. */
function buildEnv(contentDir: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    EDGEWIRE_CONTENT: contentDir,
    WRANGLER_SEND_METRICS: 'false',
    WRANGLER_HIDE_BANNER: 'true',
    CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  };
}

export interface ContentBuild {
  seconds: number;
  /** Peak resident set of the build process, when /usr/bin/time is there to tell. */
  peakRssBytes: number | null;
  output: string;
}

/** Runs the content build (one Node process, tsx as a loader) on `contentDir` and times it. */
export async function runContentBuild(root: string, contentDir: string, scratch: string): Promise<ContentBuild> {
  const node = [process.execPath, '--import', 'tsx', 'scripts/build.ts'];
  const timeFile = join(scratch, 'build-time.txt');
  const timed = existsSync(TIME_BIN);
  const [command, ...args] = timed ? [TIME_BIN, '-f', '%M', '-o', timeFile, ...node] : node;
  const run = await runCommand(command!, args, { cwd: root, env: buildEnv(contentDir) });
  const peakKiB = timed ? Number.parseInt(await readFile(timeFile, 'utf8'), 10) : Number.NaN;
  return { seconds: run.seconds, peakRssBytes: Number.isFinite(peakKiB) ? peakKiB * 1024 : null, output: run.stdout.trim() };
}

/** A module file of the bundle. */
export interface BundleModule {
  name: string;
  path: string;
  bytes: number;
}

export interface Bundle {
  seconds: number;
  modules: BundleModule[];
  rawBytes: number;
  gzipBytes: number;
  /** wrangler's own `Total Upload: … / gzip: …` line. */
  wranglerTotal: string;
}

/** Files in wrangler's outdir that are not uploaded. */
const isUploaded = (name: string): boolean => name !== 'README.md' && !name.endsWith('.map');

/**
 * `wrangler deploy --dry-run` into `outdir`, measured: with wrangler.toml it re-runs the content
 * build; with a separate build's `config` (scripts/separate-build.ts) it bundles that build.
 */
export async function buildBundle(root: string, contentDir: string, outdir: string, config?: string): Promise<Bundle> {
  const args = [WRANGLER_BIN, 'deploy', '--dry-run', '--outdir', outdir, ...(config === undefined ? [] : ['--config', config])];
  const run = await runCommand(process.execPath, args, { cwd: root, env: buildEnv(contentDir) });
  const modules: BundleModule[] = [];
  let gzipBytes = 0;
  for (const name of (await readdir(outdir, { recursive: true })).sort()) {
    const path = join(outdir, name);
    if (!isUploaded(name) || !(await stat(path)).isFile()) continue;
    const bytes = await readFile(path);
    modules.push({ name, path, bytes: bytes.byteLength });
    gzipBytes += gzipSync(bytes, { level: 9 }).byteLength;
  }
  const rawBytes = modules.reduce((sum, module) => sum + module.bytes, 0);
  const wranglerTotal = /Total Upload:.*/.exec(run.stdout)?.[0] ?? '(no Total Upload line)';
  return { seconds: run.seconds, modules, rawBytes, gzipBytes, wranglerTotal };
}

export interface AssetsSnapshot {
  directory: string;
  files: number;
  bytes: number;
}

/**
 * Copies the static-assets directory the build just wrote to `to`, so the server keeps serving
 * this build's files whatever later builds do to the project's copy, and measures it.
 */
export async function snapshotAssets(from: string, to: string): Promise<AssetsSnapshot | null> {
  if (!existsSync(from)) return null;
  await rm(to, { recursive: true, force: true });
  await cp(from, to, { recursive: true });
  let files = 0;
  let bytes = 0;
  for (const entry of await readdir(to, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return { directory: to, files, bytes };
}
