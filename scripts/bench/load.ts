/**
 * Load runs on loopback, with wrk when installed (C, one thread) or autocannon from npm, and A/B
 * alternation of targets so that drift (CPU frequency, other processes) falls on every target
 * alike. Processes are not pinned to CPUs: pinning workerd to one core would confine V8's
 * background GC threads to it too.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findExecutable, track } from './processes';

/** The load generator: wrk when installed, else autocannon. */
export type LoadTool = { name: 'wrk'; binary: string } | { name: 'autocannon' };

export function chooseLoadTool(preferred: string | undefined): LoadTool {
  if (preferred !== undefined && preferred !== 'wrk' && preferred !== 'autocannon') throw new Error(`--tool must be wrk or autocannon, not ${preferred}`);
  const wrk = findExecutable('wrk');
  if (preferred === 'autocannon' || (preferred === undefined && wrk === null)) return { name: 'autocannon' };
  if (wrk === null) throw new Error('--tool wrk: wrk is not installed (apt-get install wrk)');
  return { name: 'wrk', binary: wrk };
}

/** A server answering one route: the app, the floor or nginx. */
export interface Target {
  name: string;
  port: number;
  path: string;
  /** This target's request headers and expected status, where they differ from the route's. */
  headers?: Record<string, string>;
  status?: number;
}

export interface LoadOptions {
  tool: LoadTool;
  connections: number;
  /** Seconds per measured run. */
  duration: number;
  rounds: number;
  /** Seconds of unmeasured load on each target before the rounds. */
  warmup: number;
}

/** One measured run. Latencies come from every response (autocannon's own histogram keeps whole ms only). */
export interface Run {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  responses: number;
  /** Responses whose status was not the expected one. */
  unexpected: number;
  /** Responses by status code. */
  statuses: Record<string, number>;
  /** Connection errors and timeouts. */
  errors: number;
}

/** The value below which `fraction` of the sorted `values` fall (nearest rank). */
export function percentile(sorted: Float64Array, fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}

/** Runs `seconds` of load on `target` with `headers`, counting statuses other than `status`. */
export function runLoad(target: Target, headers: Record<string, string>, status: number, options: Pick<LoadOptions, 'tool' | 'connections'>, seconds: number): Promise<Run> {
  return options.tool.name === 'wrk' ? runWrk(options.tool.binary, target, headers, status, options.connections, seconds) : runAutocannon(target, headers, status, options.connections, seconds);
}

async function runAutocannon(target: Target, headers: Record<string, string>, status: number, connections: number, seconds: number): Promise<Run> {
  // Loaded for a run only: the report and chart modules import this file for its statistics.
  const { default: autocannon } = await import('autocannon');
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    const statuses: Record<string, number> = {};
    let unexpected = 0;
    const instance = autocannon(
      { url: `http://127.0.0.1:${target.port}${target.path}`, headers, connections, pipelining: 1, duration: seconds },
      (error: unknown, result) => {
        if (error) return reject(error);
        const sorted = Float64Array.from(latencies).sort();
        resolve({
          requestsPerSecond: latencies.length / result.duration,
          p50Ms: percentile(sorted, 0.5),
          p99Ms: percentile(sorted, 0.99),
          responses: latencies.length,
          unexpected,
          statuses,
          errors: result.errors + result.timeouts,
        });
      },
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
      if (statusCode !== status) unexpected++;
    });
  });
}

/** wrk's Lua hooks: count responses by status and those not of the expected one; print the result lines. */
const WRK_SCRIPT = `local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) expected = tonumber(args[1]); unexpected = 0; statuses = {} end
function response(status, headers, body)
  if status ~= expected then unexpected = unexpected + 1 end
  statuses[status] = (statuses[status] or 0) + 1
end
function done(summary, latency, requests)
  local bad = 0
  local counts = {}
  for _, thread in ipairs(threads) do
    bad = bad + thread:get("unexpected")
    for status, count in pairs(thread:get("statuses")) do counts[status] = (counts[status] or 0) + count end
  end
  for status, count in pairs(counts) do io.write(string.format("STATUS %d %d\\n", status, count)) end
  local e = summary.errors
  io.write(string.format("RESULT %d %d %d %d %d %d\\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(99), bad, e.connect + e.read + e.write + e.timeout))
end
`;
let wrkScript: string | undefined;

/** One wrk thread (wrk's latencies are exact, in microseconds). */
function runWrk(binary: string, target: Target, headers: Record<string, string>, status: number, connections: number, seconds: number): Promise<Run> {
  if (wrkScript === undefined) {
    wrkScript = join(tmpdir(), `edgewire-bench-wrk-${process.pid}.lua`);
    writeFileSync(wrkScript, WRK_SCRIPT);
  }
  const args = ['-t1', `-c${connections}`, `-d${seconds}s`, '-s', wrkScript];
  for (const [name, value] of Object.entries(headers)) args.push('-H', `${name}: ${value}`);
  args.push(`http://127.0.0.1:${target.port}${target.path}`, '--', String(status));
  return new Promise((resolve, reject) => {
    const child = track(spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] }));
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.once('error', reject);
    child.once('close', (code) => {
      const match = /^RESULT (\d+) (\d+) (\d+) (\d+) (\d+) (\d+)$/m.exec(output);
      if (code !== 0 || match === null) return reject(new Error(`wrk ${args.join(' ')} failed (exit ${code}):\n${output}`));
      const [requests, durationUs, p50Us, p99Us, unexpected, errors] = match.slice(1).map(Number) as [number, number, number, number, number, number];
      const statuses = Object.fromEntries([...output.matchAll(/^STATUS (\d+) (\d+)$/gm)].map(([, code, count]) => [code!, Number(count)]));
      resolve({ requestsPerSecond: requests / (durationUs / 1e6), p50Ms: p50Us / 1000, p99Ms: p99Us / 1000, responses: requests, unexpected, statuses, errors });
    });
  });
}

/**
 * Measures every target on one route: a warm-up, then `rounds` rounds, each running every target
 * once, in reverse order on odd rounds (ABBA…). Returns the runs by target name.
 */
export async function compareTargets(targets: readonly Target[], headers: Record<string, string>, status: number, options: LoadOptions): Promise<Map<string, Run[]>> {
  const runs = new Map<string, Run[]>(targets.map((target) => [target.name, []]));
  const run = (target: Target, seconds: number): Promise<Run> => runLoad(target, target.headers ?? headers, target.status ?? status, options, seconds);
  for (const target of targets) await run(target, options.warmup);
  for (let round = 0; round < options.rounds; round++) {
    const order = round % 2 === 0 ? targets : [...targets].reverse();
    for (const target of order) runs.get(target.name)!.push(await run(target, options.duration));
  }
  return runs;
}

/** The median of `values` (the mean of the middle two for an even count). */
export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** The medians over rounds, and the totals of anything that went wrong. */
export interface Summary {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  unexpected: number;
  errors: number;
}

/** Summarises a target's runs on one route. */
export function summarize(runs: readonly Run[]): Summary {
  return {
    requestsPerSecond: median(runs.map((run) => run.requestsPerSecond)),
    p50Ms: median(runs.map((run) => run.p50Ms)),
    p99Ms: median(runs.map((run) => run.p99Ms)),
    unexpected: runs.reduce((sum, run) => sum + run.unexpected, 0),
    errors: runs.reduce((sum, run) => sum + run.errors, 0),
  };
}
