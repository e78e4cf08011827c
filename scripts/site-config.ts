/**
 * Checks SITE_URL where a local run takes it from (wrangler.toml `[vars]`, overridden by
 * `.dev.vars`), so `npm run dev` and the Worker tests stop at startup with one clear line instead
 * of answering every request with a 503.
 */
import { relative } from 'node:path';
import { unstable_getVarsForDev, unstable_readConfig } from 'wrangler';
import { parseSiteUrl } from '../src/config/site-url';

/** The line to print when the local SITE_URL is bad, else null. */
export function localSiteUrlProblem(configPath: string): string | null {
  const config = unstable_readConfig({ config: configPath });
  const vars = unstable_getVarsForDev(configPath, undefined, config.vars, undefined, true);
  const site = parseSiteUrl(vars.SITE_URL?.type === 'json' ? undefined : vars.SITE_URL?.value);
  return site.ok ? null : `${relative(process.cwd(), configPath)}: [vars] ${site.message}`;
}

/** Prints the problem and exits 1 when the local SITE_URL is bad. */
export function exitOnBadSiteUrl(configPath: string): void {
  const problem = localSiteUrlProblem(configPath);
  if (problem === null) return;
  console.error(problem);
  process.exit(1);
}
