/**
 * `npm run bench`: how the content build, the bundle, startup and serving scale with the size of
 * the archive. For each N it builds a corpus (N=1: the real content), times the build, measures
 * the bundle, then serves it from workerd beside a constant-response "floor" Worker and loads
 * both in alternation with autocannon (and nginx with the same bodies, when installed).
 * Progress goes to stderr, the report to stdout; see scripts/bench/ for each step.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildBundle, readProjectConfig, runContentBuild, snapshotAssets, type AssetsSnapshot, type Bundle, type ProjectConfig } from './bench/bundle';
import { chartSvg } from './bench/chart';
import { generateCorpus, writeCorpus } from './bench/corpus';
import { floorModule, floorRoute } from './bench/floor';
import { compareTargets, runLoad, type LoadOptions, type Target } from './bench/load';
import { findNginx, startNginx } from './bench/nginx';
import { freePort, killAllServers, runCommand, stopServer, type Server } from './bench/processes';
import { finalReport, machineReport, sizeReport } from './bench/report';
import type { BenchResults, Machine, RouteResult, SizeResult } from './bench/results';
import { discoverRoutes, verifyMirror, type ProbedRoute } from './bench/routes';
import { memoryOf, moduleType, startWorkerd, timeStartup, waitUntilServing, WORKERD, writeConfig, type Memory, type Service, type Worker } from './bench/workerd';

const ROOT = resolve(import.meta.dirname, '..');
const REAL_CONTENT = join(ROOT, 'content/articles');
const STARTUP_RUNS = 5;
const WARMUP_SECONDS = 1;

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1,100,1000,10000' },
    duration: { type: 'string', default: '5' },
    rounds: { type: 'string', default: '3' },
    connections: { type: 'string', default: '32' },
    chart: { type: 'string', default: 'docs/performance.svg' },
    json: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});

function positiveInteger(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a whole number ≥ 1, not ${text}`);
  return value;
}

const sizes = [...new Set(values.sizes.split(',').map((size) => positiveInteger('sizes', size.trim())))].sort((a, b) => a - b);
const load: LoadOptions = {
  duration: positiveInteger('duration', values.duration),
  rounds: positiveInteger('rounds', values.rounds),
  connections: positiveInteger('connections', values.connections),
  warmup: WARMUP_SECONDS,
};
const nginx = findNginx();
const tmp = mkdtempSync(join(tmpdir(), 'edgewire-bench-'));
const progress = (message: string): void => console.error(`[bench] ${message}`);

function machine(): Machine {
  const require = createRequire(import.meta.url);
  const autocannonPackage: unknown = require('autocannon/package.json');
  const autocannonVersion = typeof autocannonPackage === 'object' && autocannonPackage !== null && 'version' in autocannonPackage ? String(autocannonPackage.version) : '?';
  const nginxVersion = nginx ? spawnSync(nginx, ['-v'], { encoding: 'utf8' }).stderr.trim().replace(/^nginx version: /, '') : null;
  return {
    cpu: cpus()[0]?.model ?? 'unknown CPU',
    cores: cpus().length,
    memoryBytes: totalmem(),
    node: process.version,
    workerd: WORKERD.version,
    autocannon: autocannonVersion,
    nginx: nginxVersion,
  };
}

/** The app Worker: the bundle's modules, wrangler.toml's date, flags and vars, and the assets on disk. */
function appServices(bundle: Bundle, config: ProjectConfig, assets: AssetsSnapshot | null): Service[] {
  const main = bundle.modules.find((module) => module.name === 'index.js');
  if (!main) throw new Error('the bundle has no index.js');
  const modules = [main, ...bundle.modules.filter((module) => module !== main)].map((module) => ({ ...module, type: moduleType(module.name) }));
  const worker: Worker = {
    modules,
    compatibilityDate: config.compatibilityDate,
    compatibilityFlags: config.compatibilityFlags,
    bindings: Object.entries(config.vars).map(([name, text]) => ({ name, text })),
  };
  if (!config.assets || !assets) return [{ name: 'app', worker }];
  worker.bindings.push({ name: config.assets.binding, service: 'assets' });
  return [{ name: 'app', worker }, { name: 'assets', disk: assets.directory }];
}

function floorService(floorPath: string, config: ProjectConfig): Service {
  return {
    name: 'floor',
    worker: { modules: [{ name: 'floor.js', path: floorPath, type: 'esModule' }], compatibilityDate: config.compatibilityDate, compatibilityFlags: [], bindings: [] },
  };
}

/** Starts workerd on a fresh config serving `services`, one port per socket, and waits for each. */
async function serve(configPath: string, services: readonly Service[], probes: Record<string, string>): Promise<{ server: Server; ports: Record<string, number> }> {
  const ports: Record<string, number> = {};
  for (const name of Object.keys(probes)) ports[name] = await freePort();
  await writeConfig(configPath, services, Object.entries(ports).map(([service, port]) => ({ service, port })));
  const server = startWorkerd(configPath);
  for (const [name, path] of Object.entries(probes)) await waitUntilServing(server, ports[name]!, path);
  return { server, ports };
}

/** Loads every route on app, floor and (article routes) nginx; returns the runs and the app's memory after. */
async function measureRoutes(dir: string, services: readonly Service[], routes: readonly ProbedRoute[]) {
  const { server, ports } = await serve(join(dir, 'load.capnp'), services, { app: '/api/articles', floor: `/${routes[0]!.name}` });
  const mirrored = routes.filter((route) => route.article);
  let nginxServer: Server | null = null;
  try {
    for (const route of routes) await verifyMirror(ports.floor!, `/${route.name}`, route, 'the floor');
    const nginxPort = nginx ? await freePort() : 0;
    if (nginx) {
      const files = mirrored.map((route) => ({ name: route.name, body: route.response.body, contentType: String(route.response.headers['content-type']) }));
      nginxServer = await startNginx(nginx, join(dir, 'nginx'), nginxPort, files);
      for (const route of mirrored) await verifyMirror(nginxPort, `/${route.name}`, route, 'nginx');
    }
    const results: RouteResult[] = [];
    for (const route of routes) {
      progress(`  load: ${route.label}`);
      const targets: Target[] = [
        { name: 'app', port: ports.app!, path: route.path },
        { name: 'floor', port: ports.floor!, path: `/${route.name}` },
      ];
      if (nginxServer && route.article) targets.push({ name: 'nginx', port: nginxPort, path: `/${route.name}` });
      const runs = await compareTargets(targets, route.headers, route.status, load);
      results.push({ name: route.name, label: route.label, article: route.article, status: route.status, bodyBytes: route.response.body.byteLength, runs: Object.fromEntries(runs) });
    }
    return { routes: results, memory: await memoryOf(server.child.pid) };
  } finally {
    if (nginxServer) await stopServer(nginxServer);
    await stopServer(server);
  }
}

/** Startup of an app-only and a floor-only workerd, alternating, `STARTUP_RUNS` times each. */
async function measureStartup(dir: string, app: readonly Service[], floor: Service, route: ProbedRoute) {
  const appMs: number[] = [];
  const floorMs: number[] = [];
  for (let run = 0; run < STARTUP_RUNS; run++) {
    const appPort = await freePort();
    await writeConfig(join(dir, 'startup-app.capnp'), app, [{ service: 'app', port: appPort }]);
    appMs.push(await timeStartup(join(dir, 'startup-app.capnp'), appPort, route.path));
    const floorPort = await freePort();
    await writeConfig(join(dir, 'startup-floor.capnp'), [floor], [{ service: 'floor', port: floorPort }]);
    floorMs.push(await timeStartup(join(dir, 'startup-floor.capnp'), floorPort, `/${route.name}`));
  }
  return { appMs, floorMs };
}

/** Memory of a workerd serving one Worker alone, after one load run of `route` on it. */
async function loadedMemory(dir: string, services: readonly Service[], path: string, route: ProbedRoute): Promise<Memory | null> {
  const name = services[0]!.name;
  const { server, ports } = await serve(join(dir, `memory-${name}.capnp`), services, { [name]: path });
  try {
    await runLoad({ name, port: ports[name]!, path }, route.headers, route.status, load.connections, load.duration);
    return await memoryOf(server.child.pid);
  } finally {
    await stopServer(server);
  }
}

async function benchSize(size: number, config: ProjectConfig): Promise<SizeResult> {
  const dir = join(tmp, `n${size}`);
  await mkdir(dir, { recursive: true });
  const contentDir = size === 1 ? REAL_CONTENT : join(dir, 'content');
  if (size !== 1) {
    progress(`N=${size}: writing the corpus`);
    await writeCorpus(contentDir, generateCorpus(size));
  }
  progress(`N=${size}: content build`);
  const build = await runContentBuild(ROOT, contentDir, dir);
  progress(`N=${size}: ${build.output}`);
  progress(`N=${size}: wrangler deploy --dry-run`);
  const bundle = await buildBundle(ROOT, contentDir, join(dir, 'dist'));
  const assets = config.assets ? await snapshotAssets(config.assets.directory, join(dir, 'assets')) : null;
  const app = appServices(bundle, config, assets);

  const discovery = await serve(join(dir, 'discover.capnp'), app, { app: '/api/articles' });
  const routes = await discoverRoutes(discovery.ports.app!).finally(() => stopServer(discovery.server));
  const floorPath = join(dir, 'floor.js');
  await writeFile(floorPath, floorModule(routes.map((route) => floorRoute(`/${route.name}`, route.response))));
  const floor = floorService(floorPath, config);

  const measured = await measureRoutes(dir, [...app, floor], routes);
  progress(`N=${size}: startup and memory`);
  const startup = await measureStartup(dir, app, floor, routes[0]!);
  const memory = {
    app: await loadedMemory(dir, app, routes[0]!.path, routes[0]!),
    floor: await loadedMemory(dir, [floor], `/${routes[0]!.name}`, routes[0]!),
    shared: measured.memory,
  };
  const articles = build.output.match(/Built (\d+) article/)?.[1];
  return {
    size,
    articles: articles ? Number(articles) : size,
    build,
    bundle: { seconds: bundle.seconds, modules: bundle.modules.length, rawBytes: bundle.rawBytes, gzipBytes: bundle.gzipBytes, wranglerTotal: bundle.wranglerTotal },
    assets: assets && { files: assets.files, bytes: assets.bytes },
    startup,
    memory,
    routes: measured.routes,
  };
}

/** Puts the project's generated files back as the real content builds them. */
async function restoreProjectBuild(): Promise<void> {
  const { EDGEWIRE_CONTENT: _, ...env } = process.env;
  await runCommand(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], { cwd: ROOT, env }).catch((error: unknown) => {
    console.error(`[bench] restoring the real content build failed: ${error instanceof Error ? error.message : error}`);
  });
}

let cleaning: Promise<void> | undefined;
/** Stops every server, removes the temp dir (unless --keep) and restores the project's build; once. */
function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    killAllServers();
    if (values.keep) progress(`kept ${tmp}`);
    else await rm(tmp, { recursive: true, force: true });
    await restoreProjectBuild();
  })();
  return cleaning;
}

async function main(): Promise<void> {
  const results: BenchResults = { machine: machine(), options: { sizes, ...load }, sizes: [] };
  console.log(`# edgewire benchmark\n\n${machineReport(results.machine)}`);
  console.log(`Load: autocannon, ${load.connections} connections, ${load.duration} s × ${load.rounds} round(s) per target, alternating\n`);
  const config = readProjectConfig(ROOT);
  for (const size of sizes) {
    const result = await benchSize(size, config);
    results.sizes.push(result);
    console.log(`${sizeReport(result)}\n`);
  }
  console.log(finalReport(results));
  const chart = resolve(ROOT, values.chart);
  await mkdir(dirname(chart), { recursive: true });
  await writeFile(chart, chartSvg(results.sizes));
  progress(`chart: ${chart}`);
  if (values.json) {
    await writeFile(resolve(values.json), `${JSON.stringify(results, null, 2)}\n`);
    progress(`results: ${resolve(values.json)}`);
  }
}

process.on('exit', killAllServers);
let interrupted = false;
// Cleanup stays asynchronous: tsx kills a child whose signal handler blocks.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    progress(`${signal}: stopping`);
    void cleanUp().finally(() => process.exit(130));
  });
}
try {
  await main();
} catch (error) {
  if (!interrupted) console.error(error);
  process.exitCode = 1;
} finally {
  await cleanUp();
}
