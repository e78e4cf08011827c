import { cp, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { serveProject, type Served } from '../../scripts/bench/served';

export type { Served };

const PROJECT = join(import.meta.dirname, '../..');

/** Bundles the project's content and serves it with `vars` over wrangler.toml's. */
export function serveBundle(vars: Readonly<Record<string, string>>): Promise<Served> {
  return serveProject(PROJECT, { vars });
}

/** What a build and bundle read from the project; node_modules is linked, not copied. */
const PROJECT_FILES = ['wrangler.toml', 'package.json', 'tsconfig.json', 'src', 'scripts'];

/**
 * Bundles and serves the articles in `<fixtureRoot>/content/articles` instead of the project's.
 * The build writes its output into the root it runs in (src/generated/, .edgewire/assets/), so
 * it runs in a scratch copy of the project holding those articles: the project's own generated
 * files, which the other suites read, are never touched.
 */
export async function serveFixture(fixtureRoot: string, vars: Readonly<Record<string, string>>): Promise<Served> {
  const root = await mkdtemp(join(tmpdir(), 'edgewire-fixture-'));
  const generated = join(PROJECT, 'src/generated');
  const notGenerated = (path: string) => path !== generated && !path.startsWith(generated + sep);
  for (const name of PROJECT_FILES) await cp(join(PROJECT, name), join(root, name), { recursive: true, filter: notGenerated });
  await symlink(join(PROJECT, 'node_modules'), join(root, 'node_modules'), 'dir');
  await cp(join(fixtureRoot, 'content'), join(root, 'content'), { recursive: true });
  const served = await serveProject(root, { vars }).catch(async (error: unknown) => {
    await rm(root, { recursive: true, force: true });
    throw error;
  });
  const stop = async () => {
    await served.stop();
    await rm(root, { recursive: true, force: true });
  };
  return { ...served, stop };
}
