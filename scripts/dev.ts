/**
 * `npm run dev [-- <wrangler dev options>]`: `wrangler dev --port 8787` that stops as a whole.
 *
 * Stopping only the process npm started used to leave workerd serving the port: npm passes a
 * signal to its child alone, wrangler's launcher does not pass it on to wrangler, nor wrangler
 * to workerd. So wrangler runs in a process group of its own, and everything it starts stops
 * with the group: on SIGINT, SIGTERM or SIGHUP, and when our parent goes away without a word
 * (npm killed outright), the group gets SIGTERM, then SIGKILL after a grace period. When
 * wrangler exits by itself (its own Ctrl-C key, a bad option), we exit with its status.
 * package.json runs this with `exec`, so that npm's child, which gets npm's signals, is us.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { constants } from 'node:os';
import { dirname, join } from 'node:path';
import { asksForHelp } from './cli';
import { DEV_USAGE, wranglerDevArgs } from './dev/arguments';
import { stopGroup } from './dev/process-group';

/** How often to check that our parent is still there (a SIGKILLed npm sends nothing). */
const PARENT_CHECK_MS = 500;

const args = process.argv.slice(2);
if (asksForHelp(args)) {
  console.log(DEV_USAGE);
  process.exit(0);
}

const wranglerBin = join(dirname(createRequire(import.meta.url).resolve('wrangler/package.json')), 'bin/wrangler.js');
const wrangler = spawn(process.execPath, [wranglerBin, ...wranglerDevArgs(args)], {
  detached: true,
  stdio: 'inherit',
  // EDGEWIRE_DEV=1 asks the content build for its dev behaviour; EDGEWIRE_DRAFTS=include is what
  // the build reads for drafts until it reads EDGEWIRE_DEV.
  env: { ...process.env, EDGEWIRE_DEV: '1', EDGEWIRE_DRAFTS: 'include' },
});

function notStarted(): never {
  console.error('dev: wrangler did not start');
  return process.exit(1);
}
// detached: wrangler leads a new process group (and session), whose id is its pid.
const group = wrangler.pid ?? notStarted();
let stopping = false;

/** Stops the whole group, then ends the way `signal` would have ended us (npm reads that). */
async function stop(signal: NodeJS.Signals): Promise<void> {
  if (stopping) return;
  stopping = true;
  await stopGroup(group);
  process.removeAllListeners(signal);
  process.kill(process.pid, signal);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void stop(signal));
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) void stop('SIGHUP');
}, PARENT_CHECK_MS).unref();

wrangler.on('exit', (code, signal) => {
  if (stopping) return;
  stopping = true;
  // wrangler's children (workerd, esbuild) can outlive it; they go with the group before we leave.
  const status = code ?? 128 + (signal === null ? 0 : constants.signals[signal]);
  void stopGroup(group).then(() => process.exit(status));
});
