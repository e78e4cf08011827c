/**
 * Instructions per request: each target's workerd runs alone under valgrind's callgrind, which
 * counts the instructions the process executes. After a warm-up, each round zeroes the counters
 * (`callgrind_control -z`), sends a fixed number of sequential keep-alive requests, and dumps the
 * counters (`callgrind_control -d`); the dump's `summary:` line ÷ requests is the round's figure.
 * Before the warm-up, two more figures: the instructions from process start until workerd accepts
 * connections, and those of each route's first request in the process (the first one pays for
 * loading what the app reads lazily, such as the index's directory, a shard and a body file).
 * Unlike req/s, the count hardly depends on what else the machine is doing. V8 runs with
 * `--single-threaded`: its background compiler threads would otherwise race the instrumentation
 * and move the count by a fifth between processes.
 */
import { readFile } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { findExecutable, freePort, runCommand, stopServer } from './processes';
import type { TargetKind } from './results';
import { startWorkerd, waitUntilListening, writeConfig, type Service } from './workerd';

/** valgrind and callgrind_control, or a message naming the package to install. */
export function findValgrind(): { valgrind: string; control: string } | string {
  const valgrind = findExecutable('valgrind');
  const control = findExecutable('callgrind_control');
  if (valgrind && control) return { valgrind, control };
  return 'valgrind is not installed (--instructions runs workerd under callgrind): apt-get install valgrind';
}

export interface CountOptions {
  /** Requests per route before counting. */
  warmup: number;
  /** Requests per round. */
  requests: number;
  rounds: number;
}

/** The request a target answers a route with. */
export interface TargetRequest {
  path: string;
  headers: Record<string, string>;
  status: number;
}

/**
 * A target: workerd services (the first is served) and, by route name, the request to send it;
 * a route it does not serve is left out. Without `kind` it is a peer design, reported as
 * peer ÷ app.
 */
export interface InstructionTarget {
  name: string;
  label: string;
  kind?: TargetKind;
  services: Service[];
  routes: Record<string, TargetRequest>;
}

/** Under valgrind workerd starts some 50 times slower. */
const START_TIMEOUT_MS = 180_000;

/** GETs `path` on a kept-alive connection and checks the status; the body is read and dropped. */
export function send(agent: Agent, port: number, route: TargetRequest): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: route.path, headers: route.headers, agent }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === route.status ? resolve() : reject(new Error(`GET ${route.path}: ${res.statusCode}, expected ${route.status}`))));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

async function sendMany(agent: Agent, port: number, route: TargetRequest, count: number): Promise<void> {
  for (let i = 0; i < count; i++) await send(agent, port, route);
}

/** The instruction count in a callgrind dump file. */
export async function dumpedInstructions(file: string): Promise<number> {
  const match = /^summary:\s+(\d+)/m.exec(await readFile(file, 'utf8'));
  if (!match) throw new Error(`${file}: no summary line`);
  return Number(match[1]);
}

/** What callgrind counted for a target. */
export interface TargetCounts {
  /** By route name, instructions per request of each round (after the warm-up). */
  rounds: Record<string, number[]>;
  /** Instructions from process start until workerd accepted a connection. */
  listening: number;
  /** By route name, the instructions of the route's first request, in route order (the first is the process's first request). */
  first: Record<string, number>;
}

/** Polls for the port under valgrind less often than outside: each refused try is cheap, but not free. */
const LISTEN_POLL_MS = 50;

/**
 * Runs the target's workerd under callgrind and returns what it counted (TargetCounts);
 * `timeoutMs` bounds its start (a large content module starts slowly).
 */
export async function countInstructions(dir: string, target: InstructionTarget, options: CountOptions, timeoutMs = START_TIMEOUT_MS): Promise<TargetCounts> {
  const tools = findValgrind();
  if (typeof tools === 'string') throw new Error(tools);
  const routes = Object.entries(target.routes);
  if (routes.length === 0) return { rounds: {}, listening: 0, first: {} };
  const port = await freePort();
  const config = join(dir, `instructions-${target.name}.capnp`);
  const out = join(dir, `callgrind-${target.name}.out`);
  await writeConfig(config, target.services, [{ service: target.services[0]!.name, port }], ['--single-threaded']);
  const launcher = [tools.valgrind, '--tool=callgrind', '--instr-atstart=yes', '--dump-line=no', `--callgrind-out-file=${out}`];
  const server = startWorkerd(config, join(dir, `callgrind-${target.name}.log`), launcher);
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const pid = String(server.child.pid);
  let dumps = 0;
  // A dump (`-d`) also zeroes the counters: each dump holds what ran since the previous one.
  const dumped = async (): Promise<number> => {
    await runCommand(tools.control, ['-d', pid]);
    return dumpedInstructions(`${out}.${++dumps}`);
  };
  try {
    await waitUntilListening(server, port, timeoutMs, LISTEN_POLL_MS);
    const listening = await dumped();
    const first: Record<string, number> = {};
    for (const [name, route] of routes) {
      await send(agent, port, route);
      first[name] = await dumped();
    }
    // Every route is warmed before any is counted, and the rounds go round the routes, so code
    // they share is compiled by then and no route is measured while another's code still tiers up.
    for (const [, route] of routes) await sendMany(agent, port, route, options.warmup);
    const rounds: Record<string, number[]> = Object.fromEntries(routes.map(([name]) => [name, []]));
    for (let round = 0; round < options.rounds; round++) {
      for (const [name, route] of routes) {
        await runCommand(tools.control, ['-z', pid]);
        await sendMany(agent, port, route, options.requests);
        rounds[name]!.push((await dumped()) / options.requests);
      }
    }
    return { rounds, listening, first };
  } finally {
    agent.destroy();
    await stopServer(server);
  }
}

/** The median of the rounds and their coefficient of variation (stdev ÷ mean) in percent. */
export function roundSummary(rounds: readonly number[]): { median: number; cv: number } {
  const sorted = [...rounds].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  const mean = rounds.reduce((sum, x) => sum + x, 0) / rounds.length;
  const variance = rounds.reduce((sum, x) => sum + (x - mean) ** 2, 0) / rounds.length;
  return { median, cv: (Math.sqrt(variance) / mean) * 100 };
}
