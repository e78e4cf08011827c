import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// What `npm install` brings, read from the lockfiles `npm ci` installs exactly.

const ROOT = join(import.meta.dirname, '../..');

/** Every install path of a lockfile (`node_modules/a/node_modules/b`), the project's own ('') left out. */
function installPaths(lockfile: string): string[] {
  const { packages } = JSON.parse(readFileSync(join(ROOT, lockfile), 'utf8')) as { packages: Record<string, unknown> };
  return Object.keys(packages).filter((path) => path !== '');
}

/** The package an install path holds: what follows its last `node_modules/`. */
const nameOf = (path: string): string => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);

const isRuntimeTool = (name: string): boolean => ['wrangler', 'miniflare', 'workerd'].includes(name) || name.startsWith('@cloudflare/workerd-');

/** The page checks' tools, and the browser driver Lighthouse brings with it. */
const PAGE_CHECK_TOOLS = ['axe-core', 'lighthouse', 'playwright-core', 'vnu-jar', 'puppeteer-core'];

describe('the project install (package-lock.json)', () => {
  const paths = installPaths('package-lock.json');

  it('has one copy of wrangler, miniflare and workerd: the tests run the workerd that dev and deploy use', () => {
    const runtime = paths.filter((path) => isRuntimeTool(nameOf(path)));
    expect(runtime.filter((path) => path !== `node_modules/${nameOf(path)}`)).toEqual([]);
    expect(runtime.filter((path) => !nameOf(path).startsWith('@cloudflare/workerd-'))).toEqual(['node_modules/miniflare', 'node_modules/workerd', 'node_modules/wrangler']);
  });

  it('has none of the page-check tools, which scripts/checks installs for itself', () => {
    expect(paths.filter((path) => PAGE_CHECK_TOOLS.includes(nameOf(path)))).toEqual([]);
    expect(installPaths('scripts/checks/package-lock.json').filter((path) => PAGE_CHECK_TOOLS.includes(nameOf(path))).sort()).toEqual(PAGE_CHECK_TOOLS.map((tool) => `node_modules/${tool}`).sort());
  });
});
