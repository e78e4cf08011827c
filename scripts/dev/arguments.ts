/** What `npm run dev` passes to wrangler, and says about itself. */
import { withOptions } from '../wrangler-options';

export const DEV_USAGE = `usage: npm run dev [-- <wrangler dev options>]

Serves the Worker with \`wrangler dev --port 8787\`, drafts included, and rebuilds the content
when a file in content/ changes. SITE_URL is http://localhost:<port> (the port it serves on),
unless .dev.vars (or --var SITE_URL:…) sets it. Options after -- go to wrangler dev (--port 8790,
--ip 127.0.0.1; see \`npx wrangler dev --help\`). Ctrl-C, or SIGTERM to npm, stops wrangler and
workerd. Nothing is fetched from Cloudflare (WRANGLER_SEND_METRICS and
CLOUDFLARE_CF_FETCH_ENABLED are false unless set).
  -h, --help  print this and exit`;

/** The README's address; another only when asked for with --port. */
export const DEFAULT_PORT = '8787';

/**
 * `wrangler dev` with the caller's options, the default port unless they name one, and
 * `--var SITE_URL:<siteUrl>` when given (after the caller's options: yargs hands an array option
 * every plain argument that follows it).
 */
export function wranglerDevArgs(args: readonly string[], siteUrl?: string): string[] {
  const portGiven = args.some((arg) => arg === '--port' || arg.startsWith('--port='));
  const vars = siteUrl === undefined ? [] : ['--var', `SITE_URL:${siteUrl}`];
  return ['dev', ...(portGiven ? [] : ['--port', DEFAULT_PORT]), ...withOptions(args, vars)];
}

/**
 * The environment wrangler dev runs in. Offline, wrangler's usage metrics and miniflare's fetch of
 * Request.cf data (workers.cloudflare.com/cf.json) fail with an ENOTFOUND stack trace on every
 * reload; neither is needed to preview a site, so both are off unless the user set them
 * (Cloudflare's "System environment variables" page documents both). EDGEWIRE_DEV=1 asks the
 * content build for its dev behaviour; EDGEWIRE_DRAFTS=include is what the build reads for
 * drafts until it reads EDGEWIRE_DEV.
 */
export function devEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false', ...env, EDGEWIRE_DEV: '1', EDGEWIRE_DRAFTS: 'include' };
}
