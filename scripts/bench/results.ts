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
