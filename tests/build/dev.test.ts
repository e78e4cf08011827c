import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/bench/processes';
import { devEnv, wranglerDevArgs } from '../../scripts/dev/arguments';

// `npm run dev` stopped every way a developer or a tool stops it. The ways are tried on a
// stand-in for wrangler (fixtures/group-runner.ts: a launcher and its server, a second or less
// each); one case runs the real wrangler dev, on a throwaway Worker (the project's content build
// would write into the tree other tests read). All on free ports, side by side.

const root = join(import.meta.dirname, '../..');
// EDGEWIRE_CMS=off: these tests are about wrangler; the editor's backend (fetched once from the npm registry) is left out.
const ENV: NodeJS.ProcessEnv = { ...process.env, WRANGLER_SEND_METRICS: 'false', WRANGLER_HIDE_BANNER: 'true', CLOUDFLARE_CF_FETCH_ENABLED: 'false', EDGEWIRE_CMS: 'off' };
/** What to signal if a case fails half-way: runners (SIGTERM: they stop the rest) and groups. */
const leftovers: { pid: number; signal: NodeJS.Signals }[] = [];

afterAll(() => {
  for (const { pid, signal } of leftovers) {
    try {
      process.kill(pid, signal);
    } catch {
      // Already gone, as it should be.
    }
  }
});

interface Started {
  child: ChildProcess;
  port: number;
  exited: Promise<[number | null, NodeJS.Signals | null]>;
  /** What it wrote to stdout and stderr so far, interleaved. */
  output: () => string;
}

/** Starts `command` and waits until `port` answers `body` (unless `wait` is false). */
async function start(command: string[], port: number, body: string, options: { detached?: boolean; wait?: boolean; env?: NodeJS.ProcessEnv } = {}): Promise<Started> {
  const [file, ...args] = command;
  const child = spawn(file!, args, { cwd: root, env: options.env ?? ENV, detached: options.detached ?? false, stdio: ['ignore', 'pipe', 'pipe'] });
  leftovers.push({ pid: child.pid!, signal: 'SIGTERM' });
  let output = '';
  for (const stream of [child.stdout, child.stderr]) stream.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.once('exit', (code, signal) => resolve([code, signal])));
  if (options.wait ?? true) await until(async () => (await answer(port)) === body, 60_000);
  return { child, port, exited, output: () => output };
}

/** The stand-in for wrangler dev, run by runAsGroup, serving `up` on a free port. */
async function startStandIn(options: string[] = [], spawnOptions: { detached?: boolean; through?: string; wait?: boolean } = {}): Promise<Started> {
  const port = await freePort();
  const command = [process.execPath, '--import', 'tsx', 'tests/build/fixtures/group-runner.ts', String(port), ...options];
  // A parent shell, as npm is a parent: `; true` keeps sh from handing its process over.
  const wrapped = spawnOptions.through === 'sh' ? ['sh', '-c', `${command.map((arg) => `'${arg}'`).join(' ')}; true`] : command;
  return start(wrapped, port, 'up', spawnOptions);
}

/** The body at `/`, or null when nothing answers. */
async function answer(port: number): Promise<string | null> {
  return fetch(`http://127.0.0.1:${port}/`).then((response) => response.text(), () => null);
}

async function until(condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await condition())) {
    if (performance.now() > deadline) throw new Error(`not so after ${timeoutMs} ms`);
    await sleep(50);
  }
}

/** The children of `pid` (pgrep -P). */
function childrenOf(pid: number): number[] {
  return spawnSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean).map(Number);
}

/** The process group of `pid` (ps). */
function groupIdOf(pid: number): number {
  return Number(spawnSync('ps', ['-o', 'pgid=', '-p', String(pid)], { encoding: 'utf8' }).stdout.trim());
}

/** Whether any process of group `group` is left (signal 0 only asks). */
function groupAlive(group: number): boolean {
  try {
    process.kill(-group, 0);
    return true;
  } catch {
    return false;
  }
}

/** The process group `runner` started (its child that leads a group; tsx has a child too), noted for clean-up. */
function groupOf(runner: number): number {
  const group = childrenOf(runner).find((child) => groupIdOf(child) === child);
  if (group === undefined) throw new Error(`${runner} runs no process group`);
  leftovers.push({ pid: -group, signal: 'SIGKILL' });
  return group;
}

/** What is left of `group` once `stopIt` has run: whether any member lives, what the port says. */
async function afterStopping(group: number, port: number, stopIt: () => void) {
  stopIt();
  // A zombie counts as a member until its new parent reaps it; give that a moment.
  await until(() => !groupAlive(group), 5_000).catch(() => undefined);
  return { groupAlive: groupAlive(group), answer: await answer(port) };
}

const NOTHING_LEFT = { groupAlive: false, answer: null };

describe('wrangler dev arguments', () => {
  it('runs wrangler dev on port 8787 unless given another', () => {
    expect(wranglerDevArgs([])).toEqual(['dev', '--port', '8787']);
    expect(wranglerDevArgs(['--ip', '127.0.0.1'])).toEqual(['dev', '--port', '8787', '--ip', '127.0.0.1']);
    expect(wranglerDevArgs(['--port', '9000'])).toEqual(['dev', '--port', '9000']);
    expect(wranglerDevArgs(['--port=9000'])).toEqual(['dev', '--port=9000']);
  });

  it('sets SITE_URL with a --var after the caller\'s options, where no argument of theirs follows it', () => {
    expect(wranglerDevArgs(['--port', '8790'], 'http://localhost:8790')).toEqual(['dev', '--port', '8790', '--var', 'SITE_URL:http://localhost:8790']);
    expect(wranglerDevArgs(['src/index.ts', '--', 'x'], 'http://localhost:8787')).toEqual(['dev', '--port', '8787', 'src/index.ts', '--var', 'SITE_URL:http://localhost:8787', '--', 'x']);
  });

  it('turns off what wrangler fetches from Cloudflare, unless the user set it, and asks the build for dev', () => {
    expect(devEnv({ PATH: '/bin' })).toEqual({ PATH: '/bin', WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false', EDGEWIRE_DEV: '1', EDGEWIRE_DRAFTS: 'include' });
    expect(devEnv({ WRANGLER_SEND_METRICS: 'true', CLOUDFLARE_CF_FETCH_ENABLED: 'true', EDGEWIRE_DEV: '0' })).toEqual({ WRANGLER_SEND_METRICS: 'true', CLOUDFLARE_CF_FETCH_ENABLED: 'true', EDGEWIRE_DEV: '1', EDGEWIRE_DRAFTS: 'include' });
  });
});

describe.concurrent('a dev server run as a process group', { timeout: 30_000 }, () => {
  it.each([
    ['SIGTERM', 'npm passes it on'],
    ['SIGHUP', 'the terminal closed'],
  ] as const)('stops, server included, on %s (%s), then ends by it', async (signal, _when) => {
    const runner = await startStandIn();
    const group = groupOf(runner.child.pid!);
    expect(await afterStopping(group, runner.port, () => runner.child.kill(signal))).toEqual(NOTHING_LEFT);
    expect(await runner.exited).toEqual([null, signal]);
  });

  it('stops, server included, on Ctrl-C (SIGINT to its process group), then ends by it', async () => {
    const runner = await startStandIn([], { detached: true });
    const group = groupOf(runner.child.pid!);
    expect(await afterStopping(group, runner.port, () => process.kill(-runner.child.pid!, 'SIGINT'))).toEqual(NOTHING_LEFT);
    expect(await runner.exited).toEqual([null, 'SIGINT']);
  });

  it('stops when its parent is killed outright (SIGKILL to npm)', async () => {
    const shell = await startStandIn([], { through: 'sh' });
    const [runner] = childrenOf(shell.child.pid!);
    if (runner === undefined) throw new Error('sh started nothing');
    leftovers.push({ pid: runner, signal: 'SIGTERM' });
    const group = groupOf(runner);
    expect(await afterStopping(group, shell.port, () => shell.child.kill('SIGKILL'))).toEqual(NOTHING_LEFT);
  });

  it('kills a server that ignores SIGTERM once the grace period is up', async () => {
    const runner = await startStandIn(['stubborn']);
    const group = groupOf(runner.child.pid!);
    expect(await afterStopping(group, runner.port, () => runner.child.kill('SIGTERM'))).toEqual(NOTHING_LEFT);
    expect(await runner.exited).toEqual([null, 'SIGTERM']);
  });

  it('exits with the status of a leader that exits by itself, and stops what it left running', async () => {
    const runner = await startStandIn(['exit=3'], { wait: false });
    expect(await runner.exited).toEqual([3, null]);
    expect(await answer(runner.port)).toBe(null);
  });

  it('npm run dev -- --port N: SITE_URL on port N, nothing fetched from Cloudflare, no stack trace; stops on SIGTERM', { timeout: 120_000 }, async () => {
    // The build command is the only code that sees dev.ts's environment; it writes down what it saw.
    const dir = await mkdtemp(join(tmpdir(), 'edgewire-dev-'));
    const seen = ['EDGEWIRE_DEV', 'EDGEWIRE_DRAFTS', 'WRANGLER_SEND_METRICS', 'CLOUDFLARE_CF_FETCH_ENABLED'].map((name) => `process.env.${name}`).join(', ');
    const recordEnv = `node -e "require('fs').writeFileSync('${join(dir, 'env.json')}', JSON.stringify([${seen}]))"`;
    await writeFile(join(dir, 'worker.js'), `export default { fetch: (request, env) => new Response(env.SITE_URL) };\n`);
    await writeFile(join(dir, 'wrangler.toml'), `name = "dev-test"\nmain = "worker.js"\ncompatibility_date = "2026-11-09"\n\n[build]\ncommand = ${JSON.stringify(recordEnv)}\n\n[vars]\nSITE_URL = "http://localhost:8787"\n`);
    const port = await freePort();
    const options = ['--config', join(dir, 'wrangler.toml'), '--port', String(port), '--ip', '127.0.0.1', '--inspector-port', String(await freePort())];
    // As a newsroom runs it: without the two settings .ci/run exports, nor vitest's NODE_ENV=test,
    // which alone keeps miniflare from fetching Request.cf data.
    const { WRANGLER_SEND_METRICS: _metrics, CLOUDFLARE_CF_FETCH_ENABLED: _cf, NODE_ENV: _test, ...env } = ENV;
    const dev = await start([process.execPath, '--import', 'tsx', 'scripts/dev.ts', ...options], port, `http://localhost:${port}`, { env });
    const group = groupOf(dev.child.pid!);
    expect(await afterStopping(group, port, () => dev.child.kill('SIGTERM'))).toEqual(NOTHING_LEFT);
    expect(await dev.exited).toEqual([null, 'SIGTERM']);
    expect(dev.output()).toContain(`dev: SITE_URL http://localhost:${port} (the address it serves; .dev.vars may set another)\n`);
    expect(dev.output()).toContain(`Ready on http://127.0.0.1:${port}`);
    expect(dev.output()).not.toMatch(/^\s+at /m);
    expect(JSON.parse(await readFile(join(dir, 'env.json'), 'utf8'))).toEqual(['1', 'include', 'false', 'false']);
  });
});
