/**
 * `npm run load`: the Worker under sustained and hostile load (not part of `npm test`). It builds
 * the real content plus `--count` synthetic articles into a dry-run bundle, serves it with
 * wrangler's workerd (stdout and stderr to a log file), then runs (a) wrk or autocannon on each
 * route, `--connections` × `--duration` s, and (b) `--mixed-duration` s of random article reads
 * over the whole archive by `--clients` fetch clients, `--aborting` of them hanging up
 * `--abort-after` ms into every request. Per run: statuses, p50/p99, socket errors, aborts, workerd's RSS sampled from
 * /proc, and the cross-request I/O errors workerd logged. Progress to stderr, report to stdout.
 * Stops everything it started, and puts the project's own build back, on exit and on Ctrl-C.
 */
import { mkdtempSync } from 'node:fs';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import type { LoadTool } from './bench/load';
import type { Server } from './bench/processes';
import type { Route } from './bench/routes';
import { parseCommandLine, usageError, type Command } from './cli';
import type { LoadResults, LogCounts, Measured } from './load/report';

const ROOT = resolve(import.meta.dirname, '..');
/** Lines of workerd's log worth counting per run, by what they mean. */
const LOG_SIGNS = {
  // One request touched an I/O object another request created (the runtime answers 500).
  crossRequestIO: 'Cannot perform I/O on behalf of a different request',
  // workerd out of file descriptors: sockets or asset files held open.
  tooManyOpenFiles: 'Too many open files',
} as const;
/** Time for workerd's last log lines of a run to reach the file before counting them. */
const LOG_SETTLE_MS = 500;
/** The mixed run's bound on requests, besides its duration. */
const MAX_MIXED_REQUESTS = 5_000_000;

const USAGE = `usage: npm run load -- [options]

Serves the real content plus N synthetic articles from wrangler's workerd and loads it:
(a) every route (article JSON, article HTML, list, home, 304 revalidation, 404) in turn;
(b) random article reads over the whole archive, some clients aborting mid-request.

Options:
  --count <n>            synthetic articles besides the real ones (default 2000)
  --duration <s>         seconds of load on each route (default 30)
  --connections <n>      connections on each route (default 256)
  --mixed-duration <s>   seconds of the mixed run (default 60)
  --clients <n>          concurrent clients in the mixed run (default 64)
  --aborting <n>         of those, clients that abort every request (default 16)
  --abort-after <a-b>    milliseconds before an aborting client hangs up, drawn per request (default 10-50)
  --tool <wrk|autocannon> route load generator (default: wrk when installed)
  --json <file>          also write the results as JSON
  --log <file>           workerd's output (default: $TMPDIR/edgewire-load-workerd.log)
  --keep                 keep the temporary build directory
  -h, --help             print this and exit

Smoke run: npm run load -- --count 200 --duration 3 --mixed-duration 5`;

const LOAD: Command = { name: 'load', usage: USAGE };

function parseOptions() {
  const { values } = parseCommandLine(LOAD, {
    options: {
      count: { type: 'string', default: '2000' },
      duration: { type: 'string', default: '30' },
      connections: { type: 'string', default: '256' },
      'mixed-duration': { type: 'string', default: '60' },
      clients: { type: 'string', default: '64' },
      aborting: { type: 'string', default: '16' },
      'abort-after': { type: 'string', default: '10-50' },
      tool: { type: 'string' },
      json: { type: 'string' },
      log: { type: 'string', default: join(tmpdir(), 'edgewire-load-workerd.log') },
      keep: { type: 'boolean', default: false },
    },
  });
  const whole = (name: keyof typeof values, min: number): number => {
    const value = Number(values[name]);
    if (!Number.isInteger(value) || value < min) usageError(LOAD, `--${name} must be a whole number ≥ ${min}, not ${values[name]}`);
    return value;
  };
  const options = {
    count: whole('count', 0),
    duration: whole('duration', 1),
    connections: whole('connections', 1),
    mixedDuration: whole('mixed-duration', 1),
    clients: whole('clients', 1),
    aborting: whole('aborting', 0),
  };
  if (options.aborting > options.clients) usageError(LOAD, '--aborting cannot exceed --clients');
  const range = /^(\d+)-(\d+)$/.exec(values['abort-after']);
  const abortAfterMs = range === null ? null : ([Number(range[1]), Number(range[2])] as const);
  if (abortAfterMs === null || abortAfterMs[0] < 1 || abortAfterMs[0] > abortAfterMs[1]) usageError(LOAD, `--abort-after must be <min>-<max> ms, 1 ≤ min ≤ max, not ${values['abort-after']}`);
  return { options: { ...options, abortAfterMs: abortAfterMs! }, tool: values.tool, json: values.json, log: resolve(values.log), keep: values.keep };
}

const parsed = parseOptions();
const { options, log } = parsed;
// The rest loads once the command line is read (wrangler and zod among it), so --help answers at once.
const [
  { buildArchive, restoreProjectBuild, serve },
  { readProjectConfig },
  { chooseLoadTool, runLoad },
  { killAllServers, runMain, sleep, stopServer },
  { describeMachine },
  { discoverRoutes },
  { watchProcess },
  { runMixed },
  { loadReport },
] = await Promise.all([
  import('./bench/archive'),
  import('./bench/bundle'),
  import('./bench/load'),
  import('./bench/processes'),
  import('./bench/report'),
  import('./bench/routes'),
  import('./bench/workerd'),
  import('./load/mixed'),
  import('./load/report'),
]);
const tool: LoadTool = chooseLoadTool(parsed.tool);
const tmp = mkdtempSync(join(tmpdir(), 'edgewire-load-'));
const progress = (message: string): void => console.error(`[load] ${message}`);

async function countLogSigns(): Promise<LogCounts> {
  const text = await readFile(log, 'utf8').catch(() => '');
  return { crossRequestIO: text.split(LOG_SIGNS.crossRequestIO).length - 1, tooManyOpenFiles: text.split(LOG_SIGNS.tooManyOpenFiles).length - 1 };
}

/** Runs `work` while sampling workerd's memory and open files; counts what it logged meanwhile. */
async function measure<T>(server: Server, work: () => Promise<T>): Promise<Measured<T>> {
  const loadAverage = loadavg()[0]!;
  const before = await countLogSigns();
  const watch = watchProcess(server.child.pid);
  const run = await work().catch(async (error: unknown) => {
    await watch.stop();
    throw error;
  });
  const watched = await watch.stop();
  await sleep(LOG_SETTLE_MS);
  const { exitCode, signalCode } = server.child;
  const workerdExit = exitCode === null && signalCode === null ? null : `workerd exited during the run (${signalCode ?? `code ${exitCode}`}); its last words:\n${server.log().slice(-600)}`;
  const after = await countLogSigns();
  const logged = { crossRequestIO: after.crossRequestIO - before.crossRequestIO, tooManyOpenFiles: after.tooManyOpenFiles - before.tooManyOpenFiles };
  return { run, process: watched, logged, loadAverage, workerdExit };
}

/** The routes under load: the bench's, without its middle article, plus the home page. */
async function routesOf(port: number): Promise<Route[]> {
  const routes: Route[] = (await discoverRoutes(port)).filter((route) => route.name !== 'middle-json');
  const home: Route = { name: 'home', label: 'home', path: '/', headers: { accept: 'text/html' }, status: 200, article: false };
  routes.splice(routes.findIndex((route) => route.name === 'list') + 1, 0, home);
  return routes;
}

/** Every article's slug: its file name (README: the file name is the slug). */
async function slugsIn(contentDir: string): Promise<string[]> {
  const files = await readdir(contentDir, { recursive: true });
  return files.filter((file) => file.endsWith('.md')).map((file) => basename(file, '.md'));
}

async function main(): Promise<void> {
  const config = readProjectConfig(ROOT);
  const machine = describeMachine(tool, null);
  const archive = await buildArchive(ROOT, tmp, options.count, config, progress);
  const slugs = await slugsIn(join(archive.contentDir, 'articles'));
  await writeFile(log, '');
  const { server, ports } = await serve(join(tmp, 'load.capnp'), archive.services, { app: '/api/articles' }, log);
  progress(`workerd ${machine.workerd} on 127.0.0.1:${ports.app}, pid ${server.child.pid}, log ${log}`);
  try {
    const port = ports.app!;
    const routes: LoadResults['routes'] = [];
    const alive = (): boolean => routes.every((route) => route.workerdExit === null);
    for (const route of await routesOf(port)) {
      if (!alive()) break;
      progress(`${route.label}: ${options.connections} connections × ${options.duration} s`);
      const measured = await measure(server, () => runLoad({ name: route.name, port, path: route.path }, route.headers, route.status, { tool, connections: options.connections }, options.duration));
      routes.push({ label: route.label, path: route.path, ...measured });
    }
    let mixed: LoadResults['mixed'] = null;
    if (alive()) {
      progress(`mixed: ${options.clients} clients (${options.aborting} aborting) × ${options.mixedDuration} s over ${slugs.length} articles`);
      mixed = await measure(server, () => runMixed({ ...options, port, slugs, seconds: options.mixedDuration, maxRequests: MAX_MIXED_REQUESTS }));
    }
    const articles = Number(/Built (\d+) article/.exec(archive.build.output)?.[1] ?? slugs.length);
    const results: LoadResults = { machine, options, articles, routes, mixed, log };
    console.log(loadReport(results));
    if (parsed.json !== undefined) {
      await writeFile(resolve(parsed.json), `${JSON.stringify(results, null, 2)}\n`);
      progress(`results: ${resolve(parsed.json)}`);
    }
  } finally {
    await stopServer(server);
  }
}

/** Stops every process, removes the temp dir (unless --keep) and restores the project's build. */
async function cleanUp(): Promise<void> {
  killAllServers();
  if (parsed.keep) progress(`kept ${tmp}`);
  else await rm(tmp, { recursive: true, force: true });
  await restoreProjectBuild(ROOT, progress);
}

await runMain(main, cleanUp, progress);
