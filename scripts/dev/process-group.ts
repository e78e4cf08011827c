/**
 * A process group stopped as one: SIGTERM to every member, SIGKILL to whatever is left after a
 * grace period. A group outlives its leader, so "the child exited" says nothing about the rest;
 * signal 0 to the group asks the kernel whether any member remains.
 */
import { setTimeout as sleep } from 'node:timers/promises';

const GRACE_MS = 3000;
const POLL_MS = 50;

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

/** SIGTERM to group `group`; resolves once it is empty, or right after SIGKILL once `graceMs` is up. */
export async function stopGroup(group: number, graceMs = GRACE_MS): Promise<void> {
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
