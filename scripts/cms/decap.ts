/**
 * The editor's browser bundle: Decap CMS's prebuilt `dist/` (docs/CMS.md), fetched from the npm
 * registry as the package's tarball alone (`npm pack`: 16 MB, none of the 630 packages its
 * package.json lists for building it), checked against the integrity pinned here, and unpacked
 * into `.edgewire/cms/decap-cms-<version>/` without its source maps. The content build serves
 * what is there at `/admin/` (scripts/build/admin.ts); `npm run dev` and `npm run deploy` fetch
 * it first, and nothing else reaches the network.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { runCommand } from '../bench/processes';
import { DECAP, decapDir, isServed } from './release';

/** The bundle's folder, fetched and checked first if it is not there; or why it could not be. */
export async function ensureDecap(root: string): Promise<{ ok: true; dir: string } | { ok: false; message: string }> {
  const dir = decapDir(root);
  if (existsSync(join(dir, 'decap-cms.js'))) return { ok: true, dir };
  const work = join(root, '.edgewire/cms');
  await mkdir(work, { recursive: true });
  const temp = await mkdtemp(join(work, 'fetch-'));
  try {
    await runCommand('npm', ['pack', `decap-cms@${DECAP.version}`, '--pack-destination', temp, '--loglevel=error'], { cwd: temp });
    const tarball = join(temp, `decap-cms-${DECAP.version}.tgz`);
    const integrity = `sha512-${createHash('sha512').update(await readFile(tarball)).digest('base64')}`;
    if (integrity !== DECAP.integrity) return { ok: false, message: `decap-cms@${DECAP.version} from the registry is not the release pinned in scripts/cms/decap.ts (${integrity})` };
    await runCommand('tar', ['-xzf', tarball, '-C', temp, 'package/dist']);
    const dist = join(temp, 'package/dist');
    for (const name of await readdir(dist)) if (!isServed(name)) await rm(join(dist, name));
    await rm(dir, { recursive: true, force: true });
    await rename(dist, dir);
    return { ok: true, dir };
  } catch (error) {
    return { ok: false, message: `could not fetch decap-cms@${DECAP.version} (${error instanceof Error ? error.message.split('\n')[0] : String(error)})` };
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}
