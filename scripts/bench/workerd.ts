/**
 * workerd, the runtime wrangler ships: its binary, a config (Cap'n Proto text) for the app and
 * floor Workers, starting a server and timing its start, and reading its memory from /proc.
 */
import { spawnSync } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, extname, relative } from 'node:path';
import { firstResponse, listening } from './http';
import { startServer, stopServer, type Server } from './processes';

/** The workerd package wrangler depends on (so the runtime is the one `wrangler dev` uses). */
function workerdPackage(): { binary: string; version: string } {
  const fromWrangler = createRequire(createRequire(import.meta.url).resolve('wrangler/package.json'));
  const exported: unknown = fromWrangler('workerd');
  if (typeof exported === 'object' && exported !== null && 'default' in exported && 'version' in exported) {
    const { default: binary, version } = exported;
    if (typeof binary === 'string' && typeof version === 'string') return { binary, version };
  }
  throw new Error("could not find wrangler's workerd binary");
}

export const WORKERD = workerdPackage();

export type ModuleType = 'esModule' | 'commonJsModule' | 'wasm' | 'text' | 'data';

const MODULE_TYPES: Record<string, ModuleType> = {
  '.js': 'esModule',
  '.mjs': 'esModule',
  '.cjs': 'commonJsModule',
  '.wasm': 'wasm',
  '.txt': 'text',
  '.html': 'text',
  '.sql': 'text',
  '.bin': 'data',
};

/** How workerd loads a bundle file, by its extension (wrangler's default module rules). */
export function moduleType(name: string): ModuleType {
  const type = MODULE_TYPES[extname(name)];
  if (type === undefined) throw new Error(`${name}: no module type for this extension`);
  return type;
}

export interface WorkerModule {
  name: string;
  path: string;
  type: ModuleType;
}

export type Binding = { name: string; text: string } | { name: string; service: string } | { name: string; wrapped: { module: string; inner: { name: string; service: string } } };

export interface Worker {
  /** The main module first. */
  modules: WorkerModule[];
  compatibilityDate: string;
  compatibilityFlags: readonly string[];
  bindings: Binding[];
}

/** A Worker, a folder served as files, or a server elsewhere (`host:port`, HTTP). */
export type Service = { name: string; worker: Worker } | { name: string; disk: string } | { name: string; external: string };

export interface Socket {
  service: string;
  port: number;
}

/** A Cap'n Proto text literal (only printable ASCII is needed here, and allowed). */
function text(value: string): string {
  if (!/^[\x20-\x7e]*$/.test(value)) throw new Error(`not printable ASCII, cannot go into the workerd config: ${value}`);
  return JSON.stringify(value);
}

function bindingText(binding: Binding): string {
  if ('wrapped' in binding) {
    const { module, inner } = binding.wrapped;
    return `(name = ${text(binding.name)}, wrapped = (moduleName = ${text(module)}, innerBindings = [(name = ${text(inner.name)}, service = ${text(inner.service)})]))`;
  }
  return 'text' in binding ? `(name = ${text(binding.name)}, text = ${text(binding.text)})` : `(name = ${text(binding.name)}, service = ${text(binding.service)})`;
}

function serviceText(service: Service, configDir: string): string {
  if ('disk' in service) return `(name = ${text(service.name)}, disk = (path = ${text(service.disk)}, writable = false))`;
  if ('external' in service) return `(name = ${text(service.name)}, external = (address = ${text(service.external)}, http = ()))`;
  const { modules, compatibilityDate, compatibilityFlags, bindings } = service.worker;
  // `embed` paths are relative to the config file.
  const moduleList = modules.map((module) => `(name = ${text(module.name)}, ${module.type} = embed ${text(relative(configDir, module.path))})`);
  return [
    `(name = ${text(service.name)}, worker = (`,
    `    modules = [${moduleList.join(', ')}],`,
    `    compatibilityDate = ${text(compatibilityDate)},`,
    `    compatibilityFlags = [${compatibilityFlags.map(text).join(', ')}],`,
    `    bindings = [${bindings.map(bindingText).join(', ')}],`,
    `  ))`,
  ].join('\n');
}

/**
 * Writes a workerd config serving `sockets` (HTTP on 127.0.0.1) from `services` to `path`, with
 * `v8Flags` for V8 when given.
 */
export async function writeConfig(path: string, services: readonly Service[], sockets: readonly Socket[], v8Flags: readonly string[] = []): Promise<void> {
  const configDir = dirname(path);
  const socketList = sockets.map((socket) => `(name = ${text(socket.service)}, address = "127.0.0.1:${socket.port}", http = (), service = ${text(socket.service)})`);
  const config = [
    'using Workerd = import "/workerd/workerd.capnp";',
    'const config :Workerd.Config = (',
    `  services = [\n  ${services.map((service) => serviceText(service, configDir)).join(',\n  ')}\n  ],`,
    `  sockets = [\n    ${socketList.join(',\n    ')}\n  ],`,
    ...(v8Flags.length > 0 ? [`  v8Flags = [${v8Flags.map(text).join(', ')}],`] : []),
    ');',
    '',
  ].join('\n');
  await writeFile(path, config);
}

/**
 * Starts `workerd serve` on a config: Cap'n Proto text, or binary when it ends in `.bin`; `logFile`
 * gets its output. `launcher` (a command and its arguments, e.g. valgrind's) runs workerd, with
 * `options` after the config (e.g. `--inspector-addr`).
 */
export function startWorkerd(configPath: string, logFile?: string, launcher: readonly string[] = [], options: readonly string[] = []): Server {
  const workerd = [WORKERD.binary, 'serve', ...(configPath.endsWith('.bin') ? ['--binary'] : []), configPath, ...options];
  const [command, ...args] = [...launcher, ...workerd];
  return startServer(command!, args, {}, logFile);
}

/** Encodes a text config as binary (`workerd compile --config-only`); returns the `.bin` path. */
export async function compileConfig(configPath: string): Promise<string> {
  const binary = configPath.replace(/\.capnp$/, '.bin');
  const { status, stdout, stderr } = spawnSync(WORKERD.binary, ['compile', '--config-only', configPath, 'config'], { maxBuffer: 2 ** 30 });
  if (status !== 0) throw new Error(`workerd compile ${configPath} failed (exit ${status}):\n${stderr}`);
  await writeFile(binary, stdout);
  return binary;
}

const alive = ({ child }: Server) => (): boolean => child.exitCode === null && child.signalCode === null;

/** Waits for the server's first response to `path` on `port`; names the server's output on failure. */
export async function waitUntilServing(server: Server, port: number, path: string, timeoutMs?: number): Promise<void> {
  try {
    await firstResponse(port, path, alive(server), timeoutMs);
  } catch (error) {
    throw new Error(`workerd did not answer on port ${port}: ${error instanceof Error ? error.message : error}\n${server.log()}`);
  }
}

/** Waits until the server accepts connections on `port` (no request sent); names the server's output on failure. */
export async function waitUntilListening(server: Server, port: number, timeoutMs?: number, intervalMs?: number): Promise<void> {
  try {
    await listening(port, alive(server), timeoutMs, intervalMs);
  } catch (error) {
    throw new Error(`workerd did not listen on port ${port}: ${error instanceof Error ? error.message : error}\n${server.log()}`);
  }
}

export interface Memory {
  rssBytes: number;
  peakRssBytes: number;
}

/** VmRSS and VmHWM of a process, from /proc (null where there is no /proc). */
export async function memoryOf(pid: number | undefined): Promise<Memory | null> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => null);
  const kib = (field: string): number | undefined => {
    const match = status === null ? null : new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    return match ? Number(match[1]) * 1024 : undefined;
  };
  const rssBytes = kib('VmRSS');
  const peakRssBytes = kib('VmHWM');
  return rssBytes === undefined || peakRssBytes === undefined ? null : { rssBytes, peakRssBytes };
}

/** A process over a load run: VmRSS and open files sampled (first, largest, last), VmHWM at the end. */
export interface ProcessWatch {
  startRssBytes: number;
  peakRssBytes: number;
  endRssBytes: number;
  /** The kernel's high-water mark: the peak since the process started, sampled or not. */
  hwmBytes: number;
  peakOpenFiles: number;
  endOpenFiles: number;
}

/** Samples the memory and open file descriptors of `pid` every `intervalMs` until `stop()` (null without /proc). */
export function watchProcess(pid: number | undefined, intervalMs = 200): { stop(): Promise<ProcessWatch | null> } {
  const samples: (Memory & { openFiles: number })[] = [];
  const sample = async (): Promise<void> => {
    const [memory, files] = await Promise.all([memoryOf(pid), readdir(`/proc/${pid}/fd`).catch(() => null)]);
    if (memory !== null && files !== null) samples.push({ ...memory, openFiles: files.length });
  };
  const first = sample();
  // Unref'd: a run that fails before stop() must not keep the process alive.
  const timer = setInterval(() => void sample(), intervalMs).unref();
  return {
    async stop() {
      clearInterval(timer);
      await first;
      await sample();
      if (samples.length === 0) return null;
      const last = samples.at(-1)!;
      return {
        startRssBytes: samples[0]!.rssBytes,
        peakRssBytes: Math.max(...samples.map((one) => one.rssBytes)),
        endRssBytes: last.rssBytes,
        hwmBytes: last.peakRssBytes,
        peakOpenFiles: Math.max(...samples.map((one) => one.openFiles)),
        endOpenFiles: last.openFiles,
      };
    },
  };
}

/**
 * Milliseconds from spawning workerd on `configPath` to the first successful (2xx) response to
 * `path` on `port`; the server is stopped before returning.
 */
export async function timeStartup(configPath: string, port: number, path: string): Promise<number> {
  const started = performance.now();
  const server = startWorkerd(configPath);
  try {
    const response = await firstResponse(port, path, alive(server));
    const ms = performance.now() - started;
    if (response.status < 200 || response.status > 299) throw new Error(`first response to ${path} was ${response.status}\n${server.log()}`);
    return ms;
  } finally {
    await stopServer(server);
  }
}
