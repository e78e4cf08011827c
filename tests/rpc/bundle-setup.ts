/**
 * Vitest global setup of the rpc project: edgewire bundled as it deploys
 * (`wrangler deploy --dry-run`) with a snapshot of its static assets, handed to the project's
 * config (`provide`), where it becomes the auxiliary Worker the consumer binds to.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildBundle, readProjectConfig, snapshotAssets } from '../../scripts/bench/bundle';
import { moduleType } from '../../scripts/bench/workerd';

const PROJECT = join(import.meta.dirname, '../..');

/** The deployable edgewire Worker: bundle files, assets directory, and wrangler.toml settings. */
export interface EdgewireBundle {
  /** The directory module names are relative to (wrangler's outdir). */
  modulesRoot: string;
  modules: { path: string; type: ReturnType<typeof moduleType> }[];
  assets: string;
  compatibilityDate: string;
  compatibilityFlags: string[];
  vars: Record<string, string>;
}

declare module 'vitest' {
  export interface ProvidedContext {
    edgewire: EdgewireBundle;
  }
}

export default async function bundleEdgewire(project: TestProject): Promise<() => Promise<void>> {
  const scratch = await mkdtemp(join(tmpdir(), 'edgewire-rpc-'));
  const config = readProjectConfig(PROJECT);
  if (config.assets === null) throw new Error('wrangler.toml has no [assets]: the Worker reads its bodies from them');
  const modulesRoot = join(scratch, 'dist');
  const bundle = await buildBundle(PROJECT, join(PROJECT, 'content'), modulesRoot);
  const assets = await snapshotAssets(config.assets.directory, join(scratch, 'assets'));
  if (assets === null) throw new Error(`${config.assets.directory}: no static assets; run the content build`);
  // The entry module first: workerd runs the first module.
  const modules = bundle.modules.map(({ name, path }) => ({ path, type: moduleType(name) })).sort((a, b) => Number(b.type === 'esModule') - Number(a.type === 'esModule'));
  const { compatibilityDate, compatibilityFlags, vars } = config;
  project.provide('edgewire', { modulesRoot, modules, assets: assets.directory, compatibilityDate, compatibilityFlags, vars });
  return () => rm(scratch, { recursive: true, force: true });
}
