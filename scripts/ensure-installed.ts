/**
 * Folders with a package.json and lockfile of their own (the page checks' tools in scripts/checks,
 * the bench's Astro peer): tools too heavy for what a newsroom's `npm install` brings, installed
 * with `npm ci` where and when they are first used, and again whenever their lockfile changes.
 * `npm ci` in such a folder by hand (as CI does) counts as installed too: the test is npm's own
 * record of what it installed, not a stamp of ours.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { runCommand } from './bench/processes';

/** A lockfile's `packages`: install path → what is installed there. */
type Packages = Readonly<Record<string, { readonly optional?: boolean }>>;

async function packagesIn(lockfile: string): Promise<Packages | undefined> {
  if (!existsSync(lockfile)) return undefined;
  return (JSON.parse(await readFile(lockfile, 'utf8')) as { packages: Packages }).packages;
}

/**
 * Whether `folder/node_modules` holds exactly its lockfile's install: npm's record of the install
 * (node_modules/.package-lock.json) has every package of package-lock.json, entry for entry, but
 * for optional ones it skipped (another platform's binaries), and nothing else.
 */
export async function isInstalled(folder: string): Promise<boolean> {
  const wanted = await packagesIn(join(folder, 'package-lock.json'));
  if (wanted === undefined) throw new Error(`${folder}: no package-lock.json to install from`);
  const installed = await packagesIn(join(folder, 'node_modules/.package-lock.json'));
  if (installed === undefined) return false;
  const matches = ([path, entry]: [string, Packages[string]]): boolean =>
    path === '' || isDeepStrictEqual(installed[path], entry) || (entry.optional === true && installed[path] === undefined);
  return Object.entries(wanted).every(matches) && Object.keys(installed).every((path) => path in wanted);
}

/** `npm ci` in `folder` (from the npm registry) unless it is installed; `say` tells the reader why they wait. */
export async function ensureInstalled(folder: string, what: string, say: (message: string) => void): Promise<void> {
  if (await isInstalled(folder)) return;
  say(`installing ${what} into ${relative(process.cwd(), join(folder, 'node_modules')) || 'node_modules'} (npm ci: first use, or its lockfile changed)`);
  await runCommand('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: folder });
}
