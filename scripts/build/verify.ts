import { join } from 'node:path';
import { z } from 'zod';
import { realFileSystem, type FileSystem } from './files';
import { FILE_CONCURRENCY, forEachLimited } from './pool';
import type { Problem } from './problems';
import { contentHash } from './represent';

/**
 * The consistency check between the index and the assets: every body file the content module
 * names (line 0's pages and documents, each article line's file) is in the assets folder, whole. The writer runs
 * it before the switch, so an index that names a missing or partial file is never put in place.
 */

const bodyPath = z.string().regex(/^\/b\/[\w-]{22}\.txt$/, 'must be a body file path, /b/<hash>.txt');
const end = z.int().nonnegative();
const span = z.tuple([end, end]);
const page = z.object({ file: bodyPath, end });
const document = z.object({ pages: z.array(page).min(1) });
const indexLine = z.object({ slugs: z.array(z.string()), pages: z.object({ home: z.array(page).min(1), notFound: page }), documents: z.record(z.string(), document) });
const articleLine = z.object({ file: bodyPath, json: span, html: span, markdown: span, embed: span });

/** Each body file the module names, with the end of its last body: the file's length in UTF-16 code units. */
function referencedFiles(moduleText: string, label: string): { files: Map<string, number>; problems: Problem[] } {
  const files = new Map<string, number>();
  const problems: Problem[] = [];
  const refer = (file: string, last: number) => files.set(file, Math.max(last, files.get(file) ?? 0));
  const [first = '', ...lines] = moduleText.split('\n');
  const index = indexLine.safeParse(parseJson(first));
  if (!index.success) return { files, problems: [{ file: label, field: 'line 1', message: 'is not the content index' }] };
  const documentPages = Object.values(index.data.documents).flatMap((stored) => stored.pages);
  for (const { file, end } of [...index.data.pages.home, index.data.pages.notFound, ...documentPages]) refer(file, end);
  if (lines.length !== index.data.slugs.length) {
    problems.push({ file: label, field: 'articles', message: `the index lists ${index.data.slugs.length}, the module has ${lines.length} article lines` });
  }
  lines.forEach((text, at) => {
    const line = articleLine.safeParse(parseJson(text));
    if (line.success) refer(line.data.file, Math.max(...[line.data.json, line.data.html, line.data.markdown, line.data.embed].map(([, last]) => last)));
    else problems.push({ file: label, field: `line ${at + 2}`, message: 'is not an article line' });
  });
  return { files, problems };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Problems with one body file: missing, of another length than the index says, or not the bytes its name hashes. */
async function fileProblem(assetsDir: string, path: string, length: number, fs: FileSystem): Promise<Problem | null> {
  const file = join(assetsDir, path);
  const bytes = await fs.readFile(file).catch((error: NodeJS.ErrnoException) => error);
  if (bytes instanceof Error) return { file, field: 'file', message: bytes.code === 'ENOENT' ? 'is missing; the index names it' : `cannot be read (${bytes.code ?? bytes.message})` };
  const text = bytes.toString('utf8');
  if (text.length !== length) return { file, field: 'file', message: `is ${text.length} characters long; the index expects ${length}` };
  if (`/b/${contentHash(text)}.txt` !== path) return { file, field: 'file', message: 'does not hold the bytes its name is the hash of' };
  return null;
}

/** Checks the content module's text against the assets folder; every problem, or none. */
export async function checkOutput(moduleText: string, assetsDir: string, options: { label?: string; fs?: FileSystem } = {}): Promise<Problem[]> {
  const { label = 'content module', fs = realFileSystem } = options;
  const { files, problems } = referencedFiles(moduleText, label);
  const found: Problem[] = [];
  await forEachLimited([...files], FILE_CONCURRENCY, async ([path, length]) => {
    const problem = await fileProblem(assetsDir, path, length, fs);
    if (problem !== null) found.push(problem);
  });
  return [...problems, ...found.sort((a, b) => (a.file < b.file ? -1 : 1))];
}

/** Checks a written build: the content module at `modulePath` against the assets folder. */
export async function checkBuildOutput(modulePath: string, assetsDir: string): Promise<Problem[]> {
  return checkOutput(await realFileSystem.readFile(modulePath, 'utf8'), assetsDir, { label: modulePath });
}
