import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { generateCorpus, writeCorpus } from '../../scripts/bench/corpus';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

/** The project root, where `npx tsx scripts/build.ts` runs. */
export const projectRoot = join(import.meta.dirname, '../..');

export const fixture = (name: string) => join(import.meta.dirname, 'fixtures', name);

/** A fresh temp folder. */
export const tempDir = () => mkdtemp(join(tmpdir(), 'edgewire-'));

/** A temp copy of a fixture, to change (symlinks, broken files) without touching the original. */
export async function fixtureCopy(name: string): Promise<string> {
  const root = await tempDir();
  await cp(fixture(name), root, { recursive: true });
  return root;
}

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

const execFileAsync = promisify(execFile);

/** Runs `command` in the project root with only the EDGEWIRE_ variables in `env`; never rejects. */
export async function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('EDGEWIRE_')));
  return execFileAsync(command, args, { cwd: projectRoot, env: { ...inherited, ...env } }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
}

/** Runs the build script as `npm run build` does (this Node, tsx as its loader: no npx start-up per run). */
export function runBuild(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return run(process.execPath, ['--import', 'tsx', 'scripts/build.ts', ...args], env);
}

/** SHA-256 of every file under `dirs`, by path: equal snapshots mean byte-identical trees. */
export async function snapshot(...dirs: string[]): Promise<Record<string, string>> {
  const hashes: Record<string, string> = {};
  for (const dir of dirs) {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
    for (const entry of entries.filter((entry) => entry.isFile())) {
      const path = join(entry.parentPath, entry.name);
      hashes[path] = createHash('sha256').update(await readFile(path)).digest('hex');
    }
  }
  return hashes;
}

/** Writes `<root>/content/site.yml`, which every content folder needs (only `name` is required). */
export async function writeSiteFile(root: string, text = 'name: edgewire\n'): Promise<void> {
  await mkdir(join(root, 'content'), { recursive: true });
  await writeFile(join(root, 'content/site.yml'), text);
}

/** A temp project whose content folder holds `files` (path under content/ → text or bytes). */
export async function contentRoot(files: Readonly<Record<string, string | Uint8Array>>): Promise<string> {
  const root = await tempDir();
  for (const [name, data] of Object.entries(files)) {
    const path = join(root, 'content', name);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, data);
  }
  return root;
}

/** An article's text: front matter from `fields` (YAML lines), then `body`. */
export function article(fields: string, body = 'Body.'): string {
  return `---\n${fields.trim()}\n---\n\n${body}\n`;
}

/**
 * A project of `count` synthetic articles (the bench's corpus) and a site file, every article
 * settled: written an hour ago, as a file changed in the last two seconds has no stamp to trust
 * (a build that remembers lists it again). Returns the root and its articles folder.
 */
export async function corpusProject(count: number): Promise<{ root: string; articles: string }> {
  const root = await tempDir();
  await writeSiteFile(root);
  const articles = join(root, 'content/articles');
  await writeCorpus(articles, generateCorpus(count));
  const hourAgo = new Date(Date.now() - 3_600_000);
  for (const name of await readdir(articles)) await utimes(join(articles, name), hourAgo, hourAgo);
  return { root, articles };
}
