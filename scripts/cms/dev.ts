/**
 * The editor in `npm run dev` (issue 19): Decap CMS at /admin/ (its bundle fetched once, decap.ts)
 * and decap-server, its local backend, which writes what the editor saves into content/, where
 * wrangler's watch rebuilds the site. decap-server is installed once into scripts/cms (npm ci:
 * 124 packages), never by the project's npm install. Offline on the first run, or with
 * EDGEWIRE_CMS=off, the site is served without the editor, and `npm run dev` says so.
 */
import { join } from 'node:path';
import { ensureInstalled } from '../ensure-installed';
import { ensureDecap } from './decap';

/** Decap's own default for its local backend. */
export const DEFAULT_CMS_PORT = '8081';

/** What runs the editor's backend: the server's entry, the port, and the environment the content build reads. */
export interface DevCms {
  server: string;
  port: string;
  /** EDGEWIRE_CMS_URL: the dev build's /admin/config.yml saves through it, and its CSP lets /admin/ reach it. */
  buildEnv: { EDGEWIRE_CMS_URL: string };
  serverEnv: Record<string, string>;
}

/** The editor's backend, ready to start, or null (after saying why) when it is off. */
export async function devCms(root: string, env: NodeJS.ProcessEnv, say: (line: string) => void): Promise<DevCms | null> {
  if (env.EDGEWIRE_CMS === 'off') return null;
  const off = (why: string) => (say(`the editor (/admin/) is off: ${why}; npm run dev sets it up once it can reach the npm registry (EDGEWIRE_CMS=off: never)`), null);
  const decap = await ensureDecap(root);
  if (!decap.ok) return off(decap.message);
  const folder = join(root, 'scripts/cms');
  try {
    await ensureInstalled(folder, "the editor's local backend (decap-server)", say);
  } catch (error) {
    return off(`could not install decap-server (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
  }
  const port = env.EDGEWIRE_CMS_PORT || DEFAULT_CMS_PORT;
  if (!/^\d{1,5}$/.test(port)) return off(`EDGEWIRE_CMS_PORT must be a port number, not ${JSON.stringify(port)}`);
  return {
    server: join(folder, 'node_modules/decap-server/dist/index.js'),
    port,
    buildEnv: { EDGEWIRE_CMS_URL: `http://localhost:${port}/api/v1` },
    // Files only (no commits: saving is not publishing), on this machine only, into this project.
    serverEnv: { PORT: port, BIND_HOST: '127.0.0.1', MODE: 'fs', GIT_REPO_DIRECTORY: root, LOG_LEVEL: 'warn' },
  };
}

/**
 * The command `npm run dev` runs as its process group: wrangler, with decap-server beside it in
 * the same group (a shell starts the server in the background, then becomes wrangler), so both
 * stop together whichever way the group is stopped.
 */
export function withCms(command: string, args: readonly string[], cms: DevCms | null): { command: string; args: string[] } {
  if (cms === null) return { command, args: [...args] };
  const assignments = Object.entries(cms.serverEnv).map(([name, value]) => `${name}=${shellQuote(value)}`).join(' ');
  return { command: 'sh', args: ['-c', `${assignments} ${shellQuote(process.execPath)} ${shellQuote(cms.server)} & exec "$@"`, 'sh', command, ...args] };
}

function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}
