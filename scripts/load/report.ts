/** What `npm run load` measured: written as JSON, printed as two markdown tables. */
import type { Run } from '../bench/load';
import { machineReport, table } from '../bench/report';
import type { Machine } from '../bench/results';
import type { ProcessWatch } from '../bench/workerd';
import type { MixedRun } from './mixed';

/** Lines workerd logged during a run: the cross-request I/O error, and running out of file descriptors. */
export interface LogCounts {
  crossRequestIO: number;
  tooManyOpenFiles: number;
}

/** What every run records besides its own figures: workerd's memory, its log, the machine's load. */
export interface Measured<T> {
  run: T;
  /** workerd's memory and open files over the run. */
  process: ProcessWatch | null;
  logged: LogCounts;
  /** How workerd died during the run, when it did: the figures stop there. */
  workerdExit: string | null;
  /** The 1-minute load average when the run began (the machine may be shared). */
  loadAverage: number;
}

export interface LoadResults {
  machine: Machine;
  options: { count: number; duration: number; connections: number; mixedDuration: number; clients: number; aborting: number; abortAfterMs: readonly [number, number] };
  articles: number;
  routes: (Measured<Run> & { label: string; path: string })[];
  /** Null when workerd died before it. */
  mixed: Measured<MixedRun> | null;
  log: string;
}

const MiB = 1024 * 1024;
const mib = (bytes: number): string => (bytes / MiB).toFixed(0);
const f1 = (value: number): string => (Number.isNaN(value) ? '–' : value.toFixed(1));

function statusList(statuses: Record<string, number>): string {
  return Object.entries(statuses)
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([status, count]) => `${status}: ${count}`)
    .join(', ');
}

const serverErrors = (statuses: Record<string, number>): number => Object.entries(statuses).reduce((sum, [status, count]) => sum + (Number(status) >= 500 ? count : 0), 0);

/** RSS sampled at the start → the peak sample (the kernel's high-water mark), MiB. */
const memoryCell = (watch: ProcessWatch | null): string => (watch === null ? '–' : `${mib(watch.startRssBytes)} → ${mib(watch.peakRssBytes)} (${mib(watch.hwmBytes)})`);
/** Open file descriptors: the peak sample (at the end). */
const filesCell = (watch: ProcessWatch | null): string => (watch === null ? '–' : `${watch.peakOpenFiles} (${watch.endOpenFiles})`);

export function routesReport(results: LoadResults): string {
  const { connections, duration } = results.options;
  const rows = results.routes.map(({ label, path, run, process, logged, loadAverage }) => [
    label,
    path.length > 40 ? `${path.slice(0, 39)}…` : path,
    String(run.responses),
    f1(run.requestsPerSecond),
    f1(run.p50Ms),
    f1(run.p99Ms),
    statusList(run.statuses),
    String(serverErrors(run.statuses)),
    String(run.errors),
    memoryCell(process),
    filesCell(process),
    `${logged.crossRequestIO} / ${logged.tooManyOpenFiles}`,
    f1(loadAverage),
  ]);
  const header = ['route', 'path', 'responses', 'req/s', 'p50 ms', 'p99 ms', 'statuses', '5xx', 'socket errors', 'RSS MiB start → peak (HWM)', 'fds peak (end)', 'log: cross-request I/O / too many files', 'load avg'];
  return `## Routes: ${connections} connections × ${duration} s each\n\n${table(header, rows, 2)}`;
}

export function mixedReport(results: LoadResults): string {
  const { clients, aborting, abortAfterMs, mixedDuration } = results.options;
  if (results.mixed === null) return '## Mixed: not run (workerd had died)';
  const { run, process, logged, loadAverage } = results.mixed;
  const header = ['requests', 'req/s', 'p50 ms', 'p99 ms', 'statuses', '5xx', 'of which runtime (not problem+json)', 'aborted', 'socket errors', 'RSS MiB start → peak (HWM)', 'fds peak (end)', 'log: cross-request I/O / too many files', 'load avg'];
  const row = [
    String(run.requests),
    f1(run.requestsPerSecond),
    f1(run.p50Ms),
    f1(run.p99Ms),
    statusList(run.statuses),
    String(serverErrors(run.statuses)),
    String(run.runtimeErrors),
    String(run.aborted),
    `${run.socketErrors}${run.socketErrorKinds.length > 0 ? ` (${run.socketErrorKinds.join(', ')})` : ''}`,
    memoryCell(process),
    filesCell(process),
    `${logged.crossRequestIO} / ${logged.tooManyOpenFiles}`,
    f1(loadAverage),
  ];
  const title = `## Mixed: ${clients} clients (${aborting} aborting after ${abortAfterMs[0]}–${abortAfterMs[1]} ms) × ${mixedDuration} s, random articles as JSON, HTML or Markdown`;
  return `${title}\n\n${table(header, [row], 0)}`;
}

export function loadReport(results: LoadResults): string {
  const deaths = [...results.routes, ...(results.mixed === null ? [] : [results.mixed])].flatMap((run) => (run.workerdExit === null ? [] : [`\n**${run.workerdExit}**`]));
  return [
    `# edgewire load test\n\n${machineReport(results.machine)}`,
    `Archive: ${results.articles} articles (the real content + ${results.options.count} synthetic); workerd log: ${results.log}\n`,
    routesReport(results),
    '',
    mixedReport(results),
    ...deaths,
  ].join('\n');
}
