/**
 * Peer (b), Astro SSR on Workers (bench/peers/astro): `astro` + `@astrojs/cloudflare`, one content
 * collection (glob loader over the seed articles), one on-demand route. Astro is heavy, so the peer
 * is its own package with its own lockfile, installed (`npm ci`) the first time the bench needs it
 * and again whenever its package.json or lockfile changes; the project's root package.json never
 * sees it. The build's output (dist/server: entry.mjs and its chunks, as `wrangler deploy` uploads
 * them with `no_bundle`) runs in the bench's workerd with the compatibility date, flags and
 * ASSETS binding the adapter's generated wrangler.json names.
 */
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { ensureInstalled } from '../../ensure-installed';
import { runCommand } from '../processes';
import { moduleType, type Binding, type Service, type WorkerModule } from '../workerd';

/** Astro 7 needs Node 22.12 or later; the bench runs under the project's Node 24. */
const MIN_NODE = [22, 12] as const;

/** What the adapter's generated dist/server/wrangler.json says about running the Worker. */
const generatedConfig = z.object({
  main: z.string(),
  compatibility_date: z.string(),
  compatibility_flags: z.array(z.string()),
  vars: z.record(z.string(), z.unknown()).default({}),
  assets: z.object({ binding: z.string(), directory: z.string() }).optional(),
  kv_namespaces: z.array(z.object({ binding: z.string() })).default([]),
});

function checkNode(): void {
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  if (major < MIN_NODE[0] || (major === MIN_NODE[0] && minor < MIN_NODE[1])) {
    throw new Error(`the Astro peer needs Node ${MIN_NODE.join('.')} or later to build (this is ${process.versions.node}): run the bench through npm scripts or npx, which use the project's Node`);
  }
}

/** Every module of the server output, the entry first; source maps and the generated config are not uploaded. */
async function serverModules(serverDir: string, main: string): Promise<WorkerModule[]> {
  const modules: WorkerModule[] = [];
  for (const name of (await readdir(serverDir, { recursive: true })).sort()) {
    const path = join(serverDir, name);
    if (name.endsWith('.map') || name === 'wrangler.json' || !(await stat(path)).isFile()) continue;
    modules.push({ name, path, type: moduleType(name) });
  }
  const entry = modules.find((module) => module.name === main);
  if (!entry) throw new Error(`${serverDir}: no ${main}, the generated wrangler.json's main`);
  return [entry, ...modules.filter((module) => module !== entry)];
}

/**
 * Installs (when needed) and builds the Astro peer over the articles in `contentDir`, writing the
 * output to `dir`; returns its workerd services (the Worker first, then its assets on disk).
 */
export async function buildAstro(root: string, dir: string, contentDir: string, progress: (message: string) => void): Promise<Service[]> {
  checkNode();
  const peer = join(root, 'bench/peers/astro');
  await ensureInstalled(peer, 'the Astro peer (astro, @astrojs/cloudflare)', progress);
  progress('astro: astro build');
  await rm(dir, { recursive: true, force: true });
  const env = { ...process.env, ASTRO_PEER_CONTENT: contentDir, ASTRO_TELEMETRY_DISABLED: '1', WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false' };
  await runCommand(process.execPath, [join(peer, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', dir], { cwd: peer, env });
  const serverDir = join(dir, 'server');
  const config = generatedConfig.parse(JSON.parse(await readFile(join(serverDir, 'wrangler.json'), 'utf8')));
  if (config.kv_namespaces.length > 0) {
    throw new Error(`the Astro build wants KV namespaces (${config.kv_namespaces.map((kv) => kv.binding).join(', ')}); bench/peers/astro/astro.config.mjs should keep sessions off`);
  }
  const bindings: Binding[] = Object.entries(config.vars).map(([name, value]) => ({ name, text: typeof value === 'string' ? value : JSON.stringify(value) }));
  const services: Service[] = [];
  if (config.assets) {
    bindings.push({ name: config.assets.binding, service: 'astro-assets' });
    services.push({ name: 'astro-assets', disk: resolve(serverDir, config.assets.directory) });
  }
  const worker = { modules: await serverModules(serverDir, config.main), compatibilityDate: config.compatibility_date, compatibilityFlags: config.compatibility_flags, bindings };
  return [{ name: 'astro', worker }, ...services];
}
