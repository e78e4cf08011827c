/**
 * A content build kept apart from the project's own: a content folder built by the build CLI
 * (`npm run build`, production settings) into a directory of its own, with a wrangler config that
 * bundles or serves exactly that build. The tests build their fixtures this way, and the page
 * checks and the README transcripts the site they show, so none of them reads `content/` or
 * writes src/generated/content.txt and .edgewire/assets, which `npm run dev` and `npm run build`
 * own: they can run beside a dev server, and a newsroom's articles change none of them.
 */
import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { makeFixturePictures } from './fixture-pictures.ts';

/** The project root: where the build CLI runs and wrangler.toml is. */
export const ROOT = resolve(import.meta.dirname, '..');

/** The index module the project's own build writes, as the Worker imports it (src/store/index.ts). */
export const PROJECT_INDEX = join(ROOT, 'src/generated/content.txt');
const INDEX_IMPORT = '../generated/content.txt';

export interface SeparateBuild {
  /** The content folder built (articles in its `articles/`). */
  content: string;
  /** Where everything below is written. */
  dir: string;
  /** The index module: what src/generated/content.txt is to the project's own build. */
  module: string;
  /** The body files: what .edgewire/assets/ is to the project's own build. */
  assets: string;
  /**
   * wrangler.toml for this build (`wrangler deploy --config`, `wrangler dev --config`): no
   * `[build]` (this build is done), `[assets]` here, and the Worker's import of its index module
   * aliased to this one.
   */
  config: string;
}

/** The paths of a build of `content` into `dir` (both absolute, or relative to the project root). */
export function separateBuildPaths(content: string, dir: string): SeparateBuild {
  const at = resolve(ROOT, dir);
  return { content: resolve(ROOT, content), dir: at, module: join(at, 'content.txt'), assets: join(at, 'assets'), config: join(at, 'wrangler.json') };
}

/** The content did not build: the message names the folder and lists the build's `file: field: message` lines. */
export class ContentBuildError extends Error {
  override name = 'ContentBuildError';
}

/** A path as messages show it: relative to the project root when inside it. */
export function shownPath(path: string): string {
  const inside = relative(ROOT, path);
  return inside.startsWith('..') ? path : inside || '.';
}

/** Runs the build CLI in the project root; rejects with its `file: field: message` lines. */
function runBuildCli(build: SeparateBuild, drafts: boolean): Promise<string> {
  // Only what this call asks for: a developer's EDGEWIRE_DEV, _DRAFTS or _CONTENT must not change it.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('EDGEWIRE_')));
  if (drafts) env.EDGEWIRE_DRAFTS = 'include';
  const args = ['--import', 'tsx', 'scripts/build.ts', '--content', build.content, '--out', build.module, '--assets', build.assets];
  return new Promise((done, fail) => {
    execFile(process.execPath, args, { cwd: ROOT, env }, (error, stdout, stderr) => {
      if (error) fail(new ContentBuildError(`the content build of ${shownPath(build.content)} failed:\n${stderr.trimEnd() || error.message}`));
      else done(stdout.trim());
    });
  });
}

/**
 * wrangler.toml as wrangler reads it, pointed at this build. Its only relative paths are `main`
 * and `[assets] directory`; both are made absolute here, as the config moves to `build.dir`.
 */
async function writeWranglerConfig(build: SeparateBuild): Promise<void> {
  // Loaded here, not on import: wrangler takes seconds to load, which a script's --help should not wait for.
  const { experimental_readRawConfig } = await import('wrangler');
  const { rawConfig } = experimental_readRawConfig({ config: join(ROOT, 'wrangler.toml') });
  const { build: _builtAlready, ...config } = rawConfig;
  if (config.main === undefined || config.assets === undefined) throw new Error('wrangler.toml: main and [assets] are required');
  // esbuild loads an aliased .txt itself, inlined into index.js; through a one-line module that
  // re-exports it, wrangler's module rules keep it a Text module of its own, as in a deploy.
  const reexport = join(build.dir, 'content.js');
  await writeFile(reexport, `export { default } from './content.txt';\n`);
  const pointed = { ...config, main: resolve(ROOT, config.main), assets: { ...config.assets, directory: build.assets }, alias: { ...config.alias, [INDEX_IMPORT]: reexport } };
  await writeFile(build.config, `${JSON.stringify(pointed, null, 2)}\n`);
}

/**
 * Builds `content` into `dir` (see separateBuildPaths) as `npm run build` would build it for a
 * deploy (drafts left out unless `drafts`), and writes its wrangler config. Same content, same
 * bytes; files already there and unchanged are left as they are. A fixture's pictures are made
 * first (fixture-pictures.ts).
 */
export async function buildSeparately(options: { content: string; dir: string; drafts?: boolean }): Promise<SeparateBuild & { output: string }> {
  const build = separateBuildPaths(options.content, options.dir);
  await makeFixturePictures(build.content);
  await mkdir(build.dir, { recursive: true });
  const output = await runBuildCli(build, options.drafts ?? false);
  await writeWranglerConfig(build);
  return { ...build, output };
}
