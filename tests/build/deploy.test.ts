import { execFile } from 'node:child_process';
import { chmod, cp, mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deploySiteUrlProblem, isLocalHost, isReservedName } from '../../scripts/deploy/site-url';
import { DEPLOY_USAGE } from '../../scripts/deploy/usage';
import { fixture, projectRoot, tempDir, type Run } from './helpers';

// npm run deploy, as a newsroom runs it: in its project folder, wrangler from the PATH. A stand-in
// for wrangler (a shell script that writes down its arguments) shows whether it was started; one
// case runs the real wrangler with --dry-run, which builds and bundles and uploads nothing.

const TSX = import.meta.resolve('tsx');
const DEPLOY = join(projectRoot, 'scripts/deploy.ts');
const RULE = "SITE_URL must be the site's own public https: origin to deploy, such as https://news.<your domain>";
/** A newsroom's own domain, as `--var` gives it (wrangler.toml's production SITE_URL is a placeholder a deploy refuses). */
const OWN = ['--var', 'SITE_URL:https://news.riverside-ledger.news'];
const TOP_LEVEL_ADVICE = 'Pass --env production to deploy with [env.production.vars], or set SITE_URL in [vars].';
const WORKER = 'name = "x"\nmain = "src/index.ts"\ncompatibility_date = "2026-11-09"\n';

/** A project folder holding `wrangler.toml` (the project's own unless given) and, if named, a fixture's content. */
async function project(options: { toml?: string; content?: string } = {}): Promise<string> {
  const dir = await tempDir();
  await writeFile(join(dir, 'wrangler.toml'), options.toml ?? (await readFile(join(projectRoot, 'wrangler.toml'), 'utf8')));
  if (options.content !== undefined) await cp(join(fixture(options.content), 'content'), join(dir, 'content'), { recursive: true });
  return dir;
}

/** A folder with a `wrangler` that records its arguments and EDGEWIRE_DEV, then exits with `status`. */
async function standIn(status = 0): Promise<{ bin: string; started: () => Promise<string[] | null> }> {
  const bin = await tempDir();
  const record = join(bin, 'argv');
  await writeFile(join(bin, 'wrangler'), `#!/bin/sh\nprintf '%s\\n' "EDGEWIRE_DEV=\${EDGEWIRE_DEV-unset}" "$@" > '${record}'\nexit ${status}\n`);
  await chmod(join(bin, 'wrangler'), 0o755);
  const started = () => readFile(record, 'utf8').then((text) => text.trimEnd().split('\n'), () => null);
  return { bin, started };
}

/** `npm run deploy -- <args>` in `cwd`, with `bin` first on the PATH and nothing of the caller's EDGEWIRE_ or CLOUDFLARE_ENV. */
function deploy(cwd: string, args: readonly string[], bin: string, env: NodeJS.ProcessEnv = {}): Promise<Run> {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('EDGEWIRE_') && name !== 'CLOUDFLARE_ENV'));
  const PATH = [bin, join(projectRoot, 'node_modules/.bin'), process.env.PATH].join(delimiter);
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', TSX, DEPLOY, ...args], { cwd, env: { ...inherited, PATH, ...env } }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : Number(error.code), stdout, stderr });
    });
  });
}

describe('npm run deploy -- --help', () => {
  it('prints the usage and exits 0, wrangler never started', async () => {
    const wrangler = await standIn();
    expect(await deploy(projectRoot, ['--help'], wrangler.bin)).toEqual({ code: 0, stdout: `${DEPLOY_USAGE}\n`, stderr: '' });
    expect(await wrangler.started()).toBeNull();
  });
});

describe.concurrent('npm run deploy refuses a SITE_URL readers cannot use: one line, exit 1, wrangler never started', { timeout: 180_000 }, () => {
  // Each run loads wrangler to read its configuration (seconds of CPU): one run per way of
  // choosing the setting, each with another bad value; the rule's other values are checked below.
  const vars = (table: string, value: string) => `${WORKER}[${table}]\nSITE_URL = ${JSON.stringify(value)}\n`;
  const production = vars('vars', 'https://news.example.com');
  it.each([
    ['the project as cloned, no --env: the local top level', undefined, [], {}, `wrangler.toml: [vars] ${RULE}; it is "http://localhost:8787", a local address. ${TOP_LEVEL_ADVICE}`],
    ['not set', WORKER, [], {}, `wrangler.toml: [vars] ${RULE}; it is not set. ${TOP_LEVEL_ADVICE}`],
    ['not an origin', vars('vars', 'news.example.com'), [], {}, `wrangler.toml: [vars] ${RULE}; it is "news.example.com". ${TOP_LEVEL_ADVICE}`],
    ['127.0.0.1, -e staging', `${production}${vars('env.staging.vars', 'https://127.0.0.1')}`, ['-e', 'staging'], {}, `wrangler.toml: [env.staging.vars] ${RULE}; it is "https://127.0.0.1", a local address.`],
    ['::1, CLOUDFLARE_ENV=staging', `${production}${vars('env.staging.vars', 'http://[::1]:8787')}`, [], { CLOUDFLARE_ENV: 'staging' }, `wrangler.toml: [env.staging.vars] ${RULE}; it is "http://[::1]:8787", a local address.`],
    ['a *.localhost name, --var', undefined, ['--env=production', '--var', 'SITE_URL:https://news.localhost'], {}, `--var ${RULE}; it is "https://news.localhost", a local address.`],
    ['http:, --env production', `${production}${vars('env.production.vars', 'http://news.example.com')}`, ['--env', 'production'], {}, `wrangler.toml: [env.production.vars] ${RULE}; it is "http://news.example.com", not https:.`],
    ['wrangler.toml\'s placeholder, --env production', undefined, ['--env', 'production'], {}, `wrangler.toml: [env.production.vars] ${RULE}; it is "https://news.example.com", a name kept for examples (RFC 2606): set your own domain (a --dry-run takes it).`],
    ['an environment without [vars]', `${production}[env.staging]\n`, ['--env', 'staging'], {}, `wrangler.toml: [env.staging.vars] ${RULE}; it is not set. An environment does not inherit [vars]: set SITE_URL in [env.staging.vars].`],
    ['an environment wrangler.toml does not have', undefined, ['--env', 'prod'], {}, 'Processing wrangler.toml configuration: No environment found in configuration with name "prod".'],
  ] as const)('%s', async (_case, toml, args, env, line) => {
    const [dir, wrangler] = await Promise.all([project(toml === undefined ? {} : { toml }), standIn()]);
    expect(await deploy(dir, args, wrangler.bin, env)).toEqual({ code: 1, stdout: '', stderr: `deploy: ${line}\n` });
    expect(await wrangler.started()).toBeNull();
  });
});

describe.concurrent('npm run deploy with a public https: SITE_URL', { timeout: 300_000 }, () => {
  it('bad content: the build\'s own report and nothing else, exit 1, wrangler never started', async () => {
    const [dir, wrangler] = await Promise.all([project({ content: 'bad' }), standIn()]);
    const result = await deploy(dir, ['--env', 'production', ...OWN], wrangler.bin);
    // What the build itself says about this content, run where deploy runs it.
    const build = await new Promise<Run>((resolve) => {
      execFile(process.execPath, ['--import', TSX, join(projectRoot, 'scripts/build.ts')], { cwd: dir }, (error, stdout, stderr) => resolve({ code: error === null ? 0 : Number(error.code), stdout, stderr }));
    });
    expect(build).toMatchObject({ code: 1, stdout: '' });
    expect(result).toEqual({ code: 1, stdout: '', stderr: build.stderr });
    const [headline, ...problems] = result.stderr.trimEnd().split('\n');
    expect(headline).toBe(`Content build failed: ${problems.length} problems`);
    expect(problems.length).toBeGreaterThan(1);
    for (const problem of problems) expect(problem).toMatch(/^content\/articles\/[^:]+: [^:]+: ./);
    expect(await wrangler.started()).toBeNull();
  });

  it('builds the content without drafts, then runs wrangler deploy with the same arguments and exits with its status', async () => {
    const [dir, wrangler] = await Promise.all([project({ content: 'good' }), standIn(3)]);
    const result = await deploy(dir, ['--env', 'production', '--dry-run'], wrangler.bin, { EDGEWIRE_DEV: '1', EDGEWIRE_DRAFTS: 'include' });
    expect(result).toMatchObject({ code: 3, stderr: '' });
    expect(result.stdout).toMatch(/^Built 2 article\(s\) in \d+\.\d\d s -> src\/generated\/content\.txt, \.edgewire\/assets \(\d+ files: \d+ written, 0 removed\)\n$/);
    expect(await wrangler.started()).toEqual(['EDGEWIRE_DEV=unset', 'deploy', '--env', 'production', '--dry-run']);
  });

  it('builds within the limits of the plan EDGEWIRE_PLAN names: a plan that is none stops it before wrangler', async () => {
    const [dir, wrangler] = await Promise.all([project({ content: 'good' }), standIn()]);
    const result = await deploy(dir, ['--env', 'production', ...OWN], wrangler.bin, { EDGEWIRE_PLAN: 'team' });
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr.split('\n')[0]).toBe('build: EDGEWIRE_PLAN must be free or paid, not "team"');
    expect(await wrangler.started()).toBeNull();
  });

  it('--env production --dry-run: wrangler builds and bundles the production Worker, offline', async () => {
    // The project as a newsroom has it: its own wrangler.toml, src/ and content, the tools installed.
    const dir = await project({ content: 'good' });
    await cp(join(projectRoot, 'src'), join(dir, 'src'), { recursive: true, filter: (path) => !path.includes('/src/generated') });
    for (const name of ['node_modules', 'scripts', 'package.json', 'tsconfig.json']) await symlink(join(projectRoot, name), join(dir, name));
    await mkdir(join(dir, 'dist'));
    const result = await deploy(dir, ['--env', 'production', '--dry-run', '--outdir', 'dist'], join(projectRoot, 'node_modules/.bin'));
    expect(result.code).toBe(0);
    // npm run deploy built first: wrangler's custom build finds every article as that build left it.
    expect(result.stdout).toMatch(/\n\[custom build\] Built 2 article\(s\) in \d+\.\d\d s \(0 rendered, 2 unchanged\) -> /);
    expect(result.stdout).toMatch(/env\.SITE_URL \("https:\/\/news\.example\.com"\) +Environment Variable/);
    expect(result.stdout).toContain('--dry-run: exiting now.');
    expect((await readdir(join(dir, 'dist'))).filter((name) => name.endsWith('.js'))).toEqual(['index.js']);
  });
});

describe('the SITE_URL rule', () => {
  it('names loopback and localhost names as local', () => {
    for (const host of ['localhost', 'LOCALHOST', 'localhost.', 'news.localhost', '127.0.0.1', '127.1.2.3', '[::1]', '0.0.0.0', '[::]']) expect([host, isLocalHost(host)]).toEqual([host, true]);
    for (const host of ['news.example.com', 'localhost.example.com', '128.0.0.1', '[2001:db8::1]', 'mylocalhost']) expect([host, isLocalHost(host)]).toEqual([host, false]);
  });

  it.each([
    ['', 'empty'],
    ['  ', 'empty'],
    ['https://news.example.com/world', '"https://news.example.com/world"'],
    ['https://user:pw@news.example.com', '"https://user:pw@news.example.com"'],
    ['http://localhost:8787', '"http://localhost:8787", a local address'],
    ['https://LOCALHOST', '"https://LOCALHOST", a local address'],
    ['https://127.0.0.2', '"https://127.0.0.2", a local address'],
    ['https://0.0.0.0', '"https://0.0.0.0", a local address'],
    ['http://news.example.com:443', '"http://news.example.com:443", not https:'],
  ])('refuses %j: it is %s', (value, got) => {
    expect(deploySiteUrlProblem({ where: '--var', value, environment: 'production' })).toBe(`--var ${RULE}; it is ${got}.`);
  });

  it('accepts a public https: origin, with or without a port or trailing slash', () => {
    for (const value of ['https://news.riverside-ledger.news', 'https://news.riverside-ledger.news/', 'https://ledger.example.co.uk:8443', 'https://example.community']) {
      expect(deploySiteUrlProblem({ where: 'wrangler.toml: [env.production.vars]', value, environment: 'production' })).toBeNull();
    }
  });

  it('refuses a name kept for examples and tests (RFC 2606), but in a dry run', () => {
    for (const host of ['example.com', 'news.example.com', 'NEWS.EXAMPLE.ORG.', 'a.example.net', 'site.example', 'news.test', 'x.invalid']) {
      const setting = { where: '--var', value: `https://${host}`, environment: 'production' };
      expect([host, isReservedName(host), deploySiteUrlProblem(setting)]).toEqual([host, true, `--var ${RULE}; it is "https://${host}", a name kept for examples (RFC 2606): set your own domain (a --dry-run takes it).`]);
      expect(deploySiteUrlProblem(setting, true)).toBeNull();
    }
    for (const host of ['example.co.uk', 'myexample.com', 'example.community', 'testing.news', 'invalidation.org']) expect([host, isReservedName(host)]).toEqual([host, false]);
  });
});
