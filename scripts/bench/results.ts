/** What one benchmark run measured: written as JSON, printed as tables, drawn as a chart. */
import type { AssetsSnapshot, ContentBuild } from './bundle';
import type { IsolateHeap } from './heap';
import type { Run } from './load';
import type { Memory } from './workerd';

export interface Machine {
  cpu: string;
  cores: number;
  memoryBytes: number;
  node: string;
  workerd: string;
  /** The load generator and its version. */
  loadTool: string;
  nginx: string | null;
}

/** The targets measured on each route; nginx only on the article routes, when installed. */
export type TargetName = 'app' | 'floor' | 'nginx';

export interface RouteResult {
  name: string;
  label: string;
  article: boolean;
  status: number;
  bodyBytes: number;
  runs: Partial<Record<TargetName, Run[]>>;
}

/** Everything measured for one archive size N. */
export interface SizeResult {
  size: number;
  articles: number;
  build: ContentBuild;
  bundle: { seconds: number; modules: number; rawBytes: number; gzipBytes: number; wranglerTotal: string };
  assets: Omit<AssetsSnapshot, 'directory'> | null;
  /** Milliseconds from spawning workerd to the first response: app, floor, floor carrying the app's content module. */
  startup: { appMs: number[]; floorMs: number[]; floorContentMs: number[] };
  /**
   * Memory after load: `app` and `floor` each alone in a workerd after one run on the article
   * JSON route; `shared` the workerd that served both through every load run.
   */
  memory: { app: Memory | null; floor: Memory | null; shared: Memory | null };
  routes: RouteResult[];
}

export interface BenchResults {
  machine: Machine;
  options: { sizes: number[]; duration: number; rounds: number; connections: number; warmup: number };
  sizes: SizeResult[];
}

/** What `--instructions` measured: written as JSON by `--json`, printed and drawn again by `--report`. */
export interface InstructionResults {
  kind: 'instructions';
  machine: Machine;
  options: {
    /** Requests per route before counting. */
    warmup: number;
    /** Requests per callgrind round. */
    requests: number;
    rounds: number;
    /** How many targets were counted at once, each in its own workerd. */
    concurrency: number;
    /** The secondary load runs, outside valgrind. */
    load: { duration: number; rounds: number; warmup: number; connections: number };
  };
  sizes: InstructionSize[];
}

/** A measured target: the app, a floor or a peer design. */
export interface TargetInfo {
  name: string;
  label: string;
  kind: TargetKind;
}

/** The app (one), a floor (app ÷ floor is reported) or a peer (peer ÷ app is reported). */
export type TargetKind = 'app' | 'floor' | 'peer';

/** One route at one size: instructions per request per round, and load runs, by target name; a target without the route is absent. */
export interface InstructionRoute {
  name: string;
  label: string;
  counts: Record<string, number[]>;
  load: Record<string, Run[]>;
}

export interface InstructionSize {
  size: number;
  articles: number;
  /** Wall time of the whole size: build, callgrind and load. */
  seconds: number;
  targets: TargetInfo[];
  routes: InstructionRoute[];
  /** Each target's workerd after its secondary load runs (absent in results from before it was recorded). */
  memory?: Record<string, Memory | null>;
  /** The archive's build, output, startup and heap (absent in results from before they were recorded). */
  scale?: ScaleFigures;
  /** Why this size was not measured (e.g. the build stopped at a platform limit); nothing else is then recorded. */
  failure?: SizeFailure;
}

/** A target's instructions before its warm-up: from process start until it accepted a connection, and each route's first request. */
export interface StartupCounts {
  listening: number;
  /** By route name, in route order: the first is the process's first request. */
  first: Record<string, number>;
}

/** What an archive size costs to build and to start, beside the per-request counts. */
export interface ScaleFigures {
  build: ContentBuild;
  /** The rebuild after one article's body was edited (`file`, in the content's articles/): the first of `edits`. */
  edit: { file: string; build: ContentBuild };
  /** Every one-edit rebuild, in order, each after the last (bench --edits); absent from reports recorded before it. */
  edits?: { file: string; build: ContentBuild }[];
  bundle: { modules: number; rawBytes: number; gzipBytes: number; wranglerTotal: string };
  assets: Omit<AssetsSnapshot, 'directory'> | null;
  /** By target name. */
  startup: Record<string, StartupCounts>;
  /** By target name: the isolate's V8 heap after every route was requested (null: not read). */
  heap: Record<string, IsolateHeap | null>;
}

/** A size that stopped: at which step, with what message, and what the failed build cost when it was the build. */
export interface SizeFailure {
  step: string;
  message: string;
  build: Pick<ContentBuild, 'seconds' | 'cpuSeconds' | 'peakRssBytes'> | null;
}
