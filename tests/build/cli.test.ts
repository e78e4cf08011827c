import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserExample, EXAMPLE_URL } from '../../scripts/checks/browser-example';
import { BUILD_NODE_OPTIONS } from '../../scripts/build/cli';
import { asksForHelp } from '../../scripts/cli';

// Every script of package.json we own answers --help, and turns a bad command line into one line
// and its usage on stderr (exit 2), never a stack trace. --help answers before anything heavy
// loads: no script imports a dependency (wrangler, zod, YAML…) until it has read its command line.

const root = join(import.meta.dirname, '../..');
const SCRIPTS = {
  build: 'scripts/build.ts',
  import: 'scripts/import.ts',
  bench: 'scripts/bench.ts',
  'bench:search': 'scripts/bench-search.ts',
  corpus: 'scripts/bench/corpus.ts',
  load: 'scripts/load.ts',
  dev: 'scripts/dev.ts',
  deploy: 'scripts/deploy.ts',
  'readme:examples': 'scripts/readme-examples.ts',
  'check:browser': 'scripts/checks/browser.ts',
  'check:html': 'scripts/checks/html.ts',
  'check:embedding': 'scripts/checks/embedding.ts',
  'check:cms': 'scripts/checks/cms.ts',
  'check:lighthouse': 'scripts/checks/lighthouse.ts',
  screenshots: 'scripts/checks/screenshots.ts',
  'picture-bytes': 'scripts/checks/picture-bytes.ts',
  'client:types': 'scripts/client-types.ts',
  'check:independence': 'scripts/independence.ts',
};
type Name = keyof typeof SCRIPTS;
const NAMES = Object.keys(SCRIPTS) as Name[];
/** Writes every module a script resolves to $IMPORT_LOG. */
const RECORD_IMPORTS = join(import.meta.dirname, 'fixtures/record-imports.mjs');

/** Runs a script as its npm script does (without npm's banner): exit code, stdout, stderr. */
function run(name: Name, args: readonly string[], env: NodeJS.ProcessEnv = process.env, imports: readonly string[] = []): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', ...imports.flatMap((module) => ['--import', module]), SCRIPTS[name], ...args], { cwd: root, env }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : Number(error.code), stdout, stderr });
    });
  });
}

const helps = new Map<Name, ReturnType<typeof run>>();
/** `<name> --help`, run once per script. */
function help(name: Name): ReturnType<typeof run> {
  if (!helps.has(name)) helps.set(name, run(name, ['--help']));
  return helps.get(name)!;
}

describe('npm run build', () => {
  it("runs the build under the Node options the benchmark's builds use", async () => {
    const { scripts } = JSON.parse(await readFile(join(import.meta.dirname, '../../package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(scripts.build).toBe(['node', ...BUILD_NODE_OPTIONS, '--import', 'tsx', 'scripts/build.ts'].join(' '));
  });
});

describe.concurrent('--help and a bad command line', { timeout: 30_000 }, () => {
  it.each(NAMES)('npm run %s -- --help prints the usage and exits 0', async (name) => {
    const { code, stdout, stderr } = await help(name);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout.split('\n')[0]).toMatch(new RegExp(`^usage: npm run ${name}( |$)`, 'i'));
  });

  // What --help loads, not how long it takes: a dependency imported at the top of a script (or of
  // a module it imports) would be loaded, and named here, before the usage is printed.
  it.each(NAMES)('npm run %s -- --help loads no dependency from node_modules', async (name) => {
    const log = join(await mkdtemp(join(tmpdir(), 'edgewire-imports-')), 'imports');
    const { code } = await run(name, ['--help'], { ...process.env, IMPORT_LOG: log }, [RECORD_IMPORTS]);
    const modules = (await readFile(log, 'utf8')).split('\n');
    expect(modules.some((url) => url.endsWith(SCRIPTS[name]))).toBe(true);
    expect({ code, dependencies: modules.filter((url) => url.includes('/node_modules/')) }).toEqual({ code: 0, dependencies: [] });
  });

  // dev passes options it does not know on to wrangler dev, which judges them.
  it.each([
    ['import', ['--bogus'], "import: Unknown option '--bogus'"],
    ['import', ['--slug'], "import: Option '--slug <value>' argument missing"],
    ['bench', ['--bogus'], "bench: Unknown option '--bogus'"],
    ['bench', ['--sizes', '10,x'], 'bench: --sizes must be a whole number ≥ 1, not x'],
    ['bench', ['--tool', 'ab'], 'bench: --tool must be wrk or autocannon, not ab'],
    ['bench', ['--requests', '0'], 'bench: --requests must be a whole number ≥ 1, not 0'],
    ['bench:search', ['--sizes', '0'], 'bench:search: --sizes must be a whole number ≥ 1, not 0'],
    ['corpus', ['--bogus'], "corpus: Unknown option '--bogus'"],
    ['corpus', ['--count', '0', '--out', '/tmp/unused'], 'corpus: --count must be a whole number ≥ 1, not 0'],
    ['corpus', [], 'corpus: --out is required'],
    ['corpus', ['--out', '/tmp/unused', 'extra'], "corpus: Unexpected argument 'extra'"],
    ['check:browser', ['--bogus'], "check:browser: Unknown option '--bogus'"],
    ['check:html', ['--css'], "check:html: Unknown option '--css'"],
    ['check:embedding', ['--json'], "check:embedding: Unknown option '--json'"],
    ['check:lighthouse', ['--json'], "check:lighthouse: Option '--json <value>' argument missing"],
    ['screenshots', ['extra'], "screenshots: Unexpected argument 'extra'"],
    ['picture-bytes', ['--runs'], "picture-bytes: Unknown option '--runs'"],
    ['load', ['--count', 'x'], 'load: --count must be a whole number ≥ 0, not x'],
    ['client:types', ['--out'], "client:types: Unknown option '--out'"],
    ['check:independence', ['--commit'], "check:independence: Option '--commit <value>' argument missing"],
  ] as const)('npm run %s -- %j: one line, then the usage; exit 2', async (name, args, line) => {
    const [result, { stdout: usage }] = await Promise.all([run(name, args), help(name)]);
    expect(result).toEqual({ code: 2, stdout: '', stderr: `${line}\n\n${usage}` });
  });
});

describe('bench --instructions', { timeout: 30_000 }, () => {
  it('is in the usage', async () => {
    expect((await help('bench')).stdout).toContain('\n  --instructions           instead of load, count the instructions workerd executes per request\n');
  });

  it('names its chart and its secondary load runs in the usage', async () => {
    const { stdout } = await help('bench');
    expect(stdout).toContain('docs/performance-instructions.svg with --instructions');
    expect(stdout).toContain('Then, outside valgrind, 2 s × 3 rounds of load per target and\n');
  });

  it('without valgrind on the PATH: one line naming the package, exit 2', async () => {
    expect(await run('bench', ['--instructions'], { ...process.env, PATH: '/nonexistent' })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'bench: valgrind is not installed (--instructions runs workerd under callgrind): apt-get install valgrind\n',
    });
  });
});

describe('check:embedding --print-example', { timeout: 30_000 }, () => {
  it('prints the browser example for the README\'s URL and exits 0', async () => {
    expect(await run('check:embedding', ['--print-example'])).toEqual({ code: 0, stdout: browserExample(EXAMPLE_URL), stderr: '' });
  });
});

describe('asksForHelp', () => {
  it('finds -h or --help before a --, not after it', () => {
    expect(asksForHelp(['--help'])).toBe(true);
    expect(asksForHelp(['--port', '9000', '-h'])).toBe(true);
    expect(asksForHelp(['--port', '9000'])).toBe(false);
    expect(asksForHelp(['--', '--help'])).toBe(false);
    expect(asksForHelp(['--helpful'])).toBe(false);
  });
});
