import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { unstable_readConfig } from 'wrangler';
import { describe, expect, it } from 'vitest';
import { deploySiteUrlProblem } from '../../scripts/deploy/site-url';
import { devSiteUrl, localSiteUrlProblem } from '../../scripts/site-config';
import { readWranglerOptions } from '../../scripts/wrangler-options';
import { parseSiteUrl } from '../../src/config/site-url';

// wrangler.toml as wrangler itself reads it: what deploys must keep.
const configPath = join(import.meta.dirname, '../../wrangler.toml');
const config = unstable_readConfig({ config: configPath });
/** Every environment a deploy can choose: the top level and each [env.<name>]. */
const environments = [['top-level', undefined], ...(config.definedEnvironments ?? []).map((name: string) => [name, name] as const)] as const;
const production = unstable_readConfig({ config: configPath, env: 'production' });

describe('wrangler.toml', () => {
  it('enables Workers Cache in front of the Worker', () => {
    expect(config.cache).toEqual({ enabled: true });
  });

  it('runs the content build before bundling and watches content/', () => {
    expect(config.build.command).toBe('npm run build --silent');
    expect(config.build.watch_dir).toBe('content');
  });

  it('serves the body files the build writes as static assets, to the Worker only', () => {
    // Every request runs the Worker but the editor's static files (/admin/, scripts/build/admin.ts).
    expect(config.assets).toEqual({ directory: '.edgewire/assets', binding: 'ASSETS', run_worker_first: ['/*', '!/admin', '!/admin/*'] });
  });

  it('makes the pictures\' variants with the Images binding', () => {
    expect(config.images).toEqual({ binding: 'IMAGES' });
  });

  it('configures the public origin as a var', () => {
    expect(config.vars).toEqual({ SITE_URL: 'http://localhost:8787' });
  });
});

describe('wrangler.toml environments', () => {
  it('has a production environment', () => {
    expect(config.definedEnvironments).toEqual(['production']);
  });

  // A new deploy is a new cache key (Workers Cache keys by version unless cross_version_cache is
  // set), so the edge never serves the previous deploy's responses: README, Deploying.
  it.each(environments)('enables Workers Cache, keyed by the deployed version (no cross_version_cache), in the %s environment', (_name, env) => {
    expect(unstable_readConfig({ config: configPath, env }).cache).toEqual({ enabled: true });
  });

  // wrangler's "inheritable keys": set once at the top level, they hold in every environment.
  it('deploys production with the same Worker, build, assets and logs as the top level', () => {
    const deployed = (c: typeof config) => ({ main: c.main, compatibility_date: c.compatibility_date, minify: c.minify, keep_names: c.keep_names, build: c.build, assets: c.assets, observability: c.observability });
    expect(deployed(production)).toEqual(deployed(config));
    expect(production.name).toBe('edgewire-production');
  });

  // Bindings are not inherited either ("non-inheritable keys"): production names its own.
  it('gives production the Images binding', () => {
    expect(production.images).toEqual({ binding: 'IMAGES' });
  });

  // [vars] are not inherited: production sets its own, one npm run deploy accepts.
  it('gives production a placeholder https: SITE_URL that only a dry run deploys, and refuses to deploy the top level', () => {
    expect(production.vars).toEqual({ SITE_URL: 'https://news.example.com' });
    const placeholder = { where: 'wrangler.toml: [env.production.vars]', value: 'https://news.example.com', environment: 'production' };
    expect(deploySiteUrlProblem(placeholder, true)).toBeNull();
    expect(deploySiteUrlProblem(placeholder)).toMatch(/; it is "https:\/\/news\.example\.com", a name kept for examples \(RFC 2606\): set your own domain/);
    expect(deploySiteUrlProblem({ where: 'wrangler.toml: [vars]', value: config.vars.SITE_URL as string, environment: undefined })).toMatch(/; it is "http:\/\/localhost:8787", a local address\. Pass --env production/);
  });
});

describe('observability', () => {
  it('turns on Workers Logs, where the Worker writes its JSON error lines', () => {
    expect(config.observability).toEqual({ enabled: true });
  });
});

describe('SITE_URL', () => {
  it.each([
    ['https://news.example.com', 'https://news.example.com'],
    ['https://news.example.com/', 'https://news.example.com'],
    ['http://127.0.0.1:8787', 'http://127.0.0.1:8787'],
    ['HTTPS://News.Example.COM', 'https://news.example.com'],
  ])('accepts %j as the origin %j', (value, origin) => {
    expect(parseSiteUrl(value)).toEqual({ ok: true, origin });
  });

  it.each([
    [undefined, 'not set'],
    ['  ', 'empty'],
    ['localhost:8787', '"localhost:8787"'],
    ['news.example.com', '"news.example.com"'],
    ['javascript:alert(1)', '"javascript:alert(1)"'],
    ['https://news.example.com/world', '"https://news.example.com/world"'],
    ['https://news.example.com/?edition=1', '"https://news.example.com/?edition=1"'],
    ['https://user:pw@news.example.com', '"https://user:pw@news.example.com"'],
  ])('rejects %j', (value, got) => {
    expect(parseSiteUrl(value)).toEqual({ ok: false, message: `SITE_URL must be an absolute http: or https: origin, such as https://news.example.com; it is ${got}` });
  });

  async function project(toml: string, devVars?: string): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'edgewire-config-'));
    await writeFile(join(dir, 'wrangler.toml'), `name = "x"\nmain = "index.js"\ncompatibility_date = "2026-11-09"\n${toml}`);
    if (devVars !== undefined) await writeFile(join(dir, '.dev.vars'), devVars);
    return join(dir, 'wrangler.toml');
  }

  it('stops local runs with one line when wrangler.toml or .dev.vars sets a bad value', async () => {
    const bad = await project('[vars]\nSITE_URL = "localhost:8787"\n');
    expect(localSiteUrlProblem(bad)).toBe(`${relative(process.cwd(), bad)}: [vars] SITE_URL must be an absolute http: or https: origin, such as https://news.example.com; it is "localhost:8787"`);
    const unset = await project('');
    expect(localSiteUrlProblem(unset)).toMatch(/: \[vars\] SITE_URL must be .*; it is not set$/);
    const overridden = await project('[vars]\nSITE_URL = "https://news.example.com"\n', 'SITE_URL=news.example.com\n');
    expect(localSiteUrlProblem(overridden)).toMatch(/; it is "news.example.com"$/);
    expect(localSiteUrlProblem(join(import.meta.dirname, '../../wrangler.toml'))).toBeNull();
  });

  // npm run dev serves SITE_URL on its own port unless the user set one: what it reads to decide.
  it('npm run dev: keeps a SITE_URL the user set in .dev.vars, .dev.vars.<env> or --var, and the local protocol', async () => {
    const read = (configPath: string, args: string[] = []) => devSiteUrl(readWranglerOptions(['--config', configPath, ...args]));
    const plain = await project('[vars]\nSITE_URL = "http://localhost:8787"\n');
    expect(read(plain)).toEqual({ userSet: undefined, protocol: 'http' });
    expect(read(plain, ['--var', 'SITE_URL:http://127.0.0.1:9000'])).toEqual({ userSet: { where: '--var', value: 'http://127.0.0.1:9000' }, protocol: 'http' });
    expect(read(plain, ['--local-protocol', 'https'])).toEqual({ userSet: undefined, protocol: 'https' });
    const https = await project('[vars]\nSITE_URL = "http://localhost:8787"\n[dev]\nlocal_protocol = "https"\n');
    expect(read(https)).toEqual({ userSet: undefined, protocol: 'https' });
    const devVars = await project('[vars]\nSITE_URL = "http://localhost:8787"\n[env.staging.vars]\nSITE_URL = "https://staging.example.com"\n', 'SITE_URL=http://edgewire.test:8787\n');
    expect(read(devVars)).toEqual({ userSet: { where: relative(process.cwd(), join(devVars, '../.dev.vars')), value: 'http://edgewire.test:8787' }, protocol: 'http' });
    await writeFile(join(devVars, '../.dev.vars.staging'), 'SITE_URL=http://staging.test\n');
    expect(read(devVars, ['-e', 'staging'])).toEqual({ userSet: { where: relative(process.cwd(), join(devVars, '../.dev.vars.staging')), value: 'http://staging.test' }, protocol: 'http' });
  });
});
