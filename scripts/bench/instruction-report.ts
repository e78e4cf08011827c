/**
 * The printed report of `--instructions`, per size: instructions per request by route and target,
 * the ratios (app ÷ each floor, each peer ÷ app), and the secondary req/s and latency of the load
 * runs. A target that does not serve a route shows "—" there.
 */
import { roundSummary } from './instructions';
import { summarize } from './load';
import { table } from './report';
import type { InstructionSize, TargetInfo } from './results';

/** What a cell shows where a target does not serve the route. */
export const MISSING = '—';

/** Thousands of instructions per request, median of the rounds, and the round CV: `458.1k (0.3 %)`. */
export function formatCount(rounds: readonly number[] | undefined): string {
  if (rounds === undefined || rounds.length === 0) return MISSING;
  const { median, cv } = roundSummary(rounds);
  return `${(median / 1000).toFixed(1)}k (${cv.toFixed(1)} %)`;
}

/** `numerator ÷ denominator` as `1.78×`, or "—" when either is missing. */
export function formatRatio(numerator: number | undefined, denominator: number | undefined): string {
  if (numerator === undefined || denominator === undefined || denominator === 0) return MISSING;
  return `${(numerator / denominator).toFixed(2)}×`;
}

/** A ratio column: which target's median is divided by which. */
export interface RatioColumn {
  label: string;
  numerator: string;
  denominator: string;
}

/** App ÷ each floor, then each peer ÷ app (how many times the app's cost a peer's is), in target order. */
export function ratioColumns(targets: readonly TargetInfo[]): RatioColumn[] {
  const app = targets.find((target) => target.kind === 'app');
  if (app === undefined) return [];
  const floors = targets.filter((target) => target.kind === 'floor').map((floor) => ({ label: `${app.label} ÷ ${floor.label}`, numerator: app.name, denominator: floor.name }));
  const peers = targets.filter((target) => target.kind === 'peer').map((peer) => ({ label: `${peer.label} ÷ ${app.label}`, numerator: peer.name, denominator: app.name }));
  return [...floors, ...peers];
}

const medianOf = (rounds: readonly number[] | undefined): number | undefined => (rounds === undefined || rounds.length === 0 ? undefined : roundSummary(rounds).median);

/** Rows of the counts table: a route, then each target's median (CV). */
export function countRows(size: InstructionSize): string[][] {
  return size.routes.map((route) => [route.label, ...size.targets.map((target) => formatCount(route.counts[target.name]))]);
}

/** Rows of the ratios table, one column per `ratioColumns`. */
export function ratioRows(size: InstructionSize): string[][] {
  const columns = ratioColumns(size.targets);
  return size.routes.map((route) => [route.label, ...columns.map(({ numerator, denominator }) => formatRatio(medianOf(route.counts[numerator]), medianOf(route.counts[denominator])))]);
}

const f0 = (value: number): string => value.toFixed(0);
const f2 = (value: number): string => value.toFixed(2);

/** Rows of the load table: one per route and target that served it (medians over the rounds). */
export function loadRows(size: InstructionSize): string[][] {
  return size.routes.flatMap((route) =>
    size.targets.flatMap((target) => {
      const runs = route.load[target.name];
      if (runs === undefined || runs.length === 0) return [];
      const summary = summarize(runs);
      return [[route.label, target.label, f0(summary.requestsPerSecond), f2(summary.p50Ms), f2(summary.p99Ms), `${summary.unexpected}/${summary.errors}`]];
    }),
  );
}

const MIB = 1024 * 1024;

/** Rows of the memory table: each target's workerd RSS and peak RSS (MiB) after its load runs. */
export function memoryRows(size: InstructionSize): string[][] {
  return size.targets.flatMap((target) => {
    const memory = size.memory?.[target.name];
    return memory ? [[target.label, (memory.rssBytes / MIB).toFixed(0), (memory.peakRssBytes / MIB).toFixed(0)]] : [];
  });
}

/** The report of one size: counts, ratios, and (when measured) the load and memory tables. */
export function instructionSizeReport(size: InstructionSize): string {
  const counts = table(['route', ...size.targets.map((target) => `${target.label} instr/req (CV)`)], countRows(size));
  const ratios = table(['route', ...ratioColumns(size.targets).map((column) => column.label)], ratioRows(size));
  const load = loadRows(size);
  const memory = memoryRows(size);
  return [
    `## N = ${size.size} (${size.articles} article(s)): instructions per request`,
    '',
    counts,
    '',
    ratios,
    '',
    ...(load.length > 0 ? ['Secondary, outside valgrind (req/s swing 15–30 % between identical runs here):', '', table(['route', 'target', 'req/s', 'p50 ms', 'p99 ms', 'bad/errors'], load, 2), ''] : []),
    ...(memory.length > 0 ? ['workerd memory after the load runs (each target in its own workerd):', '', table(['target', 'RSS MiB', 'peak RSS MiB'], memory, 1), ''] : []),
    `N = ${size.size} measured in ${size.seconds.toFixed(0)} s (build, callgrind and load).`,
  ].join('\n');
}
