import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCommand, USAGE } from '../../scripts/build/cli';
import { buildContent } from '../../scripts/build/index';
import { PLATFORM_LIMITS, platformFigures, platformProblems, type Plan, type PlanLimits } from '../../scripts/build/platform-limits';
import { formatProblem } from '../../scripts/build/problems';
import { article, contentRoot, fixture, fixtureCopy, run, runBuild, snapshot, tempDir } from './helpers';
import { photo } from './pictures';

const DOCS = 'https://developers.cloudflare.com/workers/platform/limits/';
const SMALL_LIMITS = join(import.meta.dirname, 'fixtures/small-platform-limits.ts');

/** Limits small enough for a fixture: `files` and `bytes` per plan. */
function limits(files: Record<Plan, number>, bytes: Record<Plan, number>): Record<Plan, PlanLimits> {
  const plan = (name: Plan): PlanLimits => ({
    assetFiles: { figure: files[name], unit: 'files', source: 'https://docs.example/files' },
    moduleBytes: { figure: bytes[name], unit: 'bytes', source: 'https://docs.example/size' },
  });
  return { free: plan('free'), paid: plan('paid') };
}

const lines = (...args: Parameters<typeof platformProblems>) => platformProblems(...args).map(formatProblem);

describe('platform limits', () => {
  it("are Cloudflare's, per plan, each with the page that states it", () => {
    const workerSize = { figure: 67_108_864, unit: 'bytes', source: DOCS };
    expect(PLATFORM_LIMITS).toEqual({
      free: { assetFiles: { figure: 20_000, unit: 'files', source: DOCS }, moduleBytes: workerSize },
      paid: { assetFiles: { figure: 100_000, unit: 'files', source: DOCS }, moduleBytes: workerSize },
    });
  });

  it('name the figure, the limit, the plan, its source and the way out', () => {
    expect(lines({ assetFiles: 20_412, moduleBytes: 5_000_000 }, 'free', 'content')).toEqual([
      `content: static assets: 20,412 files; Workers Free allows 20,000 files per version (${DOCS}); on Workers Paid (100,000 files) build with --plan paid`,
    ]);
    expect(lines({ assetFiles: 103_608, moduleBytes: 67_108_865 }, 'free', 'content')).toEqual([
      `content: static assets: 103,608 files; Workers Free allows 20,000 files per version (${DOCS}); over Workers Paid's 100,000 files too`,
      `content: worker size: the content module is 67,108,865 bytes; Workers Free allows 67,108,864 bytes (64 MiB) per Worker, code included (${DOCS}); the same on Workers Paid`,
    ]);
    expect(lines({ assetFiles: 103_608, moduleBytes: 67_108_865 }, 'paid', '../corpus')).toEqual([
      `../corpus: static assets: 103,608 files; Workers Paid allows 100,000 files per version (${DOCS})`,
      `../corpus: worker size: the content module is 67,108,865 bytes; Workers Paid allows 67,108,864 bytes (64 MiB) per Worker, code included (${DOCS}); the same on Workers Free`,
    ]);
  });

  it('pass a figure at its limit, and fail it one over', () => {
    const small = limits({ free: 1, paid: 2 }, { free: 10, paid: 10 });
    expect(lines({ assetFiles: 1, moduleBytes: 10 }, 'free', 'content', small)).toEqual([]);
    expect(lines({ assetFiles: 2, moduleBytes: 11 }, 'free', 'content', small)).toEqual([
      'content: static assets: 2 files; Workers Free allows 1 file per version (https://docs.example/files); on Workers Paid (2 files) build with --plan paid',
      'content: worker size: the content module is 11 bytes; Workers Free allows 10 bytes per Worker, code included (https://docs.example/size); the same on Workers Paid',
    ]);
    expect(lines({ assetFiles: 2, moduleBytes: 10 }, 'paid', 'content', small)).toEqual([]);
  });

  it('measure what the build writes: every file in the assets folder, and the content module', async () => {
    const dir = await tempDir();
    const [out, assets] = [join(dir, 'content.txt'), join(dir, 'assets')];
    expect(await runBuild(['--root', fixture('good'), '--out', out, '--assets', assets])).toMatchObject({ code: 0, stderr: '' });
    const built = await buildContent({ root: fixture('good') });
    if (!built.ok) throw new Error('build failed');
    const written = (await readdir(assets, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).length;
    expect(platformFigures(built.deployed)).toEqual({ assetFiles: written, moduleBytes: (await stat(out)).size });
  });

  it('fail a build over them, naming the content folder, with limits injected', async () => {
    const built = await buildContent({ root: fixture('good') });
    if (!built.ok) throw new Error('build failed');
    const { assetFiles, moduleBytes } = platformFigures(built.deployed);
    const tight = limits({ free: assetFiles - 1, paid: assetFiles }, { free: moduleBytes - 1, paid: moduleBytes - 1 });
    expect(await buildContent({ root: fixture('good'), platformLimits: tight })).toEqual({
      ok: false,
      problems: [
        { file: 'content', field: 'static assets', message: `${assetFiles} files; Workers Free allows ${assetFiles - 1} files per version (https://docs.example/files); on Workers Paid (${assetFiles} files) build with --plan paid` },
        { file: 'content', field: 'worker size', message: `the content module is ${moduleBytes.toLocaleString('en-US')} bytes; Workers Free allows ${(moduleBytes - 1).toLocaleString('en-US')} bytes per Worker, code included (https://docs.example/size); the same on Workers Paid` },
      ],
    });
    const paid = await buildContent({ root: fixture('good'), plan: 'paid', platformLimits: tight });
    expect(paid.problems.map(formatProblem)).toEqual([
      `content: worker size: the content module is ${moduleBytes.toLocaleString('en-US')} bytes; Workers Paid allows ${(moduleBytes - 1).toLocaleString('en-US')} bytes per Worker, code included (https://docs.example/size); the same on Workers Free`,
    ]);
    expect(await buildContent({ root: fixture('good'), plan: 'paid', platformLimits: limits({ free: 1, paid: assetFiles }, { free: moduleBytes, paid: moduleBytes }) })).toMatchObject({ ok: true, problems: [] });
  });
});

describe('pictures and the file limit', () => {
  it('counts each original once, however many articles show it', async () => {
    const root = await contentRoot({
      'site.yml': 'name: X\n',
      'images/a.jpg': await photo(1200, 675),
      'images/b.png': await photo(640, 480, 'png'),
      'articles/one.md': article('title: One\ndatePublished: 2026-12-01\nimage:\n  src: /images/a.jpg\n  alt: A street\n  credit: AP', '![A map](/images/b.png)'),
      'articles/two.md': article('title: Two\ndatePublished: 2026-12-02', '![A map](../images/b.png)\n\n![A street](/images/a.jpg)'),
    });
    const built = await buildContent({ root });
    if (!built.ok) throw new Error('build failed');
    const { assetFiles } = platformFigures(built.deployed);
    // The lead image (its focus the centre) and the map, each once; the street again in a body is the same key.
    expect(built.deployed.files.filter(({ path }) => path.startsWith('/p/')).map(({ path }) => path.replace(/[0-9a-f]{16}/, 'HASH')).sort()).toEqual(['/p/HASH-1200x675-50-50', '/p/HASH-640x480-50-50']);
    const tight = limits({ free: assetFiles - 1, paid: assetFiles }, { free: 1e9, paid: 1e9 });
    expect((await buildContent({ root, platformLimits: tight })).problems.map(formatProblem)).toEqual([
      `content: static assets: ${assetFiles} files; Workers Free allows ${assetFiles - 1} files per version (https://docs.example/files); on Workers Paid (${assetFiles} files) build with --plan paid`,
    ]);
  });
});

describe('the plan', () => {
  const plan = (args: string[], env: NodeJS.ProcessEnv) => {
    const read = readCommand(args, env);
    return read.kind === 'build' ? read.command.plan : read;
  };

  it('is --plan, else EDGEWIRE_PLAN, else free', () => {
    expect(plan([], {})).toBe('free');
    expect(plan([], { EDGEWIRE_PLAN: '' })).toBe('free');
    expect(plan([], { EDGEWIRE_PLAN: 'paid' })).toBe('paid');
    expect(plan(['--plan', 'paid'], {})).toBe('paid');
    expect(plan(['--plan', 'free'], { EDGEWIRE_PLAN: 'paid' })).toBe('free');
  });

  it('is free or paid: anything else is a usage error naming the allowed values and where it came from', () => {
    expect(plan(['--plan', 'Paid'], {})).toEqual({ kind: 'error', message: '--plan must be free or paid, not "Paid"' });
    expect(plan(['--plan', 'business'], { EDGEWIRE_PLAN: 'paid' })).toEqual({ kind: 'error', message: '--plan must be free or paid, not "business"' });
    expect(plan([], { EDGEWIRE_PLAN: 'enterprise' })).toEqual({ kind: 'error', message: 'EDGEWIRE_PLAN must be free or paid, not "enterprise"' });
  });

  it('is in the usage, with both ways to give it', () => {
    expect(USAGE).toContain(`
  --plan <free|paid>         Workers plan whose limits the output must fit, or the build fails:
                             static-asset files per version (free 20,000, paid 100,000) and the
                             Worker's size (64 MiB on both) (default: $EDGEWIRE_PLAN, else free)
`);
    expect(USAGE).toContain('\n  EDGEWIRE_PLAN=paid         Workers plan, as --plan');
  });
});

describe('the build command over a platform limit', () => {
  /** The build script with 5 asset files allowed on Free and 1,000 on Paid. */
  const smallBuild = (args: readonly string[], env: NodeJS.ProcessEnv = {}) => run(process.execPath, ['--import', 'tsx', '--import', SMALL_LIMITS, 'scripts/build.ts', ...args], env);
  const outputOf = (root: string) => [join(root, 'src/generated'), join(root, '.edgewire')];
  const assetCount = async (root: string) => (await readdir(join(root, '.edgewire/assets'), { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).length;

  it('fails with exit 1 and the problem line, leaving the previous output as it was', async () => {
    const root = await fixtureCopy('good');
    expect(await runBuild(['--root', root])).toMatchObject({ code: 0, stderr: '' });
    const files = await assetCount(root);
    const before = await snapshot(...outputOf(root));
    expect(await smallBuild(['--root', root])).toEqual({
      code: 1,
      stdout: '',
      stderr: `Content build failed: 1 problem\ncontent: static assets: ${files} files; Workers Free allows 5 files per version (${DOCS}); on Workers Paid (1,000 files) build with --plan paid\n`,
    });
    expect(await snapshot(...outputOf(root))).toEqual(before);
  });

  it('passes on the plan --plan or EDGEWIRE_PLAN names; a bad one is exit 2 before anything is built', async () => {
    const root = await fixtureCopy('good');
    expect(await smallBuild(['--root', root, '--plan', 'paid'])).toMatchObject({ code: 0, stderr: '' });
    expect(await smallBuild(['--root', root], { EDGEWIRE_PLAN: 'paid' })).toMatchObject({ code: 0, stderr: '' });
    const before = await snapshot(...outputOf(root));
    expect(await runBuild(['--root', root], { EDGEWIRE_PLAN: 'team' })).toEqual({ code: 2, stdout: '', stderr: `build: EDGEWIRE_PLAN must be free or paid, not "team"\n\n${USAGE}\n` });
    expect(await snapshot(...outputOf(root))).toEqual(before);
  });

  it('in a dev build, is reported like the other problems, and the site is written and served', async () => {
    const root = await fixtureCopy('good');
    const dev = await smallBuild(['--root', root], { EDGEWIRE_DEV: '1' });
    const files = await assetCount(root);
    expect(dev).toMatchObject({
      code: 0,
      stderr: `Content build: 1 problem (serving the last good version of each broken article)\ncontent: static assets: ${files} files; Workers Free allows 5 files per version (${DOCS}); on Workers Paid (1,000 files) build with --plan paid\n`,
    });
    expect(dev.stdout).toMatch(/^Built 3 article\(s\) \(drafts included\) in /);
  });
});
