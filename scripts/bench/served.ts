/**
 * A separate content build (scripts/separate-build.ts: a fixture, or the content a check is asked
 * to look at) as it deploys (`wrangler deploy --dry-run`), served by wrangler's workerd on
 * 127.0.0.1: for the runtime tests and the page checks, which need real HTTP.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appServices, serve } from './archive';
import { buildBundle, readProjectConfig, snapshotAssets } from './bundle';
import { startImagesService } from './images-service';
import { freePort, stopServer, type Server } from './processes';
import { ROOT, type SeparateBuild } from '../separate-build';

export interface Served {
  port: number;
  /** `http://127.0.0.1:<port>`. */
  origin: string;
  server: Server;
  /** Stops workerd and removes the scratch directory. */
  stop(): Promise<void>;
}

export interface ServeOptions {
  /** Vars over wrangler.toml's. */
  vars?: Readonly<Record<string, string>>;
  /**
   * SITE_URL set to the served origin, so every absolute URL a page names (stylesheet, canonical,
   * links) points back at this server, as it does in production; a browser loads nothing elsewhere.
   */
  ownOrigin?: boolean;
}

/** Bundles `build` and serves it (with a copy of its body files, whatever later builds do to them). */
export async function serveBuild(build: SeparateBuild, { vars = {}, ownOrigin = false }: ServeOptions = {}): Promise<Served> {
  const scratch = await mkdtemp(join(tmpdir(), 'edgewire-served-'));
  const config = readProjectConfig(build.dir, 'wrangler.json');
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const bundle = await buildBundle(ROOT, build.content, join(scratch, 'dist'), build.config);
  const assets = await snapshotAssets(build.assets, join(scratch, 'assets'));
  const siteUrl = ownOrigin ? { SITE_URL: origin } : {};
  // The pictures' variants are made on request: the Images binding needs its service (sharp, here).
  const images = config.images === null ? undefined : await startImagesService();
  const services = appServices(bundle, { ...config, vars: { ...config.vars, ...siteUrl, ...vars } }, assets, images);
  const { server } = await serve(join(scratch, 'workerd.capnp'), services, { app: '/' }, undefined, { app: port });
  const stop = async () => {
    await stopServer(server);
    await images?.close();
    await rm(scratch, { recursive: true, force: true });
  };
  return { port, origin, server, stop };
}
