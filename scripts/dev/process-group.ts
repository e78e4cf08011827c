/**
 * A command run as a process group that stops as one. A group outlives its leader, and a leader
 * need not pass signals on (wrangler's launcher does not, nor wrangler to workerd), so stopping
 * means signalling the group: SIGTERM to every member, SIGKILL to whatever is left after a grace
 * period. Signal 0 to the group asks the kernel whether any member remains.
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';

const GRACE_MS = 3000;
const POLL_MS = 50;
/** How often to check that our parent is still there (a SIGKILLed parent sends nothing). */
const PARENT_CHECK_MS = 500;
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Sends `signal` (0: none, only the check) to every member; false when the group is empty. */
function signalGroup(group: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-group, signal);
    return true;
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ESRCH') return false;
    throw error;
  }
}

/** SIGTERM to the group; resolves once it is empty, or right after SIGKILL once `graceMs` is up. */
async function stopGroup(group: number, graceMs: number): Promise<void> {
  if (!signalGroup(group, 'SIGTERM')) return;
  const deadline = performance.now() + graceMs;
  while (signalGroup(group, 0)) {
    if (performance.now() >= deadline) {
      signalGroup(group, 'SIGKILL');
      return;
    }
    await sleep(POLL_MS);
  }
}

/**
 * Runs `command` as the leader of a new process group (and session), stdio shared, and takes
 * over how this process ends: on SIGINT, SIGTERM or SIGHUP, or when our parent goes away, the
 * group is stopped and we end by that signal (SIGHUP for a lost parent), so whoever started us
 * sees how; when the leader exits by itself, the rest of the group is stopped and we exit with
 * the leader's status.
 */
export function runAsGroup(command: string, args: readonly string[], options: { env: NodeJS.ProcessEnv; graceMs?: number }): void {
  const graceMs = options.graceMs ?? GRACE_MS;
  const leader = spawn(command, args, { detached: true, stdio: 'inherit', env: options.env });
  leader.on('error', (error) => {
    console.error(`${command}: ${error.message}`);
    process.exit(1);
  });
  // A failed spawn has no pid; the error handler above reports it.
  const group = leader.pid;
  if (group === undefined) return;
  let stopping = false;

  const stop = async (signal: NodeJS.Signals): Promise<void> => {
    if (stopping) return;
    stopping = true;
    await stopGroup(group, graceMs);
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
  };
  for (const signal of STOP_SIGNALS) process.on(signal, () => void stop(signal));
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) void stop('SIGHUP');
  }, PARENT_CHECK_MS).unref();

  leader.on('exit', (code, signal) => {
    if (stopping) return;
    stopping = true;
    const status = code ?? 128 + (signal === null ? 0 : constants.signals[signal]);
    void stopGroup(group, graceMs).then(() => process.exit(status));
  });
}
