/** The printed report: markdown tables per size and across sizes, and the goal checks. */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { cpus, totalmem } from 'node:os';
import { median, summarize, type LoadTool, type Run, type Summary } from './load';
import type { BenchResults, Machine, RouteResult, SizeResult } from './results';
import { WORKERD, type Memory } from './workerd';

const KiB = 1024;
const MiB = 1024 * 1024;

/** The goals the benchmark checks and reports as met or not. */
const GOALS = {
  minRpsVsFloor: 0.9,
  maxP99VsFloor: 1.2,
  maxBuildSeconds: 30,
  maxBundleGzipBytes: 3 * MiB,
  maxStartupMs: 100,
  minRpsVsSmallest: 0.9,
};

const fixed = (digits: number) => (value: number | null | undefined): string => (value === null || value === undefined || Number.isNaN(value) ? '–' : value.toFixed(digits));
const f0 = fixed(0);
const f1 = fixed(1);
const f2 = fixed(2);

/** A markdown table; the first `textColumns` columns are left-aligned, the rest (figures) right-aligned. */
export function table(header: readonly string[], rows: readonly (readonly string[])[], textColumns = 1): string {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => row[column]?.length ?? 0), 3));
  const line = (cells: readonly string[]): string =>
    `| ${cells.map((cell, column) => (column < textColumns ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join(' | ')} |`;
  const rule = `|${widths.map((width, column) => (column < textColumns ? `-${'-'.repeat(width)}-` : `-${'-'.repeat(width)}:`)).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

/** The machine, runtime and load generator the figures come from. */
export function describeMachine(tool: LoadTool, nginx: string | null): Machine {
  const require = createRequire(import.meta.url);
  const autocannonPackage: unknown = require('autocannon/package.json');
  const autocannonVersion = typeof autocannonPackage === 'object' && autocannonPackage !== null && 'version' in autocannonPackage ? String(autocannonPackage.version) : '?';
  const nginxVersion = nginx ? spawnSync(nginx, ['-v'], { encoding: 'utf8' }).stderr.trim().replace(/^nginx version: /, '') : null;
  const loadTool = tool.name === 'wrk' ? spawnSync(tool.binary, ['-v'], { encoding: 'utf8' }).stdout.split(' ').slice(0, 2).join(' ') : `autocannon ${autocannonVersion}`;
  return {
    cpu: cpus()[0]?.model ?? 'unknown CPU',
    cores: cpus().length,
    memoryBytes: totalmem(),
    node: process.version,
    workerd: WORKERD.version,
    loadTool,
    nginx: nginxVersion,
  };
}

/** The machine the figures come from. */
export function machineReport(machine: Machine): string {
  return [
    `Machine: ${machine.cpu} × ${machine.cores}, ${f1(machine.memoryBytes / 1024 / MiB)} GiB RAM`,
    `Node ${machine.node}, workerd ${machine.workerd}, ${machine.loadTool}, nginx ${machine.nginx ?? 'not installed'}`,
  ].join('\n');
}

const summaryOf = (route: RouteResult, target: 'app' | 'floor' | 'nginx'): Summary | null => {
  const runs = route.runs[target];
  return runs && runs.length > 0 ? summarize(runs) : null;
};

/**
 * App ÷ floor on a route, from paired rounds: round i of the app ran next to round i of the floor,
 * so each pair shares the machine's drift; the median of the per-pair ratios.
 */
export function versusFloor(route: RouteResult): { rps: number; p99: number } | null {
  const app = route.runs.app ?? [];
  const floor = route.runs.floor ?? [];
  if (app.length === 0 || app.length !== floor.length) return null;
  return {
    rps: median(app.map((run, round) => run.requestsPerSecond / floor[round]!.requestsPerSecond)),
    p99: median(app.map((run, round) => run.p99Ms / floor[round]!.p99Ms)),
  };
}

const memory = (value: Memory | null): string => (value ? `${f0(value.rssBytes / MiB)} (${f0(value.peakRssBytes / MiB)})` : '–');

/** Build, bundle, startup and memory figures for one size. */
function sizeTable(result: SizeResult): string {
  const appStartup = median(result.startup.appMs);
  const floorStartup = median(result.startup.floorMs);
  const floorContentStartup = median(result.startup.floorContentMs);
  const header = [
    'N', 'build s', 'build peak MiB', 'bundle KiB', 'bundle gzip KiB', 'assets files', 'assets MiB',
    'startup app ms', 'floor ms', 'floor+content ms', 'app−(floor+content) ms', 'RSS (HWM) MiB: app', 'floor', 'shared',
  ];
  const row = [
    String(result.size),
    f2(result.build.seconds),
    f0(result.build.peakRssBytes === null ? null : result.build.peakRssBytes / MiB),
    f1(result.bundle.rawBytes / KiB),
    f1(result.bundle.gzipBytes / KiB),
    result.assets ? String(result.assets.files) : '–',
    result.assets ? f1(result.assets.bytes / MiB) : '–',
    f1(appStartup),
    f1(floorStartup),
    f1(floorContentStartup),
    f1(appStartup - floorContentStartup),
    memory(result.memory.app),
    memory(result.memory.floor),
    memory(result.memory.shared),
  ];
  return table(header, [row]);
}

/** How far apart a target's rounds were: (max − min) ÷ median of req/s, in percent. */
function spread(runs: readonly Run[] | undefined): number | null {
  if (!runs || runs.length < 2) return null;
  const rates = runs.map((run) => run.requestsPerSecond);
  return ((Math.max(...rates) - Math.min(...rates)) / median(rates)) * 100;
}

/** Throughput and latency per route: app, floor, their ratios, and nginx where measured. */
function routeTable(routes: readonly RouteResult[]): string {
  const header = ['route', 'status', 'body B', 'app req/s', 'p50 ms', 'p99 ms', 'floor req/s', 'p50 ms', 'p99 ms', 'req/s app÷floor (paired)', 'p99 app÷floor (paired)', 'nginx req/s', 'p50 ms', 'p99 ms', 'spread %', 'bad/errors'];
  const rows = routes.map((route) => {
    const app = summaryOf(route, 'app');
    const floor = summaryOf(route, 'floor');
    const nginx = summaryOf(route, 'nginx');
    const bad = [app, floor, nginx].reduce((sum, s) => sum + (s ? s.unexpected : 0), 0);
    const errors = [app, floor, nginx].reduce((sum, s) => sum + (s ? s.errors : 0), 0);
    const spreads = [spread(route.runs.app), spread(route.runs.floor)].filter((value) => value !== null);
    const ratio = versusFloor(route);
    return [
      route.label,
      String(route.status),
      String(route.bodyBytes),
      f0(app?.requestsPerSecond),
      f2(app?.p50Ms),
      f2(app?.p99Ms),
      f0(floor?.requestsPerSecond),
      f2(floor?.p50Ms),
      f2(floor?.p99Ms),
      f2(ratio?.rps),
      f2(ratio?.p99),
      f0(nginx?.requestsPerSecond),
      f2(nginx?.p50Ms),
      f2(nginx?.p99Ms),
      f0(spreads.length > 0 ? Math.max(...spreads) : null),
      `${bad}/${errors}`,
    ];
  });
  return table(header, rows);
}

/** The report for one size. */
export function sizeReport(result: SizeResult): string {
  const source = result.size === 1 ? 'the real content' : 'synthetic corpus';
  return [
    `## N = ${result.size} (${result.articles} article(s), ${source})`,
    '',
    sizeTable(result),
    '',
    `wrangler: ${result.bundle.wranglerTotal} (${result.bundle.modules} module file(s))`,
    '',
    routeTable(result.routes),
  ].join('\n');
}

const findRoute = (result: SizeResult, name: string): RouteResult | undefined => result.routes.find((route) => route.name === name);

const appRps = (result: SizeResult, name: string): number | null => {
  const route = findRoute(result, name);
  return route ? (summaryOf(route, 'app')?.requestsPerSecond ?? null) : null;
};

/** App req/s on a route at one size, and as a fraction of the floor's (paired rounds). */
function routeFigures(result: SizeResult, name: string): { rps: number; ratio: number; bodyBytes: number } | null {
  const route = findRoute(result, name);
  const app = route && summaryOf(route, 'app');
  const ratio = route && versusFloor(route);
  return route && app && ratio ? { rps: app.requestsPerSecond, ratio: ratio.rps, bodyBytes: route.bodyBytes } : null;
}

/** App req/s per route and startup across sizes. */
function summaryTable(sizes: readonly SizeResult[]): string {
  const routes = [...new Map(sizes.flatMap((size) => size.routes.map((route) => [route.name, route.label] as const))).entries()];
  const header = ['N', 'build s', 'gzip KiB', 'startup app ms', 'floor+content ms', 'floor ms', ...routes.map(([, label]) => `${label} req/s`), 'floor req/s (article JSON)'];
  const rows = sizes.map((size) => {
    const articleJson = findRoute(size, 'article-json');
    const floor = articleJson ? summaryOf(articleJson, 'floor') : null;
    return [
      String(size.size),
      f2(size.build.seconds),
      f1(size.bundle.gzipBytes / KiB),
      f1(median(size.startup.appMs)),
      f1(median(size.startup.floorContentMs)),
      f1(median(size.startup.floorMs)),
      ...routes.map(([name]) => f0(appRps(size, name))),
      f0(floor?.requestsPerSecond),
    ];
  });
  return table(header, rows);
}

interface Check {
  goal: string;
  measured: string;
  met: boolean | null;
}

/** Article routes against the floor: the worst ratio over all sizes. */
function floorChecks(sizes: readonly SizeResult[]): Check[] {
  const byRoute = new Map<string, { label: string; ratios: { size: number; rps: number; p99: number }[] }>();
  for (const size of sizes) {
    for (const route of size.routes.filter((candidate) => candidate.article)) {
      const ratio = versusFloor(route);
      if (!ratio) continue;
      const entry = byRoute.get(route.name) ?? { label: route.label, ratios: [] };
      entry.ratios.push({ size: size.size, ...ratio });
      byRoute.set(route.name, entry);
    }
  }
  return [...byRoute.values()].flatMap(({ label, ratios }) => {
    const worstRps = ratios.reduce((worst, ratio) => (ratio.rps < worst.rps ? ratio : worst));
    const worstP99 = ratios.reduce((worst, ratio) => (ratio.p99 > worst.p99 ? ratio : worst));
    return [
      { goal: `${label}: req/s ≥ ${GOALS.minRpsVsFloor}× floor`, measured: `worst ${f2(worstRps.rps)}× (N=${worstRps.size})`, met: worstRps.rps >= GOALS.minRpsVsFloor },
      { goal: `${label}: p99 ≤ ${GOALS.maxP99VsFloor}× floor`, measured: `worst ${f2(worstP99.p99)}× (N=${worstP99.size})`, met: worstP99.p99 <= GOALS.maxP99VsFloor },
    ];
  });
}

/** Build, bundle, startup and scaling at the largest size. */
function largestSizeChecks(sizes: readonly SizeResult[]): Check[] {
  const largest = sizes.reduce((max, size) => (size.size > max.size ? size : max));
  const smallest = sizes.find((size) => size.size === 1) ?? null;
  const appStartup = median(largest.startup.appMs);
  const floorStartup = median(largest.startup.floorMs);
  const floorContentStartup = median(largest.startup.floorContentMs);
  const startup = appStartup - floorContentStartup;
  const at = `N=${largest.size}`;
  const checks: Check[] = [
    { goal: `${at}: content build ≤ ${GOALS.maxBuildSeconds} s`, measured: `${f2(largest.build.seconds)} s`, met: largest.build.seconds <= GOALS.maxBuildSeconds },
    {
      goal: `${at}: bundle gzip ≤ ${GOALS.maxBundleGzipBytes / MiB} MiB`,
      measured: `${f2(largest.bundle.gzipBytes / MiB)} MiB`,
      met: largest.bundle.gzipBytes <= GOALS.maxBundleGzipBytes,
    },
    // Module evaluation to first response: what the app's code adds to a workerd that loads the
    // same modules (workerd's process start and module loading are the floor+content startup).
    {
      goal: `${at}: startup (app − floor with the same content module) ≤ ${GOALS.maxStartupMs} ms`,
      measured: `${f1(startup)} ms (app ${f1(appStartup)}, floor+content ${f1(floorContentStartup)}, floor ${f1(floorStartup)})`,
      met: startup <= GOALS.maxStartupMs,
    },
  ];
  // Every size serves the same article (the real one, newest at every N). Each size runs in its
  // own workerd minutes apart, and this machine's speed drifts more than 10% over minutes, so the
  // comparison is of req/s as fractions of the floor measured alongside; raw req/s are printed too.
  for (const route of largest.routes.filter((candidate) => candidate.article && candidate.name !== 'middle-json')) {
    const now = routeFigures(largest, route.name);
    const base = smallest && routeFigures(smallest, route.name);
    const ratio = now && base ? now.ratio / base.ratio : null;
    checks.push({
      goal: `${at}: ${route.label} req/s ≥ ${GOALS.minRpsVsSmallest}× N=1 (as fractions of the floor)`,
      measured:
        ratio === null || !now || !base
          ? 'N=1 not measured'
          : `${f2(ratio)}× (${f2(now.ratio)} vs ${f2(base.ratio)} of the floor; raw ${f0(now.rps)} vs ${f0(base.rps)} req/s; ${now.bodyBytes} vs ${base.bodyBytes} B)`,
      met: ratio === null ? null : ratio >= GOALS.minRpsVsSmallest,
    });
  }
  return checks;
}

/** Every load run got only the expected status, and no connection errors. */
function cleanRunsCheck(sizes: readonly SizeResult[]): Check {
  const summaries = sizes.flatMap((size) => size.routes.flatMap((route) => Object.values(route.runs).map((runs) => summarize(runs))));
  const bad = summaries.reduce((sum, summary) => sum + summary.unexpected, 0);
  const errors = summaries.reduce((sum, summary) => sum + summary.errors, 0);
  return { goal: 'no unexpected status, no connection error', measured: `${bad} unexpected, ${errors} errors`, met: bad === 0 && errors === 0 };
}

/** The closing report: the table across sizes and every goal, met or not. */
export function finalReport(results: BenchResults): string {
  const checks = [cleanRunsCheck(results.sizes), ...floorChecks(results.sizes), ...largestSizeChecks(results.sizes)];
  const verdict = (met: boolean | null): string => (met === null ? 'n/a' : met ? 'met' : 'NOT met');
  return [
    '## Summary (app req/s, medians)',
    '',
    summaryTable(results.sizes),
    '',
    '## Goals',
    '',
    table(['goal', 'measured', 'verdict'], checks.map((check) => [check.goal, check.measured, verdict(check.met)]), 3),
  ].join('\n');
}
