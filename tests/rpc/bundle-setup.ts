/**
 * Vitest global setup of the rpc project: edgewire serving the seed fixture, bundled as it deploys
 * (`wrangler deploy --dry-run`) with the fixture's body files as its static assets, handed to the
 * project's config (`provide`), where it becomes the auxiliary Worker the consumer binds to.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildBundle, readProjectConfig } from '../../scripts/bench/bundle';
import { moduleType } from '../../scripts/bench/workerd';
import { ROOT } from '../../scripts/separate-build';
import { buildFixture } from '../fixtures/corpora';

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
  const fixture = await buildFixture('seed');
  const scratch = await mkdtemp(join(tmpdir(), 'edgewire-rpc-'));
  const config = readProjectConfig(fixture.dir, 'wrangler.json');
  const modulesRoot = join(scratch, 'dist');
  const bundle = await buildBundle(ROOT, fixture.content, modulesRoot, fixture.config);
  // The entry module first: workerd runs the first module.
  const modules = bundle.modules.map(({ name, path }) => ({ path, type: moduleType(name) })).sort((a, b) => Number(b.type === 'esModule') - Number(a.type === 'esModule'));
  const { compatibilityDate, compatibilityFlags, vars } = config;
  project.provide('edgewire', { modulesRoot, modules, assets: fixture.assets, compatibilityDate, compatibilityFlags, vars });
  return () => rm(scratch, { recursive: true, force: true });
}
