/**
 * An archive ready to serve, shared by `npm run bench` and `npm run load`: the real content plus
 * N synthetic articles, built, bundled as `wrangler deploy --dry-run` writes it, and served by
 * wrangler's workerd; and the project's own build put back afterwards.
 */
import { cp } from 'node:fs/promises';
import { join } from 'node:path';
import { BUILD_NODE_OPTIONS } from '../build/cli';
import { buildBundle, runContentBuild, snapshotAssets, type AssetsSnapshot, type Bundle, type ContentBuild, type ProjectConfig } from './bundle';
import { addToFolder, corpusFiles, scheduledFiles } from './corpus';
import type { ImagesService } from './images-service';
import { editOneArticle } from './edit';
import { freePort, runCommand, type Server } from './processes';
import { moduleType, startWorkerd, waitUntilServing, writeConfig, type Service, type Worker } from './workerd';

export interface Archive {
  /** The content folder built (articles in its `articles/`): a copy of the project's, plus the synthetic articles. */
  contentDir: string;
  build: ContentBuild;
  bundle: Bundle;
  assets: AssetsSnapshot | null;
  /** The app Worker and its assets, as workerd services. */
  services: Service[];
}

/**
 * Builds the real content plus `synthetic` generated articles (and `scheduled` ones, each released
 * at an instant of its own in 2099) in `dir`, bundles it and snapshots its assets, each build stopped after `timeoutMs` if given. The real articles are newer than every synthetic one, so the newest article is the
 * same at every size. The content is always a copy, so an edit (`rebuildAfterEdit`) never touches
 * the project's own.
 */
export async function buildArchive(root: string, dir: string, synthetic: number, config: ProjectConfig, progress: (message: string) => void, timeoutMs?: number, scheduled = 0): Promise<Archive> {
  const contentDir = join(dir, 'content');
  progress(synthetic > 0 ? 'writing the corpus' : 'copying the content');
  await cp(join(root, 'content'), contentDir, { recursive: true });
  if (synthetic > 0) await addToFolder(join(contentDir, 'articles'), corpusFiles(synthetic));
  // Stories still to come (issue 19): served as the archive is before the first of them goes live.
  if (scheduled > 0) await addToFolder(join(contentDir, 'articles'), scheduledFiles(scheduled));
  progress('content build');
  const build = await runContentBuild(root, contentDir, dir, timeoutMs);
  progress(build.output);
  progress('wrangler deploy --dry-run');
  const bundle = await buildBundle(root, contentDir, join(dir, 'dist'), undefined, timeoutMs);
  const assets = config.assets ? await snapshotAssets(config.assets.directory, join(dir, 'assets')) : null;
  return { contentDir, build, bundle, assets, services: appServices(bundle, config, assets) };
}

/** The one-edit rebuild: one article of the archive's content edited, then built again over the last build's output. */
export async function rebuildAfterEdit(root: string, dir: string, contentDir: string, progress: (message: string) => void, timeoutMs?: number): Promise<{ file: string; build: ContentBuild }> {
  const file = await editOneArticle(join(contentDir, 'articles'));
  progress(`one edit (${file}): content build`);
  const build = await runContentBuild(root, contentDir, dir, timeoutMs);
  progress(build.output);
  return { file, build };
}

/** The app Worker: the bundle's modules, wrangler.toml's date, flags and vars, and the assets on disk. */
export function appServices(bundle: Bundle, config: ProjectConfig, assets: AssetsSnapshot | null, images?: ImagesService): Service[] {
  const main = bundle.modules.find((module) => module.name === 'index.js');
  if (!main) throw new Error('the bundle has no index.js');
  const modules = [main, ...bundle.modules.filter((module) => module !== main)].map((module) => ({ ...module, type: moduleType(module.name) }));
  const worker: Worker = {
    modules,
    compatibilityDate: config.compatibilityDate,
    compatibilityFlags: config.compatibilityFlags,
    bindings: Object.entries(config.vars).map(([name, text]) => ({ name, text })),
  };
  // The Images binding as workerd's own module wraps it, its calls sent to `images` (images-service.ts).
  const imagesServices: Service[] = config.images === null || images === undefined ? [] : [{ name: 'images', external: images.address }];
  if (imagesServices.length > 0) worker.bindings.push({ name: config.images!, wrapped: { module: 'cloudflare-internal:images-api', inner: { name: 'fetcher', service: 'images' } } });
  if (!config.assets || !assets) return [{ name: 'app', worker }, ...imagesServices];
  worker.bindings.push({ name: config.assets.binding, service: 'assets' });
  return [{ name: 'app', worker }, { name: 'assets', disk: assets.directory }, ...imagesServices];
}

/**
 * Starts workerd on a fresh config serving `services`, one port per socket (those in `chosen`, a
 * free one for the rest), and waits for each to answer its probe path. `logFile` gets everything
 * workerd prints.
 */
export async function serve(configPath: string, services: readonly Service[], probes: Record<string, string>, logFile?: string, chosen: Readonly<Record<string, number>> = {}): Promise<{ server: Server; ports: Record<string, number> }> {
  const ports: Record<string, number> = {};
  for (const name of Object.keys(probes)) ports[name] = chosen[name] ?? (await freePort());
  await writeConfig(configPath, services, Object.entries(ports).map(([service, port]) => ({ service, port })));
  const server = startWorkerd(configPath, logFile);
  for (const [name, path] of Object.entries(probes)) await waitUntilServing(server, ports[name]!, path);
  return { server, ports };
}

/** Puts the project's generated files back as its real content builds them. */
export async function restoreProjectBuild(root: string, progress: (message: string) => void): Promise<void> {
  const { EDGEWIRE_CONTENT: _, ...env } = process.env;
  await runCommand(process.execPath, [...BUILD_NODE_OPTIONS, '--import', 'tsx', 'scripts/build.ts'], { cwd: root, env }).catch((error: unknown) => {
    progress(`restoring the real content build failed: ${error instanceof Error ? error.message : error}`);
  });
}
