import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildBundle, readProjectConfig } from '../../scripts/bench/bundle';
import { freePort, stopServer, type Server } from '../../scripts/bench/processes';
import { moduleType, startWorkerd, waitUntilServing, writeConfig } from '../../scripts/bench/workerd';

const ROOT = join(import.meta.dirname, '../..');

/** The project's deployable bundle (`wrangler deploy --dry-run`) served by workerd on 127.0.0.1. */
export interface Served {
  port: number;
  server: Server;
  stop(): Promise<void>;
}

/** Bundles the project's content and serves it with `vars` in place of wrangler.toml's. */
export async function serveBundle(vars: Readonly<Record<string, string>>): Promise<Served> {
  const scratch = await mkdtemp(join(tmpdir(), 'edgewire-runtime-'));
  const bundle = await buildBundle(ROOT, join(ROOT, 'content/articles'), join(scratch, 'dist'));
  const config = readProjectConfig(ROOT);
  const main = bundle.modules.find((module) => module.name === 'index.js');
  if (main === undefined || config.assets === null) throw new Error('the bundle has no index.js, or wrangler.toml no [assets]');
  const modules = [main, ...bundle.modules.filter((module) => module !== main)].map((module) => ({ ...module, type: moduleType(module.name) }));
  const bindings = [...Object.entries({ ...config.vars, ...vars }).map(([name, text]) => ({ name, text })), { name: config.assets.binding, service: 'assets' }];
  const port = await freePort();
  const configPath = join(scratch, 'workerd.capnp');
  await writeConfig(
    configPath,
    [
      { name: 'app', worker: { modules, compatibilityDate: config.compatibilityDate, compatibilityFlags: config.compatibilityFlags, bindings } },
      { name: 'assets', disk: config.assets.directory },
    ],
    [{ service: 'app', port }],
  );
  const server = startWorkerd(configPath);
  await waitUntilServing(server, port, '/');
  return { port, server, stop: () => stopServer(server) };
}
