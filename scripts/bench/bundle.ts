/**
 * The two build steps the benchmark times and measures: the content build, and the deployable
 * bundle as `wrangler deploy --dry-run` writes it; plus the project settings read from wrangler.toml.
 */
import { existsSync } from 'node:fs';
import { copyFile, link, mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { unstable_readConfig } from 'wrangler';
import { BUILD_NODE_OPTIONS } from '../build/cli';
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
  /** `[images]`: the Images binding's name, when configured. */
  images: string | null;
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
    images: config.images?.binding ?? null,
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

/** What the build printed about its static-asset files: "(N files: W written, R removed)". */
export interface BuildFiles {
  files: number;
  written: number;
  removed: number;
}

export interface ContentBuild {
  /** Wall-clock seconds. */
  seconds: number;
  /** User + system CPU seconds of the build process (all its threads), when /usr/bin/time is there to tell. */
  cpuSeconds: number | null;
  /** Peak resident set of the build process, when /usr/bin/time is there to tell. */
  peakRssBytes: number | null;
  /** The asset files of the build and how many it wrote and removed, as it printed them. */
  files: BuildFiles | null;
  output: string;
}

/** `/usr/bin/time`'s format: peak RSS in KiB, user and system CPU seconds. */
const TIME_FORMAT = '%M %U %S';

/**
 * Reads what `/usr/bin/time -f '%M %U %S'` wrote: its last line (GNU time puts "Command exited
 * with non-zero status N" or "Command terminated by signal N" before it when the command failed).
 */
export function parseTimeReport(text: string): { peakRssBytes: number; cpuSeconds: number } | null {
  const last = text.trim().split('\n').at(-1) ?? '';
  const match = /^(\d+) (\d+(?:\.\d+)?) (\d+(?:\.\d+)?)$/.exec(last.trim());
  if (!match) return null;
  return { peakRssBytes: Number(match[1]) * 1024, cpuSeconds: Number(match[2]) + Number(match[3]) };
}

/** The "(N files: W written, R removed)" of the build's summary line, or null. */
export function parseBuildFiles(output: string): BuildFiles | null {
  const match = /\((\d+) files: (\d+) written, (\d+) removed\)/.exec(output);
  return match ? { files: Number(match[1]), written: Number(match[2]), removed: Number(match[3]) } : null;
}

/** A content build that failed: what it printed last, and what it cost until then. */
export class BuildFailure extends Error {
  constructor(
    message: string,
    readonly build: Omit<ContentBuild, 'files' | 'output'>,
  ) {
    super(message);
  }
}

/** A line of the native stack trace Node prints when V8 gives up (its heading, its frames): addresses, no reason. */
const isNativeFrame = (line: string): boolean => /^\s*(\d+: 0x[0-9a-f]+|----- Native stack trace -----)/.test(line) || line.trim() === '';

/**
 * The first line of `text` (how the command ended) and its last `lines`, the native stack
 * trace left out (after an out-of-memory, V8's last collections and its FATAL ERROR line are the reason).
 */
export function headAndTail(text: string, lines = 12): string {
  const [first = '', ...rest] = text.trim().split('\n').filter((line) => !isNativeFrame(line));
  return [first, ...(rest.length > lines ? ['…'] : []), ...rest.slice(-lines)].join('\n');
}

/**
 * Runs the content build (one Node process, tsx as a loader) on `contentDir`, timed: wall clock,
 * and CPU and peak RSS from /usr/bin/time when installed. A failed build, or one stopped after
 * `timeoutMs`, is a BuildFailure.
 */
export async function runContentBuild(root: string, contentDir: string, scratch: string, timeoutMs?: number): Promise<ContentBuild> {
  const node = [process.execPath, ...BUILD_NODE_OPTIONS, '--import', 'tsx', 'scripts/build.ts'];
  const timeFile = join(scratch, 'build-time.txt');
  const timed = existsSync(TIME_BIN);
  const [command, ...args] = timed ? [TIME_BIN, '-f', TIME_FORMAT, '-o', timeFile, ...node] : node;
  const started = performance.now();
  const measured = async () => {
    const time = timed ? parseTimeReport(await readFile(timeFile, 'utf8').catch(() => '')) : null;
    return { cpuSeconds: time?.cpuSeconds ?? null, peakRssBytes: time?.peakRssBytes ?? null };
  };
  try {
    const run = await runCommand(command!, args, { cwd: root, env: buildEnv(contentDir), ...(timeoutMs === undefined ? {} : { timeoutMs }) });
    const output = run.stdout.trim();
    return { seconds: run.seconds, ...(await measured()), files: parseBuildFiles(output), output };
  } catch (error) {
    const seconds = (performance.now() - started) / 1000;
    throw new BuildFailure(headAndTail(error instanceof Error ? error.message : String(error)), { seconds, ...(await measured()) });
  }
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
 * `timeoutMs` stops it when the time is up (an error).
 */
export async function buildBundle(root: string, contentDir: string, outdir: string, config?: string, timeoutMs?: number): Promise<Bundle> {
  const args = [WRANGLER_BIN, 'deploy', '--dry-run', '--outdir', outdir, ...(config === undefined ? [] : ['--config', config])];
  const run = await runCommand(process.execPath, args, { cwd: root, env: buildEnv(contentDir), ...(timeoutMs === undefined ? {} : { timeoutMs }) });
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

/** Files, their bytes, and the largest of them (its path in the assets folder). */
export interface FileTally {
  files: number;
  bytes: number;
  largest: { path: string; bytes: number } | null;
}

export interface AssetsSnapshot extends FileTally {
  directory: string;
  /** By top-level folder (`b` body files, `i` the index's directory and shards, …; `.` for files at the top). */
  folders: Record<string, FileTally>;
}

/** Adds a file of `bytes` at `path` to `tally`. */
function count(tally: FileTally, path: string, bytes: number): void {
  tally.files++;
  tally.bytes += bytes;
  if (tally.largest === null || bytes > tally.largest.bytes) tally.largest = { path, bytes };
}

/**
 * `to` made a tree of hard links to `from`'s files (copies where the file system cannot link). The
 * build never rewrites a file in place (sink.ts and files.ts write a temporary file and rename it over),
 * so a link keeps this build's bytes whatever later builds do, and costs no disk: at 1,000,000
 * articles the folder is 34 GB.
 */
async function linkTree(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const [source, target] = [join(from, entry.name), join(to, entry.name)];
    if (entry.isDirectory()) await linkTree(source, target);
    else if (entry.isFile()) {
      await link(source, target).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'EXDEV' && error.code !== 'EPERM') throw error;
        return copyFile(source, target);
      });
    }
  }
}

/**
 * Snapshots the static-assets directory the build just wrote at `to` (hard links), so the server keeps
 * serving this build's files whatever later builds do to the project's folder, and measures it: in all,
 * and by top-level folder (what grows per article, and how fast, is the platform's file limits' business).
 */
export async function snapshotAssets(from: string, to: string): Promise<AssetsSnapshot | null> {
  if (!existsSync(from)) return null;
  await rm(to, { recursive: true, force: true });
  await linkTree(from, to);
  const all: FileTally = { files: 0, bytes: 0, largest: null };
  const folders: Record<string, FileTally> = {};
  for (const entry of await readdir(to, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = relative(to, join(entry.parentPath, entry.name));
    const bytes = (await stat(join(to, path))).size;
    const folder = path.includes(sep) ? path.slice(0, path.indexOf(sep)) : '.';
    count(all, path, bytes);
    count((folders[folder] ??= { files: 0, bytes: 0, largest: null }), path, bytes);
  }
  return { directory: to, ...all, folders };
}
