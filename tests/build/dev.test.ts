import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/bench/processes';
import { wranglerDevArgs } from '../../scripts/dev/arguments';

// `npm run dev` stopped every way a developer or a tool stops it, against a throwaway Worker on a
// free port (not the project: its content build would write into the tree other tests read).
// Each case starts a real wrangler dev, so they run side by side.

const root = join(import.meta.dirname, '../..');
/** What to signal if a case fails half-way: dev.ts (SIGTERM: it stops the rest) and wrangler's group. */
const leftovers: { pid: number; signal: NodeJS.Signals }[] = [];
/**
 * A directory holding a one-line Worker and its wrangler.toml, whose build command (the only
 * code that sees the dev script's environment) writes down the variables the content build reads.
 */
async function throwawayWorker(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'edgewire-dev-'));
  const recordEnv = `node -e "require('fs').writeFileSync('${join(dir, 'env.json')}', JSON.stringify([process.env.EDGEWIRE_DEV, process.env.EDGEWIRE_DRAFTS]))"`;
  await writeFile(join(dir, 'worker.js'), `export default { fetch: () => new Response('dev test') };\n`);
  await writeFile(join(dir, 'wrangler.toml'), `name = "dev-test"\nmain = "worker.js"\ncompatibility_date = "2026-11-09"\n\n[build]\ncommand = ${JSON.stringify(recordEnv)}\n`);
  return dir;
}

/** scripts/dev.ts serving the throwaway Worker; `through` wraps the command (e.g. a parent shell). */
async function startDev(options: { detached?: boolean; through?: (command: string[]) => string[] } = {}) {
  const dir = await throwawayWorker();
  const port = await freePort();
  const command = [process.execPath, '--import', 'tsx', 'scripts/dev.ts', '--config', join(dir, 'wrangler.toml'), '--port', String(port), '--ip', '127.0.0.1', '--inspector-port', String(await freePort())];
  const [file, ...args] = options.through ? options.through(command) : command;
  const env = { ...process.env, WRANGLER_SEND_METRICS: 'false', WRANGLER_HIDE_BANNER: 'true', CLOUDFLARE_CF_FETCH_ENABLED: 'false' };
  const child = spawn(file!, args, { cwd: root, env, detached: options.detached ?? false, stdio: 'ignore' });
  leftovers.push({ pid: child.pid!, signal: 'SIGTERM' });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve([code, signal])));
  await until(async () => (await answer(port)) === 'dev test', 20_000);
  return { child, port, dir, exited };
}

/** The body at `/`, or null when nothing answers. */
async function answer(port: number): Promise<string | null> {
  return fetch(`http://127.0.0.1:${port}/`).then((response) => response.text(), () => null);
}

async function until(condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await condition())) {
    if (performance.now() > deadline) throw new Error(`not so after ${timeoutMs} ms`);
    await sleep(100);
  }
}

/** The only child of `pid` (pgrep -P), or null. */
function childOf(pid: number): number | null {
  const found = spawnSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' }).stdout.trim();
  return found === '' ? null : Number(found);
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

/** What is left of wrangler's group (dev.ts's child leads it) once `stopIt` has run. */
async function afterStopping(dev: Awaited<ReturnType<typeof startDev>>, wrapper: number, stopIt: () => void) {
  const group = childOf(wrapper);
  if (group === null) throw new Error('dev.ts started no wrangler');
  leftovers.push({ pid: wrapper, signal: 'SIGTERM' }, { pid: -group, signal: 'SIGKILL' });
  expect(groupAlive(group)).toBe(true);
  stopIt();
  // A zombie still counts as a member until its new parent reaps it; give that a moment.
  await until(() => !groupAlive(group), 5_000).catch(() => undefined);
  return { groupAlive: groupAlive(group), answer: await answer(dev.port) };
}

afterAll(() => {
  for (const { pid, signal } of leftovers) {
    try {
      process.kill(pid, signal);
    } catch {
      // Already gone, as it should be.
    }
  }
});

describe.concurrent('npm run dev', { timeout: 30_000 }, () => {
  it('runs wrangler dev on port 8787 unless given another', () => {
    expect(wranglerDevArgs([])).toEqual(['dev', '--port', '8787']);
    expect(wranglerDevArgs(['--ip', '127.0.0.1'])).toEqual(['dev', '--port', '8787', '--ip', '127.0.0.1']);
    expect(wranglerDevArgs(['--port', '9000'])).toEqual(['dev', '--port', '9000']);
    expect(wranglerDevArgs(['--port=9000'])).toEqual(['dev', '--port=9000']);
  });

  it('exits with wrangler status when wrangler exits by itself', async () => {
    const args = ['--import', 'tsx', 'scripts/dev.ts', '--config', join(tmpdir(), 'no-such-wrangler.toml')];
    const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, WRANGLER_SEND_METRICS: 'false' }, stdio: 'ignore' });
    expect(await once(child, 'exit')).toEqual([1, null]);
  });

  it('stopped by SIGTERM (npm passes it on) stops wrangler and workerd, and ends by SIGTERM', async () => {
    const dev = await startDev();
    const left = await afterStopping(dev, dev.child.pid!, () => dev.child.kill('SIGTERM'));
    expect(left).toEqual({ groupAlive: false, answer: null });
    expect(await dev.exited).toEqual([null, 'SIGTERM']);
    // The build ran with the dev environment.
    expect(JSON.parse(await readFile(join(dev.dir, 'env.json'), 'utf8'))).toEqual(['1', 'include']);
  });

  it('stopped by Ctrl-C (SIGINT to its process group) stops wrangler and workerd, and ends by SIGINT', async () => {
    const dev = await startDev({ detached: true });
    const left = await afterStopping(dev, dev.child.pid!, () => process.kill(-dev.child.pid!, 'SIGINT'));
    expect(left).toEqual({ groupAlive: false, answer: null });
    expect(await dev.exited).toEqual([null, 'SIGINT']);
  });

  it('stopped when its parent is killed outright (SIGKILL to npm) stops wrangler and workerd', async () => {
    // `; true` keeps sh alive as dev.ts's parent, as npm is.
    const dev = await startDev({ through: (command) => ['sh', '-c', `${command.map((arg) => `'${arg}'`).join(' ')}; true`] });
    const wrapper = childOf(dev.child.pid!);
    if (wrapper === null) throw new Error('sh started no dev.ts');
    const left = await afterStopping(dev, wrapper, () => dev.child.kill('SIGKILL'));
    expect(left).toEqual({ groupAlive: false, answer: null });
  });
});
