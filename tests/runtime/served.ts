import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appServices, serve } from '../../scripts/bench/archive';
import { buildBundle, readProjectConfig, snapshotAssets } from '../../scripts/bench/bundle';
import { stopServer, type Server } from '../../scripts/bench/processes';

const ROOT = join(import.meta.dirname, '../..');

/** The project's deployable bundle (`wrangler deploy --dry-run`) served by workerd on 127.0.0.1. */
export interface Served {
  port: number;
  server: Server;
  stop(): Promise<void>;
}

/** Bundles the project's content and serves it with `vars` over wrangler.toml's. */
export async function serveBundle(vars: Readonly<Record<string, string>>): Promise<Served> {
  const scratch = await mkdtemp(join(tmpdir(), 'edgewire-runtime-'));
  const config = readProjectConfig(ROOT);
  const bundle = await buildBundle(ROOT, join(ROOT, 'content/articles'), join(scratch, 'dist'));
  const assets = config.assets === null ? null : await snapshotAssets(config.assets.directory, join(scratch, 'assets'));
  const services = appServices(bundle, { ...config, vars: { ...config.vars, ...vars } }, assets);
  const { server, ports } = await serve(join(scratch, 'workerd.capnp'), services, { app: '/' });
  return { port: ports.app!, server, stop: () => stopServer(server) };
}
