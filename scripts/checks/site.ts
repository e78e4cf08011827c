/**
 * The frame every page check runs in: the checks' tools installed (on first use), a content folder
 * (the newsroom fixture unless `--content` names another) built apart from the project's own build, its
 * deployable bundle served by workerd on 127.0.0.1 (SITE_URL set to that origin), the pages to
 * check found on it, the check run, and the server stopped and the build removed on every way out
 * (end, error, Ctrl-C). Reports the time the whole run took.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runMain } from '../bench/processes';
import type { Served } from '../bench/served';
import { ensureInstalled } from '../ensure-installed';
import { findPages, withdrawnSlugs, type CheckedPage } from './pages';

export const ROOT = resolve(import.meta.dirname, '../..');
/** The checks' own package (package.json, lockfile): their tools, which the project's `npm install` does not bring. */
export const CHECKS = import.meta.dirname;

/**
 * What the checks look at unless told otherwise: the newsroom fixture, a site with every kind of
 * page (sections, authors, corrections, a withdrawal, static pages), the same whatever `content/` holds.
 */
const FIXTURE_CONTENT = 'tests/fixtures/newsroom/content';

/** The `--content` option of every page check (parseArgs). */
export const CONTENT_OPTION = { content: { type: 'string', default: FIXTURE_CONTENT } } as const;

/** Its lines in a check's usage (whose option descriptions start at column 19, as here). */
export const CONTENT_USAGE = `  --content <dir>  the content folder to build and check (default: the newsroom fixture,
                   ${FIXTURE_CONTENT}; a newsroom's own articles: --content content)`;

export interface Site {
  origin: string;
  pages: CheckedPage[];
  /** The build's static-assets folder (the pictures' originals are under p/). */
  assets: string;
}

/** Progress on stderr, so stdout holds only the report. */
export const progress = (name: string) => (message: string) => console.error(`${name}: ${message}`);

/**
 * Serves the site, runs `check` on it and exits with the check's answer: true (passed) → 0,
 * false → 1. A thrown error is a failure too (exit 1).
 */
export async function runOnSite(name: string, content: string, check: (site: Site) => Promise<boolean>): Promise<void> {
  const say = progress(name);
  const started = performance.now();
  const folder = resolve(content);
  let scratch: string | undefined;
  let served: Served | undefined;
  await runMain(
    async () => {
      await ensureInstalled(CHECKS, 'the page-check tools (Playwright, axe-core, Lighthouse, the Nu HTML Checker)', say);
      // Loaded here, not on import: they load wrangler (seconds), which `--help` should not wait for.
      const [{ buildSeparately, ContentBuildError, shownPath }, { serveBuild }] = await Promise.all([import('../separate-build'), import('../bench/served')]);
      say(`building ${shownPath(folder)}, bundling and serving the Worker (wrangler deploy --dry-run, workerd)`);
      scratch = await mkdtemp(join(tmpdir(), 'edgewire-check-'));
      const build = await buildSeparately({ content: folder, dir: scratch }).catch((error: unknown) => {
        if (!(error instanceof ContentBuildError)) throw error;
        say(error.message);
        return null;
      });
      if (build === null) return void (process.exitCode = 1);
      say(build.output);
      served = await serveBuild(build, { ownOrigin: true });
      const pages = await findPages(served.origin, await withdrawnSlugs(build.module, build.assets));
      say(`serving ${served.origin}; pages: ${pages.map((page) => page.path).join(' ')}`);
      const passed = await check({ origin: served.origin, pages, assets: build.assets });
      if (!passed) process.exitCode = 1;
    },
    async () => {
      await served?.stop();
      if (scratch !== undefined) await rm(scratch, { recursive: true, force: true });
      say(`took ${((performance.now() - started) / 1000).toFixed(1)} s`);
    },
    say,
  );
}

/** Rows as a plain-text table, columns padded to their widest cell. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}
