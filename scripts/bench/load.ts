/**
 * Load runs with autocannon on loopback, and A/B alternation of targets so that drift (CPU
 * frequency, other processes) falls on every target alike.
 */
import autocannon from 'autocannon';

/** A server answering one route: the app, the floor or nginx. */
export interface Target {
  name: string;
  port: number;
  path: string;
}

export interface LoadOptions {
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
  /** Connection errors and timeouts. */
  errors: number;
}

/** The value below which `fraction` of the sorted `values` fall (nearest rank). */
function percentile(sorted: Float64Array, fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}

/** Runs `seconds` of load on `target` with `headers`, counting statuses other than `status`. */
export function runLoad(target: Target, headers: Record<string, string>, status: number, connections: number, seconds: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
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
          errors: result.errors + result.timeouts,
        });
      },
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      if (statusCode !== status) unexpected++;
    });
  });
}

/**
 * Measures every target on one route: a warm-up, then `rounds` rounds, each running every target
 * once, in reverse order on odd rounds (ABBA…). Returns the runs by target name.
 */
export async function compareTargets(targets: readonly Target[], headers: Record<string, string>, status: number, options: LoadOptions): Promise<Map<string, Run[]>> {
  const runs = new Map<string, Run[]>(targets.map((target) => [target.name, []]));
  for (const target of targets) await runLoad(target, headers, status, options.connections, options.warmup);
  for (let round = 0; round < options.rounds; round++) {
    const order = round % 2 === 0 ? targets : [...targets].reverse();
    for (const target of order) runs.get(target.name)!.push(await runLoad(target, headers, status, options.connections, options.duration));
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
