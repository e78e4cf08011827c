/**
 * SITE_URL as wrangler will take it, read with wrangler's own functions: for a local run from
 * wrangler.toml `[vars]` overridden by `.dev.vars`, for `npm run dev` from what the user set, for
 * `npm run deploy` from the chosen environment's vars or `--var`. Loads wrangler (seconds of
 * CPU): scripts import this after answering `--help`.
 */
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { unstable_getVarsForDev, unstable_readConfig, type Unstable_Config } from 'wrangler';
import { parseSiteUrl } from '../src/config/site-url';
import type { SiteUrlSetting } from './deploy/site-url';
import type { WranglerOptions } from './wrangler-options';

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

/** A configuration error as one line: wrangler's first two ("Processing …:", then the problem). */
export class ConfigError extends Error {}

/** `read()`, or, when wrangler cannot read its configuration, `name: <why>` on stderr and exit 1. */
export function exitOnConfigError<T>(name: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`${name}: ${error.message}`);
    return process.exit(1);
  }
}

/** The configuration wrangler reads for these options (--cwd, --config, --env or CLOUDFLARE_ENV). */
export function readWranglerConfig(options: WranglerOptions): Unstable_Config {
  const back = process.cwd();
  try {
    if (options.cwd !== undefined) process.chdir(resolve(options.cwd));
    return unstable_readConfig({ config: options.config, env: options.env }, { hideWarnings: true });
  } catch (error) {
    const lines = (error instanceof Error ? error.message : String(error)).split('\n').map((line) => line.trim().replace(/^- /, ''));
    throw new ConfigError(lines.filter(Boolean).slice(0, 2).join(' '));
  } finally {
    process.chdir(back);
  }
}

/**
 * What `wrangler deploy` would deploy: the SITE_URL it would upload (`--var SITE_URL:…`, else the
 * environment's [vars]) and the project folder (the configuration's, where [build] runs).
 */
export function deployTarget(options: WranglerOptions): { siteUrl: SiteUrlSetting; root: string } {
  const config = readWranglerConfig(options);
  const environment = config.targetEnvironment;
  const root = config.configPath === undefined ? resolve(options.cwd ?? '.') : dirname(config.configPath);
  if (options.vars.SITE_URL !== undefined) return { siteUrl: { where: '--var', value: options.vars.SITE_URL, environment }, root };
  const file = config.configPath === undefined ? 'wrangler.toml (not found)' : relative(process.cwd(), config.configPath);
  const table = environment === undefined ? '[vars]' : `[env.${environment}.vars]`;
  const value = config.vars.SITE_URL;
  return { siteUrl: { where: `${file}: ${table}`, value: typeof value === 'string' ? value : undefined, environment }, root };
}

/**
 * What `wrangler dev` needs to serve SITE_URL on the port it listens on: the SITE_URL the user
 * set (`--var`, `.dev.vars`, `.env`, which wrangler marks as secret_text), if any, and the
 * configured local protocol.
 */
export function devSiteUrl(options: WranglerOptions): { userSet: { where: string; value: unknown } | undefined; protocol: 'http' | 'https' } {
  const config = readWranglerConfig(options);
  const protocol = options.localProtocol === 'https' ? 'https' : options.localProtocol === 'http' ? 'http' : config.dev.local_protocol;
  if (options.vars.SITE_URL !== undefined) return { userSet: { where: '--var', value: options.vars.SITE_URL }, protocol };
  const envFiles = options.envFiles.length > 0 ? options.envFiles : undefined;
  const binding = unstable_getVarsForDev(config.configPath, envFiles, config.vars, config.targetEnvironment, true).SITE_URL;
  const userSet = binding?.type === 'secret_text' ? { where: devVarsFile(config.configPath, config.targetEnvironment), value: binding.value } : undefined;
  return { userSet, protocol };
}

/** The file wrangler took dev vars from: `.dev.vars.<env>`, `.dev.vars`, else the .env files. */
function devVarsFile(configPath: string | undefined, environment: string | undefined): string {
  const dir = configPath === undefined ? process.cwd() : dirname(configPath);
  const names = [...(environment === undefined ? [] : [`.dev.vars.${environment}`]), '.dev.vars'];
  const found = names.find((name) => existsSync(join(dir, name)));
  return found === undefined ? '.env' : relative(process.cwd(), join(dir, found));
}
