/**
 * The printed report of what an archive size costs beside its per-request counts: the build (wall,
 * CPU, peak RSS, files written and removed) and the one-edit rebuild, the bundle and the asset
 * files, instructions from process start to the first response and each route's first request,
 * the isolate's heap, and instructions per request as means over every round (each round's
 * garbage collections amortised) next to the medians. Pure functions of the results.
 */
import type { ContentBuild } from './bundle';
import { MISSING, formatRatio, ratioColumns } from './instruction-report';
import { roundSummary } from './instructions';
import { table } from './report';
import type { InstructionSize, ScaleFigures } from './results';

const KIB = 1024;
const MIB = 1024 * 1024;

const orMissing = (value: number | null | undefined, format: (value: number) => string): string => (value === null || value === undefined ? MISSING : format(value));
const seconds = (value: number | null | undefined): string => orMissing(value, (s) => s.toFixed(2));
const mebibytes = (value: number | null | undefined): string => orMissing(value, (bytes) => (bytes / MIB).toFixed(0));
const thousands = (value: number | undefined): string => orMissing(value, (count) => `${(count / 1000).toFixed(1)}k`);
const millions = (value: number | undefined): string => orMissing(value, (count) => `${(count / 1e6).toFixed(1)} M`);
/** Thousands, or millions from ten million up (a process's first request runs to tens of millions). */
const count = (value: number | undefined): string => (value !== undefined && value >= 1e7 ? millions(value) : thousands(value));

/** The mean of every round, each round the same number of requests: instructions per request with collections amortised. */
export function meanOf(rounds: readonly number[] | undefined): number | undefined {
  return rounds === undefined || rounds.length === 0 ? undefined : rounds.reduce((sum, x) => sum + x, 0) / rounds.length;
}

const medianOf = (rounds: readonly number[] | undefined): number | undefined => (rounds === undefined || rounds.length === 0 ? undefined : roundSummary(rounds).median);

function buildRow(label: string, build: ContentBuild): string[] {
  const files = build.files;
  return [label, seconds(build.seconds), seconds(build.cpuSeconds), mebibytes(build.peakRssBytes), orMissing(files?.files, String), orMissing(files?.written, String), orMissing(files?.removed, String)];
}

/**
 * The full build and the one-edit rebuild (each of several, then their median, column by column):
 * wall and CPU seconds, peak RSS, and the asset files it reported.
 */
export function buildRows(scale: ScaleFigures): string[][] {
  const edits = scale.edits ?? [scale.edit];
  if (edits.length === 1) return [buildRow('full build', scale.build), buildRow(`one edit (${edits[0]!.file})`, edits[0]!.build)];
  const rows = edits.map(({ file, build }, at) => buildRow(`one edit ${at + 1}/${edits.length} (${file})`, build));
  return [buildRow('full build', scale.build), ...rows, buildRow(`one edit, median of ${edits.length}`, medianBuild(edits.map(({ build }) => build)))];
}

/** Each figure's median over the builds ("—" where a build lacks it). */
function medianBuild(builds: readonly ContentBuild[]): ContentBuild {
  const median = (values: readonly (number | null | undefined)[]): number | null => (values.some((value) => value === null || value === undefined) ? null : roundSummary(values as number[]).median);
  const files = builds.map((build) => build.files);
  const filesOf = (key: 'files' | 'written' | 'removed') => median(files.map((tally) => tally?.[key]));
  const tally = files.some((one) => one === null) ? null : { files: filesOf('files')!, written: filesOf('written')!, removed: filesOf('removed')! };
  return { seconds: median(builds.map(({ seconds }) => seconds))!, cpuSeconds: median(builds.map(({ cpuSeconds }) => cpuSeconds)), peakRssBytes: median(builds.map(({ peakRssBytes }) => peakRssBytes)), files: tally, output: '' };
}

/** The deployable output: bundle raw and gzip, asset files, their bytes, and the largest file. */
export function outputRow(scale: ScaleFigures): string[] {
  const { bundle, assets } = scale;
  const largest = assets?.largest;
  return [
    (bundle.rawBytes / KIB).toFixed(1),
    (bundle.gzipBytes / KIB).toFixed(1),
    orMissing(assets?.files, String),
    orMissing(assets?.bytes, (bytes) => (bytes / MIB).toFixed(1)),
    largest ? `${largest.bytes} (${largest.path})` : MISSING,
  ];
}

/** Per top-level assets folder: files, MiB, and the largest file (bytes and path). */
export function folderRows(scale: ScaleFigures): string[][] {
  return Object.entries(scale.assets?.folders ?? {})
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([folder, tally]) => [folder, String(tally.files), (tally.bytes / MIB).toFixed(1), tally.largest ? `${tally.largest.bytes} (${tally.largest.path})` : MISSING]);
}

/** Per target: instructions until workerd listened, of its first request (the first route's), and their sum. */
export function startupRows(size: InstructionSize): string[][] {
  const firstRoute = size.routes[0]?.name;
  return size.targets.flatMap((target) => {
    const startup = size.scale?.startup[target.name];
    if (startup === undefined || firstRoute === undefined) return [];
    const first = startup.first[firstRoute];
    return [[target.label, millions(startup.listening), millions(first), millions(first === undefined ? undefined : startup.listening + first)]];
  });
}

/** Per route: each target's first request of it (cold), then the app's warm median for comparison. */
export function firstRequestRows(size: InstructionSize): string[][] {
  return size.routes.map((route) => [
    route.label,
    ...size.targets.map((target) => count(size.scale?.startup[target.name]?.first[route.name])),
    thousands(medianOf(route.counts.app)),
  ]);
}

/** Per route: each target's mean and median per request, then app ÷ each floor (and peer ÷ app) of the means. */
export function meanRows(size: InstructionSize): string[][] {
  const columns = ratioColumns(size.targets);
  const rows = size.routes.map((route) => [
    route.label,
    ...size.targets.flatMap((target) => [thousands(meanOf(route.counts[target.name])), thousands(medianOf(route.counts[target.name]))]),
    ...columns.map(({ numerator, denominator }) => formatRatio(meanOf(route.counts[numerator]), meanOf(route.counts[denominator]))),
  ]);
  // Every route's rounds together: a collection counts wherever it landed (a route's own mean
  // carries the collections that happened to fall in its rounds).
  const all = [
    'all routes',
    ...size.targets.flatMap((target) => [thousands(pooledMean(size, [target.name])), '—']),
    ...columns.map(({ numerator, denominator }) => formatRatio(pooledMean(size, [numerator, denominator]), pooledMean(size, [denominator, numerator]))),
  ];
  return size.routes.length > 1 ? [...rows, all] : rows;
}

/** The mean of `targets[0]`'s rounds over every route where each of `targets` was counted. */
function pooledMean(size: InstructionSize, targets: readonly string[]): number | undefined {
  const counted = size.routes.filter((route) => targets.every((name) => (route.counts[name]?.length ?? 0) > 0));
  return meanOf(counted.flatMap((route) => route.counts[targets[0]!]!));
}

/** Per target whose heap was read: V8 heap used and reserved, and workerd's objects in it (MiB, one decimal). */
export function heapRows(size: InstructionSize): string[][] {
  const mib = (bytes: number): string => (bytes / MIB).toFixed(1);
  return size.targets.flatMap((target) => {
    const heap = size.scale?.heap[target.name];
    return heap ? [[target.label, mib(heap.usedBytes), mib(heap.totalBytes), mib(heap.embedderBytes)]] : [];
  });
}

/** A size that stopped: the step, its message as printed, and what a failed build cost until then. */
export function failureReport(size: InstructionSize): string {
  const failure = size.failure;
  if (failure === undefined) return '';
  const cost = failure.build ? ` after ${seconds(failure.build.seconds)} s wall, ${seconds(failure.build.cpuSeconds)} s CPU, peak RSS ${mebibytes(failure.build.peakRssBytes)} MiB` : '';
  return [`## N = ${size.size}: stopped at the ${failure.step}${cost}`, '', '```', failure.message.trim(), '```'].join('\n');
}

/** The scale report of one size (empty when its results have no scale figures). */
export function scaleReport(size: InstructionSize): string {
  if (size.failure !== undefined) return failureReport(size);
  const scale = size.scale;
  if (scale === undefined) return '';
  const meanHeader = ['route', ...size.targets.flatMap((target) => [`${target.label} mean`, 'median']), ...ratioColumns(size.targets).map((column) => `${column.label} (means)`)];
  const heap = heapRows(size);
  const folders = folderRows(scale);
  return [
    `## N = ${size.size} (${size.articles} article(s)): build, output, startup`,
    '',
    table(['build', 'wall s', 'CPU s', 'peak RSS MiB', 'asset files', 'written', 'removed'], buildRows(scale)),
    '',
    table(['bundle KiB', 'gzip KiB', 'asset files', 'assets MiB', 'largest file B'], [outputRow(scale)], 0),
    '',
    ...(folders.length > 0 ? [table(['assets folder', 'files', 'MiB', 'largest file B'], folders), ''] : []),
    'Instructions from process start (callgrind), before the warm-up:',
    '',
    table(['target', 'to listening', 'first request', 'start → first response'], startupRows(size)),
    '',
    table(['first request of', ...size.targets.map((target) => target.label), `${size.targets[0]?.label ?? 'app'} warm (median)`], firstRequestRows(size)),
    '',
    'Instructions per request after the warm-up: mean of all rounds (collections amortised) and median:',
    '',
    table(meanHeader, meanRows(size)),
    ...(heap.length > 0 ? ['', 'Isolate heap after every route was requested (inspector, Runtime.getHeapUsage):', '', table(['target', 'used MiB', 'total MiB', 'embedder MiB'], heap)] : []),
  ].join('\n');
}
