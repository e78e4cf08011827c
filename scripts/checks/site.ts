/**
 * The frame every page check runs in: the project's deployable bundle served by workerd on
 * 127.0.0.1 (SITE_URL set to that origin), the pages to check found on it, the check run, and
 * the server stopped on every way out (end, error, Ctrl-C). Reports the time the whole run took.
 */
import { resolve } from 'node:path';
import { runMain } from '../bench/processes';
import type { Served } from '../bench/served';
import { findPages, withdrawnSlugs, type CheckedPage } from './pages';

export const ROOT = resolve(import.meta.dirname, '../..');

export interface Site {
  origin: string;
  pages: CheckedPage[];
}

/** Progress on stderr, so stdout holds only the report. */
export const progress = (name: string) => (message: string) => console.error(`${name}: ${message}`);

/**
 * Serves the site, runs `check` on it and exits with the check's answer: true (passed) → 0,
 * false → 1. A thrown error is a failure too (exit 1).
 */
export async function runOnSite(name: string, check: (site: Site) => Promise<boolean>): Promise<void> {
  const say = progress(name);
  const started = performance.now();
  let served: Served | undefined;
  await runMain(
    async () => {
      say('building and serving the Worker (wrangler deploy --dry-run, workerd)');
      // Loaded here, not on import: it loads wrangler (seconds), which `--help` should not wait for.
      const { serveProject } = await import('../bench/served');
      served = await serveProject(ROOT, { ownOrigin: true });
      const pages = await findPages(served.origin, await withdrawnSlugs(ROOT));
      say(`serving ${served.origin}; pages: ${pages.map((page) => page.path).join(' ')}`);
      const passed = await check({ origin: served.origin, pages });
      if (!passed) process.exitCode = 1;
    },
    async () => {
      await served?.stop();
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
