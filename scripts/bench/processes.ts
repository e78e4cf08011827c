/**
 * Child processes of the benchmark and the load test: every server (and load generator) they
 * start is tracked here, so one call stops them all on exit, on Ctrl-C and on errors. Also free
 * ports, timed command runs, and the main/cleanup/signal frame both scripts run in.
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, join } from 'node:path';

/** An executable on PATH (or at one of `elsewhere`), or null. */
export function findExecutable(name: string, elsewhere: readonly string[] = []): string | null {
  const candidates = [...(process.env.PATH ?? '').split(delimiter).filter(Boolean).map((dir) => join(dir, name)), ...elsewhere];
  return candidates.find((path) => existsSync(path)) ?? null;
}

const running = new Set<ChildProcess>();

/** A tracked server process and the tail of what it printed (for error messages). */
export interface Server {
  child: ChildProcess;
  log(): string;
}

const LOG_TAIL = 4000;

/** Tracks a child process until it exits, so `killAllServers` stops it too. */
export function track<Child extends ChildProcess>(child: Child): Child {
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

/** Starts a long-running server process and tracks it until it exits; `logFile` gets all it prints. */
export function startServer(command: string, args: readonly string[], options: SpawnOptions = {}, logFile?: string): Server {
  const child = track(spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] }));
  const file = logFile === undefined ? null : createWriteStream(logFile, { flags: 'a' });
  child.once('exit', () => file?.end());
  let tail = '';
  // Drained continuously: a full pipe would block the server.
  const keep = (chunk: string): void => {
    tail = (tail + chunk).slice(-LOG_TAIL);
    file?.write(chunk);
  };
  child.stdout?.setEncoding('utf8').on('data', keep);
  child.stderr?.setEncoding('utf8').on('data', keep);
  return { child, log: () => tail };
}

/** Stops one tracked server: SIGTERM, then SIGKILL if it has not exited within a second. */
export async function stopServer({ child }: Server): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 1000);
  await exited;
  clearTimeout(timer);
}

/** Kills every tracked process at once (synchronous, so it is safe in exit and signal handlers). */
export function killAllServers(): void {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
}

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  await once(server, 'close');
  if (address === null || typeof address === 'string') throw new Error('could not find a free port');
  return address.port;
}

export interface CommandRun {
  seconds: number;
  stdout: string;
  stderr: string;
}

/** How long a command may run (`timeoutMs`), on top of the spawn options. */
export interface CommandOptions extends SpawnOptions {
  timeoutMs?: number;
}

/**
 * Stops a command that ran out of time: SIGTERM to its own children first (under /usr/bin/time,
 * the timed process, so that time still reports what it used), then SIGKILL to its whole process
 * group a few seconds later.
 */
function stopCommand(child: ChildProcess): void {
  const pid = child.pid;
  if (pid === undefined) return;
  const children = (() => {
    try {
      return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    } catch {
      return [];
    }
  })();
  for (const one of children.length > 0 ? children : [pid]) process.kill(one, 'SIGTERM');
  setTimeout(() => {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // The group has exited already.
    }
  }, 5000).unref();
}

/**
 * Runs a command to completion, timing it; a non-zero exit is an error that shows the output. With
 * `timeoutMs` it runs in its own process group and is stopped when the time is up, and the error says so.
 */
export async function runCommand(command: string, args: readonly string[], { timeoutMs, ...options }: CommandOptions = {}): Promise<CommandRun> {
  const started = performance.now();
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options, ...(timeoutMs === undefined ? {} : { detached: true }) });
  let stdout = '';
  let stderr = '';
  let timedOut = false;
  const timer = timeoutMs === undefined ? undefined : setTimeout(() => ((timedOut = true), stopCommand(child)), timeoutMs);
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  }).finally(() => clearTimeout(timer));
  const seconds = (performance.now() - started) / 1000;
  if (timedOut) throw new Error(`${command} ${args.join(' ')} was stopped after ${(timeoutMs! / 60_000).toFixed(0)} min (the time limit):\n${stdout}${stderr}`);
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${code}):\n${stdout}${stderr}`);
  return { seconds, stdout, stderr };
}

/** Runs `task` on every item, at most `limit` at a time; the results in the items' order. */
export async function mapConcurrently<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

/** Resolves after `ms` milliseconds. */
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `main`, then `cleanUp` exactly once: when main ends or fails (exit code 1), or on SIGINT,
 * SIGTERM or SIGHUP (exit code 130). Tracked processes are killed on any exit.
 */
export async function runMain(main: () => Promise<void>, cleanUp: () => Promise<void>, progress: (message: string) => void): Promise<void> {
  let cleaning: Promise<void> | undefined;
  const cleanUpOnce = (): Promise<void> => (cleaning ??= cleanUp());
  process.on('exit', killAllServers);
  let interrupted = false;
  // Cleanup stays asynchronous: tsx kills a child whose signal handler blocks.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      if (interrupted) return;
      interrupted = true;
      progress(`${signal}: stopping`);
      void cleanUpOnce().finally(() => process.exit(130));
    });
  }
  try {
    await main();
  } catch (error) {
    if (!interrupted) console.error(error);
    process.exitCode = 1;
  } finally {
    await cleanUpOnce();
  }
}
