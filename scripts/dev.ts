/**
 * `npm run dev [-- <wrangler dev options>]`: `wrangler dev --port 8787` that stops as a whole.
 *
 * Stopping only the process npm started used to leave workerd serving the port: npm signals
 * its child alone, wrangler's launcher does not pass a signal on to wrangler, nor wrangler to
 * workerd. So wrangler runs as a process group of its own that stops as one (see
 * dev/process-group.ts) on Ctrl-C, SIGTERM, SIGHUP, or when npm goes away. package.json starts
 * this with `exec`, so npm's child, which gets npm's signals, is this process and not a shell.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { asksForHelp } from './cli';
import { DEV_USAGE, wranglerDevArgs } from './dev/arguments';
import { runAsGroup } from './dev/process-group';
import { exitOnBadSiteUrl } from './site-config';

const args = process.argv.slice(2);
if (asksForHelp(args)) {
  console.log(DEV_USAGE);
  process.exit(0);
}

// A bad SITE_URL would answer every request with a 503: say so once, before starting anything.
exitOnBadSiteUrl('wrangler.toml');

const wrangler = join(dirname(createRequire(import.meta.url).resolve('wrangler/package.json')), 'bin/wrangler.js');
runAsGroup(process.execPath, [wrangler, ...wranglerDevArgs(args)], {
  // EDGEWIRE_DEV=1 asks the content build for its dev behaviour; EDGEWIRE_DRAFTS=include is what
  // the build reads for drafts until it reads EDGEWIRE_DEV.
  env: { ...process.env, EDGEWIRE_DEV: '1', EDGEWIRE_DRAFTS: 'include' },
});
