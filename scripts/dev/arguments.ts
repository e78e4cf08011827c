/** What `npm run dev` passes to wrangler, and says about itself. */

export const DEV_USAGE = `usage: npm run dev [-- <wrangler dev options>]

Serves the Worker with \`wrangler dev --port 8787\`, drafts included, and rebuilds the content
when a file in content/ changes. Options after -- go to wrangler dev (--port 8790, --ip 127.0.0.1;
see \`npx wrangler dev --help\`). Ctrl-C, or SIGTERM to npm, stops wrangler and workerd.
  -h, --help  print this and exit`;

/** The README's address; another only when asked for with --port. */
const DEFAULT_PORT = '8787';

/** `wrangler dev` with the caller's options, and the default port unless they name one. */
export function wranglerDevArgs(args: readonly string[]): string[] {
  const portGiven = args.some((arg) => arg === '--port' || arg.startsWith('--port='));
  return ['dev', ...(portGiven ? [] : ['--port', DEFAULT_PORT]), ...args];
}
