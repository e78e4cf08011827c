/**
 * `npm run dev [-- <wrangler dev options>]`: `wrangler dev --port 8787` that stops as a whole,
 * with SITE_URL on the port it serves.
 *
 * Stopping only the process npm started used to leave workerd serving the port: npm signals
 * its child alone, wrangler's launcher does not pass a signal on to wrangler, nor wrangler to
 * workerd. So wrangler runs as a process group of its own that stops as one (see
 * dev/process-group.ts) on Ctrl-C, SIGTERM, SIGHUP, or when npm goes away. package.json starts
 * this with `exec`, so npm's child, which gets npm's signals, is this process and not a shell.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parseSiteUrl } from '../src/config/site-url';
import { asksForHelp } from './cli';
import { DEFAULT_PORT, DEV_USAGE, devEnv, wranglerDevArgs } from './dev/arguments';
import { runAsGroup } from './dev/process-group';
import { readWranglerOptions } from './wrangler-options';

const args = process.argv.slice(2);
if (asksForHelp(args)) {
  console.log(DEV_USAGE);
  process.exit(0);
}

// Loads wrangler (seconds of CPU), to read the vars as wrangler dev will.
const { devSiteUrl, exitOnConfigError } = await import('./site-config');
const options = readWranglerOptions(args);
const site = exitOnConfigError('dev', () => devSiteUrl(options));
if (site.userSet !== undefined) {
  // A bad SITE_URL would answer every request with a 503: say so once, before starting anything.
  const parsed = parseSiteUrl(site.userSet.value);
  if (!parsed.ok) {
    console.error(`${site.userSet.where}: ${parsed.message}`);
    process.exit(1);
  }
}
// Canonical links, feeds and oEmbed point at the server itself, whatever port it listens on.
const siteUrl = site.userSet === undefined ? `${site.protocol}://localhost:${options.port ?? DEFAULT_PORT}` : undefined;
// wrangler lists a --var as "(hidden)": say which it is.
if (siteUrl !== undefined) console.log(`dev: SITE_URL ${siteUrl} (the address it serves; .dev.vars may set another)`);

// The editor: /admin/ and its local backend, decap-server, saving into content/ (scripts/cms/dev.ts).
const { devCms, withCms } = await import('./cms/dev');
const root = join(import.meta.dirname, '..');
const cms = await devCms(root, process.env, (line) => console.log(`dev: ${line}`));
if (cms !== null) console.log(`dev: the editor at /admin/ saves into content/ through decap-server on 127.0.0.1:${cms.port}`);

const wrangler = join(dirname(createRequire(import.meta.url).resolve('wrangler/package.json')), 'bin/wrangler.js');
const { command, args: group } = withCms(process.execPath, [wrangler, ...wranglerDevArgs(args, siteUrl)], cms);
runAsGroup(command, group, { env: { ...devEnv(process.env), ...cms?.buildEnv } });
