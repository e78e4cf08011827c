/**
 * `npm run deploy [-- <wrangler deploy options>]`: `wrangler deploy`, once two checks have passed.
 * 1. SITE_URL, read as wrangler will upload it (the chosen --env's vars, or --var), must be the
 *    site's public https: origin; otherwise one line and exit 1 (deploy/site-url.ts).
 * 2. The content must build as a production build (no drafts); otherwise the build's own report,
 *    "Content build failed: N problems" and one `file: field: message` line each, and exit 1.
 * Only then wrangler starts. Its [build] runs the same build again before bundling, and is left
 * to: the build is deterministic, so the second run rewrites nothing and only costs its time, and
 * wrangler then bundles what the content is at that moment, checked again, not older output.
 * The build checks the Workers plan's limits (EDGEWIRE_PLAN), the Worker's size among them by its
 * content module, the part that grows with the archive. The whole bundle is not measured here:
 * only `wrangler deploy --dry-run` bundles it, and that runs [build] once more, a third content
 * build (minutes for a large archive); wrangler prints its size ("Total Upload") once the assets
 * are uploaded, before it uploads the Worker.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { constants } from 'node:os';
import { join } from 'node:path';
import { BUILD_NODE_OPTIONS } from './build/cli';
import { asksForHelp } from './cli';
import { deploySiteUrlProblem } from './deploy/site-url';
import { DEPLOY_USAGE } from './deploy/usage';
import { readWranglerOptions } from './wrangler-options';

const BUILD_SCRIPT = new URL('build.ts', import.meta.url).pathname;

/** The environment of a production build: what a dev shell may have set for drafts taken out. */
function productionEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { EDGEWIRE_DEV: _dev, EDGEWIRE_DRAFTS: _drafts, ...production } = env;
  return production;
}

/** Whether site.yml has `cms:` (the build checks the rest). */
async function namesEditor(siteFile: string): Promise<boolean> {
  const text = await readFile(siteFile, 'utf8').catch(() => '');
  const { parse } = await import('yaml');
  const site: unknown = (() => {
    try {
      return parse(text);
    } catch {
      return null;
    }
  })();
  return typeof site === 'object' && site !== null && 'cms' in site;
}

function fail(line: string): never {
  console.error(`deploy: ${line}`);
  return process.exit(1);
}

const args = process.argv.slice(2);
if (asksForHelp(args)) {
  console.log(DEPLOY_USAGE);
  process.exit(0);
}

// Loads wrangler (seconds of CPU), to read its configuration exactly as `wrangler deploy` will.
const { deployTarget, exitOnConfigError } = await import('./site-config');
const target = exitOnConfigError('deploy', () => deployTarget(readWranglerOptions(args)));
const problem = deploySiteUrlProblem(target.siteUrl, args.includes('--dry-run'));
if (problem !== null) fail(problem);

const env = productionEnv(process.env);
// The editor at /admin/, when site.yml names the repository it saves into: its bundle fetched first (scripts/cms/decap.ts).
if (env.EDGEWIRE_CMS !== 'off' && (await namesEditor(join(target.root, env.EDGEWIRE_CONTENT || 'content', 'site.yml')))) {
  const { ensureDecap } = await import('./cms/decap');
  const decap = await ensureDecap(target.root);
  if (!decap.ok) fail(`${decap.message}: site.yml's cms: asks for the editor at /admin/; deploy again once the npm registry answers`);
}
// Where wrangler runs the [build] command: the configuration's folder.
const build = spawnSync(process.execPath, [...BUILD_NODE_OPTIONS, '--import', import.meta.resolve('tsx'), BUILD_SCRIPT], { cwd: target.root, env, stdio: 'inherit' });
if (build.status !== 0) process.exit(1);

const wrangler = spawn('wrangler', ['deploy', ...args], { env, stdio: 'inherit' });
wrangler.on('error', (error) => fail(`cannot start wrangler (${error.message}): run this as npm run deploy, which puts node_modules/.bin on the PATH`));
wrangler.on('exit', (code, signal) => process.exit(code ?? 128 + (signal === null ? 0 : constants.signals[signal])));
