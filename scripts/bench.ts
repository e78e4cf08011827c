/**
 * `npm run bench`: how the content build, the bundle, startup and serving scale with the size of
 * the archive. For each N it builds a corpus (N=1: the real content), times the build, measures
 * the bundle, then serves it from workerd beside a constant-response "floor" Worker and loads
 * both in alternation with wrk or autocannon (and nginx with the same bodies, when installed).
 * Progress goes to stderr, the report to stdout; see scripts/bench/ for each step.
 */
import { mkdtempSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { AssetsSnapshot, ProjectConfig } from './bench/bundle';
import type { Peer } from './bench/peers';
import type { FloorKind } from './bench/floor';
import type { IsolateHeap } from './bench/heap';
import type { InstructionTarget, TargetCounts, TargetRequest } from './bench/instructions';
import type { LoadOptions, Run, Target } from './bench/load';
import type { Server } from './bench/processes';
import type { Archive } from './bench/archive';
import type { BenchResults, InstructionResults, InstructionRoute, InstructionSize, RouteResult, ScaleFigures, SizeResult } from './bench/results';
import type { ProbedRoute } from './bench/routes';
import type { Memory, Service } from './bench/workerd';
import { parseCommandLine, usageError, type Command } from './cli';

const ROOT = resolve(import.meta.dirname, '..');
const STARTUP_RUNS = 5;
const WARMUP_SECONDS = 1;
/** Requests per route before counting instructions: V8 has compiled the hot code by then. */
const INSTRUCTION_WARMUP = 200;
/**
 * The secondary load runs of `--instructions`, outside valgrind: short, so that a size stays at a
 * few minutes (req/s here swing 15–30 % between identical runs; the counts are the measure).
 */
const SECONDARY_LOAD = { duration: 2, rounds: 3, warmup: 1 };
/**
 * How long a target's workerd may take to start under callgrind, per article in the archive on
 * top of a base: valgrind translates workerd and V8 parses the content module at some 50× slower.
 */
const CALLGRIND_START_MS = { base: 180_000, perArticle: 30 };
/**
 * Targets counted at once. Callgrind counts each process's own instructions, whatever else runs,
 * so they go side by side, one per core (valgrind runs a process's threads one at a time).
 */
const CALLGRIND_CONCURRENCY = cpus().length;

const BENCH: Command = {
  name: 'bench',
  usage: `usage: npm run bench [-- <options>]

Builds, bundles, starts and loads the Worker at each archive size, beside a constant-response
floor Worker (and nginx, when installed). The report goes to stdout, progress to stderr.
  --sizes <n,n,…>          archive sizes in articles (default: 1,100,1000,10000)
  --duration <seconds>     length of one load run (default: 3)
  --rounds <n>             load runs per target, alternating (default: 5)
  --connections <n>        concurrent connections (default: 32)
  --tool <wrk|autocannon>  load generator (default: wrk when installed, else autocannon)
  --chart <file.svg>       where to write the chart (default: docs/performance.svg, or
                           docs/performance-instructions.svg with --instructions)
  --json <file>            also write the results as JSON
  --report <file>          the report and chart of an earlier --json (of either mode), measuring nothing
  --instructions           instead of load, count the instructions workerd executes per request
                           (valgrind's callgrind, V8 --single-threaded) for the app, the bare
                           floor (Content-Type only) and the headers floor (the app's headers as
                           one pre-built Headers object): --rounds rounds of --requests sequential
                           keep-alive requests per route after ${INSTRUCTION_WARMUP} to warm up; needs valgrind.
                           Then, outside valgrind, ${SECONDARY_LOAD.duration} s × ${SECONDARY_LOAD.rounds} rounds of load per target and
                           route (after ${SECONDARY_LOAD.warmup} s to warm up) for req/s and p50/p99, secondary figures.
                           Per size it also reports: the content build (wall and CPU seconds, peak RSS,
                           asset files written and removed) and the rebuilds after one article's body is
                           edited (--edits of them, and their median); the bundle raw and gzip; the
                           asset files, their bytes and the largest;
                           instructions from process start until workerd listens and of each route's
                           first request (cold: the index's directory, a shard, a body file); means and
                           medians per request; each isolate's V8 heap after ${INSTRUCTION_WARMUP} requests per route
                           (workerd's inspector). Issue-style figures: --requests 1000 --rounds 3.
                           A size whose build fails (a platform limit, memory) is reported as such; set
                           EDGEWIRE_PLAN=paid for archives past the Free plan's file limit.
                           The peer designs (bench/peers: a naive Hono Worker, Astro SSR) are built
                           once (npm ci in bench/peers/astro the first time) and counted at every size
  --skip-peers             with --instructions, leave the peer designs out
  --requests <n>           requests per round with --instructions (default: 200)
  --edits <n>              with --instructions or --publish, one-edit rebuilds per size, each after the last: one
                           build's time swings by ±15 % here, so the report gives each and their
                           median (default: 3)
  --build-timeout <min>    stop a content build (or wrangler's bundle) after this many minutes and
                           report the size as stopped there (default: no limit)
  --publish                instead of serving, time what an editor waits: at each size, a copy of
                           the project with that many articles more runs \`npm run dev\`, one article
                           is saved --edits times, and each save is timed to (a) the build's output
                           ready and (b) the dev server sending the article's JSON with a new ETag
                           (issue-style: --publish --sizes 10000)
  --scheduled <n>          add n articles scheduled for 2099, each at an instant of its own: the
                           archive is served as it is before the first goes live (the front page
                           from its first edition, lifetimes ending at that instant) (default: 0)
  --keep                   keep the temporary directory
  -h, --help               print this and exit`,
};

const { values } = parseCommandLine(BENCH, {
  options: {
    sizes: { type: 'string', default: '1,100,1000,10000' },
    duration: { type: 'string', default: '3' },
    rounds: { type: 'string', default: '5' },
    connections: { type: 'string', default: '32' },
    tool: { type: 'string' },
    chart: { type: 'string' },
    json: { type: 'string' },
    report: { type: 'string' },
    instructions: { type: 'boolean', default: false },
    requests: { type: 'string', default: '200' },
    edits: { type: 'string', default: '3' },
    'build-timeout': { type: 'string' },
    'skip-peers': { type: 'boolean', default: false },
    publish: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    scheduled: { type: 'string', default: '0' },
  },
});

// The rest loads once the command line is read, so that --help answers at once.
const [
  { chartSvg, instructionsChartSvg },
  { floorModule, floorRoute },
  { instructionSizeReport },
  { heapAfterLoad },
  { countInstructions, findValgrind },
  { chooseLoadTool, compareTargets, runLoad },
  { findNginx, startNginx },
  { freePort, killAllServers, mapConcurrently, runMain, stopServer },
  { describeMachine, finalReport, machineReport, sizeReport, table },
  { scaleReport },
  { compileConfig, memoryOf, timeStartup, writeConfig },
] = await Promise.all([
  import('./bench/chart'),
  import('./bench/floor'),
  import('./bench/instruction-report'),
  import('./bench/heap'),
  import('./bench/instructions'),
  import('./bench/load'),
  import('./bench/nginx'),
  import('./bench/processes'),
  import('./bench/report'),
  import('./bench/scale-report'),
  import('./bench/workerd'),
]);

function positiveInteger(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) usageError(BENCH, `--${name} must be a whole number ≥ 1, not ${text}`);
  return value;
}

function loadTool(preferred: string | undefined): LoadOptions['tool'] {
  try {
    return chooseLoadTool(preferred);
  } catch (error) {
    return usageError(BENCH, error instanceof Error ? error.message : String(error));
  }
}

const valgrind = values.instructions && values.report === undefined ? findValgrind() : null;
if (typeof valgrind === 'string') {
  console.error(`bench: ${valgrind}`);
  process.exit(2);
}
const requests = positiveInteger('requests', values.requests);
const edits = positiveInteger('edits', values.edits);
const scheduled = values.scheduled === '0' ? 0 : positiveInteger('scheduled', values.scheduled);
const buildTimeoutMs = values['build-timeout'] === undefined ? undefined : positiveInteger('build-timeout', values['build-timeout']) * 60_000;
const sizes = [...new Set(values.sizes.split(',').map((size) => positiveInteger('sizes', size.trim())))].sort((a, b) => a - b);
const load: LoadOptions = {
  tool: loadTool(values.tool),
  duration: positiveInteger('duration', values.duration),
  rounds: positiveInteger('rounds', values.rounds),
  connections: positiveInteger('connections', values.connections),
  warmup: WARMUP_SECONDS,
};
// Loaded once the command line is read: it loads wrangler, seconds that --help should not wait.
const { buildArchive, rebuildAfterEdit, restoreProjectBuild, serve } = await import('./bench/archive');
const { BuildFailure, readProjectConfig } = await import('./bench/bundle');
const { discoverRoutes, verifyMirror } = await import('./bench/routes');
const { buildPeers, peerTarget } = await import('./bench/peers');
const nginx = findNginx();
const tmp = mkdtempSync(join(tmpdir(), 'edgewire-bench-'));
const progress = (message: string): void => console.error(`[bench] ${message}`);

/** What the results keep of an assets snapshot: its figures, not where it sat. */
function measuredAssets({ directory: _, ...figures }: AssetsSnapshot): Omit<AssetsSnapshot, 'directory'> {
  return figures;
}

function floorService(floorPath: string, config: ProjectConfig, name = 'floor'): Service {
  return {
    name,
    worker: { modules: [{ name: 'floor.js', path: floorPath, type: 'esModule' }], compatibilityDate: config.compatibilityDate, compatibilityFlags: [], bindings: [] },
  };
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

/** The floor Worker carrying the app's other modules (the content), loaded but never used. */
function floorWithContent(floor: Service, app: readonly Service[]): Service {
  const appWorker = app.find((service) => service.name === 'app');
  if (!('worker' in floor) || appWorker === undefined || !('worker' in appWorker)) throw new Error('no Workers to compare');
  return { name: 'floor', worker: { ...floor.worker, modules: [...floor.worker.modules, ...appWorker.worker.modules.slice(1)] } };
}

/**
 * Startup, `STARTUP_RUNS` times each, in turn: the app; the floor; and the floor carrying the
 * app's content module unused. workerd itself takes time to load module bytes, whatever the
 * code does with them; app − floor-with-content is what the app's code costs from module
 * evaluation to the first response. Configs are compiled to binary first, as wrangler and
 * miniflare pass them, so parsing the config text is not timed.
 */
async function measureStartup(dir: string, app: readonly Service[], floor: Service, route: ProbedRoute) {
  const targets = [
    { name: 'app', services: app, path: route.path },
    { name: 'floor', services: [floor], path: `/${route.name}` },
    { name: 'floor-content', services: [floorWithContent(floor, app)], path: `/${route.name}` },
  ];
  const times: Record<string, number[]> = { app: [], floor: [], 'floor-content': [] };
  for (let run = 0; run < STARTUP_RUNS; run++) {
    for (const { name, services, path } of targets) {
      const port = await freePort();
      const config = join(dir, `startup-${name}.capnp`);
      await writeConfig(config, services, [{ service: services[0]!.name, port }]);
      times[name]!.push(await timeStartup(await compileConfig(config), port, path));
    }
  }
  return { appMs: times.app!, floorMs: times.floor!, floorContentMs: times['floor-content']! };
}

/** Memory of a workerd serving one Worker alone, after one load run of `route` on it. */
async function loadedMemory(dir: string, services: readonly Service[], path: string, route: ProbedRoute): Promise<Memory | null> {
  const name = services[0]!.name;
  const { server, ports } = await serve(join(dir, `memory-${name}.capnp`), services, { [name]: path });
  try {
    await runLoad({ name, port: ports[name]!, path }, route.headers, route.status, load, load.duration);
    return await memoryOf(server.child.pid);
  } finally {
    await stopServer(server);
  }
}

async function benchSize(size: number, config: ProjectConfig): Promise<SizeResult> {
  const dir = join(tmp, `n${size}`);
  await mkdir(dir, { recursive: true });
  // The real content plus N − 1 synthetic articles: the real article is the newest at every N,
  // so the article routes serve the same bytes at every size and compare directly.
  const { build, bundle, assets, services: app } = await buildArchive(ROOT, dir, size - 1, config, (message) => progress(`N=${size}: ${message}`), buildTimeoutMs, scheduled);

  const discovery = await serve(join(dir, 'discover.capnp'), app, { app: '/api/articles' });
  const routes = await discoverRoutes(discovery.ports.app!).finally(() => stopServer(discovery.server));
  const floor = await writeFloor(dir, routes, config, 'headers');

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
    assets: assets && measuredAssets(assets),
    startup,
    memory,
    routes: measured.routes,
  };
}

/** Writes the `kind` floor Worker for `routes` into `dir` and returns its service. */
async function writeFloor(dir: string, routes: readonly ProbedRoute[], config: ProjectConfig, kind: FloorKind, name = 'floor'): Promise<Service> {
  const path = join(dir, `floor-${kind}.js`);
  await writeFile(path, floorModule(routes.map((route) => floorRoute(`/${route.name}`, route.response, kind))));
  return floorService(path, config, name);
}

/** The request the floors answer for `route`: the app's headers, at `/<name>`. */
const floorRequests = (routes: readonly ProbedRoute[]): Record<string, TargetRequest> =>
  Object.fromEntries(routes.map((route) => [route.name, { path: `/${route.name}`, headers: route.headers, status: route.status }]));

/**
 * The targets of `--instructions` at one size: the app and both floors on every route. A peer
 * design is one more line here, serving the routes it has, e.g.
 * `targets.push({ name: 'naive-hono', label: 'naive Hono', services, routes: { 'article-json': {…}, 'article-html': {…} } })`.
 */
async function instructionTargets(dir: string, app: Service[], routes: readonly ProbedRoute[], config: ProjectConfig): Promise<InstructionTarget[]> {
  const targets: InstructionTarget[] = [
    { name: 'app', label: 'app', kind: 'app', services: app, routes: Object.fromEntries(routes.map(({ name, path, headers, status }) => [name, { path, headers, status }])) },
    { name: 'bare', label: 'bare floor', kind: 'floor', services: [await writeFloor(dir, routes, config, 'bare', 'bare')], routes: floorRequests(routes) },
    { name: 'headers', label: 'headers floor', kind: 'floor', services: [await writeFloor(dir, routes, config, 'headers', 'headers')], routes: floorRequests(routes) },
  ];
  if (!values['skip-peers']) targets.push(...(await builtPeers(config)).map(peerTarget));
  return targets;
}

let peers: Promise<Peer[]> | undefined;

/** The peer designs, built the first time they are needed (they serve the seed article at every N). */
function builtPeers(config: ProjectConfig): Promise<Peer[]> {
  peers ??= mkdir(join(tmp, 'peers')).then(() => buildPeers(ROOT, join(tmp, 'peers'), config, (message) => progress(`peers: ${message}`)));
  return peers;
}

/** Short load runs of every target on every route it serves, each target in its own workerd, outside valgrind. */
async function loadInstructionTargets(
  dir: string,
  targets: readonly InstructionTarget[],
  routes: readonly ProbedRoute[],
): Promise<{ runs: Record<string, Record<string, Run[]>>; memory: Record<string, Memory | null> }> {
  const servers: { target: InstructionTarget; server: Server; port: number }[] = [];
  try {
    for (const target of targets) {
      const first = Object.values(target.routes)[0];
      if (first === undefined) continue;
      const service = target.services[0]!.name;
      const { server, ports } = await serve(join(dir, `load-${target.name}.capnp`), target.services, { [service]: first.path });
      servers.push({ target, server, port: ports[service]! });
    }
    const runs: Record<string, Record<string, Run[]>> = {};
    for (const route of routes) {
      progress(`  load: ${route.label}`);
      const loaded: Target[] = servers.flatMap(({ target, port }) => {
        const request = target.routes[route.name];
        return request ? [{ name: target.name, port, ...request }] : [];
      });
      runs[route.name] = Object.fromEntries(await compareTargets(loaded, route.headers, route.status, { ...load, ...SECONDARY_LOAD }));
    }
    // What the load left in memory: retained responses show here, not in instructions per request.
    const memory: Record<string, Memory | null> = {};
    for (const { target, server } of servers) memory[target.name] = await memoryOf(server.child.pid);
    return { runs, memory };
  } finally {
    for (const { server } of servers) await stopServer(server);
  }
}

/** The isolate heap of each target that is not a peer, after `INSTRUCTION_WARMUP` requests of every route it serves. */
async function targetHeaps(dir: string, targets: readonly InstructionTarget[]): Promise<Record<string, IsolateHeap | null>> {
  const heaps: Record<string, IsolateHeap | null> = {};
  for (const target of targets.filter((one) => one.kind !== undefined)) {
    heaps[target.name] = await heapAfterLoad(join(dir, `heap-${target.name}.capnp`), target.services, Object.values(target.routes), INSTRUCTION_WARMUP, stopServer).catch((error: unknown) => {
      progress(`heap of ${target.label}: ${error instanceof Error ? error.message : error}`);
      return null;
    });
  }
  return heaps;
}

/**
 * The archive at one size, built and bundled, with its one-edit rebuilds (--edits of them, each
 * after the last). A failed (or, with --build-timeout, stopped) step is the size's failure, named
 * by the last step begun.
 */
async function archiveOrFailure(size: number, dir: string, config: ProjectConfig) {
  let step = 'corpus';
  const at = (message: string): void => {
    if (!message.startsWith('Built ')) step = message;
    progress(`N=${size}: ${message}`);
  };
  try {
    const archive = await buildArchive(ROOT, dir, size - 1, config, at, buildTimeoutMs, scheduled);
    const rebuilds: ScaleFigures['edit'][] = [];
    for (let edit = 0; edit < edits; edit++) rebuilds.push(await rebuildAfterEdit(ROOT, dir, archive.contentDir, at, buildTimeoutMs));
    return { archive, edits: rebuilds };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    progress(`N=${size}: ${step} failed:\n${message}`);
    return { failure: { step, message, build: error instanceof BuildFailure ? error.build : null } };
  }
}

/** Each target alone under callgrind, `CALLGRIND_CONCURRENCY` at a time: what it counted, by target name. */
async function countTargets(size: number, dir: string, targets: readonly InstructionTarget[]): Promise<Record<string, TargetCounts>> {
  const options = { warmup: INSTRUCTION_WARMUP, requests, rounds: load.rounds };
  const counts: Record<string, TargetCounts> = {};
  await mapConcurrently(targets, CALLGRIND_CONCURRENCY, async (target) => {
    const counting = performance.now();
    progress(`N=${size}: callgrind: ${target.label}`);
    counts[target.name] = await countInstructions(dir, target, options, CALLGRIND_START_MS.base + CALLGRIND_START_MS.perArticle * size);
    progress(`N=${size}: callgrind: ${target.label} took ${since(counting)}`);
  });
  return counts;
}

const since = (start: number): string => `${((performance.now() - start) / 1000).toFixed(0)} s`;

/** The scale figures of a size: its builds and output, and from the counts, each target's startup. */
function scaleFigures(archive: Archive, edits: readonly ScaleFigures['edit'][], counts: Record<string, TargetCounts>, heap: ScaleFigures['heap']): ScaleFigures {
  const { build, bundle, assets } = archive;
  return {
    build,
    edit: edits[0]!,
    edits: [...edits],
    bundle: { modules: bundle.modules.length, rawBytes: bundle.rawBytes, gzipBytes: bundle.gzipBytes, wranglerTotal: bundle.wranglerTotal },
    assets: assets && measuredAssets(assets),
    startup: Object.fromEntries(Object.entries(counts).map(([name, { listening, first }]) => [name, { listening, first }])),
    heap,
  };
}

/** `--instructions` at one size: the build figures, then each target alone under callgrind on every route it serves, its heap, then the short load runs. */
async function instructionsSize(size: number, config: ProjectConfig): Promise<InstructionSize> {
  const started = performance.now();
  const dir = join(tmp, `n${size}`);
  await mkdir(dir, { recursive: true });
  const built = await archiveOrFailure(size, dir, config);
  if (built.failure) return { size, articles: size, seconds: (performance.now() - started) / 1000, targets: [], routes: [], failure: built.failure };
  const { archive, edits: rebuilds } = built;
  const discovery = await serve(join(dir, 'discover.capnp'), archive.services, { app: '/api/articles' });
  const routes = await discoverRoutes(discovery.ports.app!).finally(() => stopServer(discovery.server));
  const targets = await instructionTargets(dir, archive.services, routes, config);
  progress(`N=${size}: built and bundled in ${since(started)}`);
  const counts = await countTargets(size, dir, targets);
  progress(`N=${size}: isolate heaps`);
  const heap = await targetHeaps(dir, targets);
  const loading = performance.now();
  progress(`N=${size}: load, outside valgrind`);
  const { runs, memory } = await loadInstructionTargets(dir, targets, routes);
  progress(`N=${size}: load took ${since(loading)}`);
  const counted = (route: string): Record<string, number[]> =>
    Object.fromEntries(targets.flatMap((target) => (counts[target.name]?.rounds[route] === undefined ? [] : [[target.name, counts[target.name]!.rounds[route]!]])));
  const measured: InstructionRoute[] = routes.map((route) => ({ name: route.name, label: route.label, counts: counted(route.name), load: runs[route.name] ?? {} }));
  const articles = archive.build.output.match(/Built (\d+) article/)?.[1];
  return {
    size,
    articles: articles ? Number(articles) : size,
    seconds: (performance.now() - started) / 1000,
    targets: targets.map(({ name, label, kind = 'peer' }) => ({ name, label, kind })),
    routes: measured,
    memory,
    scale: scaleFigures(archive, rebuilds, counts, heap),
  };
}

/** The printed report of one `--instructions` size: the counts, then the scale figures (or why the size stopped). */
function instructionsReport(size: InstructionSize): string {
  if (size.failure !== undefined) return `${scaleReport(size)}\n`;
  const scale = scaleReport(size);
  return `${instructionSizeReport(size)}\n${scale === '' ? '' : `\n${scale}\n`}`;
}

/** Stops every server, removes the temp dir (unless --keep) and restores the project's build. */
async function cleanUp(): Promise<void> {
  killAllServers();
  if (values.keep) progress(`kept ${tmp}`);
  else await rm(tmp, { recursive: true, force: true });
  await restoreProjectBuild(ROOT, progress);
}

/** Writes `svg` to --chart, or to `fallback` in the project. */
async function writeChart(svg: string, fallback: string): Promise<void> {
  const chart = resolve(ROOT, values.chart ?? fallback);
  await mkdir(dirname(chart), { recursive: true });
  await writeFile(chart, svg);
  progress(`chart: ${chart}`);
}

/** Writes the results to --json, when given. */
async function writeJson(results: BenchResults | InstructionResults): Promise<void> {
  if (values.json === undefined) return;
  await writeFile(resolve(values.json), `${JSON.stringify(results, null, 2)}\n`);
  progress(`results: ${resolve(values.json)}`);
}

/** Prints the report and writes the chart for measured results. */
async function report(results: BenchResults): Promise<void> {
  console.log(finalReport(results));
  await writeChart(chartSvg(results.sizes), 'docs/performance.svg');
}

/** The heading of an `--instructions` report: machine and method. */
function instructionsHeading(results: InstructionResults): string {
  // Results written before targets were counted side by side have no `concurrency`: one at a time.
  const { warmup, rounds, requests: perRound, concurrency = 1, load: secondary } = results.options;
  return [
    `# edgewire benchmark: instructions per request\n\n${machineReport(results.machine)}`,
    `callgrind (V8 --single-threaded), ${warmup} requests to warm up, then ${rounds} round(s) of ${perRound} sequential keep-alive requests per route, each target in its own workerd (${concurrency} at once); median (round CV). A round in which V8 collects garbage counts some 100–200k more per request: the median leaves it out, the CV shows it. "—": the target does not serve the route.`,
    `Secondary: req/s and latency outside valgrind, ${secondary.connections} connections, ${secondary.warmup} s warm-up then ${secondary.duration} s × ${secondary.rounds} round(s) per target and route, alternating; medians.\n`,
  ].join('\n');
}

/** `--report results.json`: the tables and chart of an earlier run, without measuring again. */
async function reportOnly(path: string): Promise<void> {
  const results = JSON.parse(await readFile(resolve(path), 'utf8')) as BenchResults | InstructionResults;
  if ('kind' in results && results.kind === 'instructions') {
    console.log(instructionsHeading(results));
    for (const size of results.sizes) console.log(instructionsReport(size));
    return writeChart(instructionsChartSvg(results.sizes), 'docs/performance-instructions.svg');
  }
  const loadResults = results as BenchResults;
  console.log(`# edgewire benchmark\n\n${machineReport(loadResults.machine)}\n`);
  for (const size of loadResults.sizes) console.log(`${sizeReport(size)}\n`);
  await report(loadResults);
}

async function main(): Promise<void> {
  if (values.report !== undefined) return reportOnly(values.report);
  if (values.instructions) return instructionsMain();
  if (values.publish) return publishMain();
  const { tool: _, ...loadOptions } = load;
  const results: BenchResults = { machine: describeMachine(load.tool, nginx), options: { sizes, ...loadOptions }, sizes: [] };
  console.log(`# edgewire benchmark\n\n${machineReport(results.machine)}`);
  console.log(`Load: ${results.machine.loadTool}, ${load.connections} connections, ${load.duration} s × ${load.rounds} round(s) per target, alternating\n`);
  const config = readProjectConfig(ROOT);
  for (const size of sizes) {
    const result = await benchSize(size, config);
    results.sizes.push(result);
    console.log(`${sizeReport(result)}\n`);
  }
  await report(results);
  await writeJson(results);
}

/** `--instructions`: the instruction-count tables, one per size, the chart and the JSON. */
async function instructionsMain(): Promise<void> {
  const started = performance.now();
  const results: InstructionResults = {
    kind: 'instructions',
    machine: describeMachine(load.tool, nginx),
    options: { warmup: INSTRUCTION_WARMUP, requests, rounds: load.rounds, concurrency: CALLGRIND_CONCURRENCY, load: { ...SECONDARY_LOAD, connections: load.connections } },
    sizes: [],
  };
  console.log(instructionsHeading(results));
  const config = readProjectConfig(ROOT);
  for (const size of sizes) {
    const result = await instructionsSize(size, config);
    results.sizes.push(result);
    console.log(instructionsReport(result));
  }
  await writeChart(instructionsChartSvg(results.sizes), 'docs/performance-instructions.svg');
  await writeJson(results);
  progress(`measured in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

/** `--publish`: at each size, the saves of one article timed in `npm run dev` (bench/publish.ts). */
async function publishMain(): Promise<void> {
  const { publishLatency, publishReport } = await import('./bench/publish');
  for (const size of sizes) console.log(`${publishReport(await publishLatency(ROOT, join(tmp, `publish-${size}`), size, edits, progress))}\n`);
}

await runMain(main, cleanUp, progress);
