/** What one benchmark run measured: written as JSON, printed as tables, drawn as a chart. */
import type { AssetsSnapshot, ContentBuild } from './bundle';
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
}
