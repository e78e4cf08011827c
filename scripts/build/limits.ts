import type { Problem } from './problems';
import type { BuildOutput } from './represent';
import type { StoredFile } from './sink';

/**
 * Size limits, as data, and the problems that name them. The article limit is editorial policy
 * (a 1 MB news article is almost certainly a mistake, such as a pasted file); the representation
 * limit keeps serving cheap (measured in docs/RELIABILITY.md: an 8 MB JSON body, which 1 MB of
 * quote marks renders to, slows workerd to 3 responses a second under 64 connections and takes
 * its memory past 1 GB; a 1 MiB body serves at over 200 a second); the asset limit is the
 * platform's: "Individual file size: 25 MiB" (Workers Static Assets, Limits).
 */
export const LIMITS = {
  /** Bytes of Markdown source per article (1 MB, decimal), unless `--max-article-bytes` says otherwise. */
  articleBytes: 1_000_000,
  /** Bytes of each rendered representation (JSON, HTML, Markdown) of an article: 1 MiB, unless `--max-representation-bytes` says otherwise. */
  representationBytes: 1024 * 1024,
  /** Bytes per static-asset file: 25 MiB = 26,214,400 bytes. */
  assetBytes: 25 * 1024 * 1024,
} as const;

const MiB = 1024 * 1024;
const grouped = new Intl.NumberFormat('en-US');

/** `26,214,400 bytes (25 MiB)`; the MiB only when the figure is a whole number of them. */
export function bytes(count: number): string {
  return `${grouped.format(count)} ${count === 1 ? 'byte' : 'bytes'}${count >= MiB && count % MiB === 0 ? ` (${count / MiB} MiB)` : ''}`;
}

/** An article source larger than the limit (checked before it is read). */
export function articleSizeProblem(file: string, size: number, limit: number): Problem | null {
  if (size <= limit) return null;
  return { file, field: 'file', message: `is ${bytes(size)}; the limit is ${bytes(limit)} (--max-article-bytes)` };
}

/**
 * A body file over the static-asset limit, named by what produced it: `owner` is the article's
 * source file, or the articles folder for a page (then `page` says which).
 */
export function assetSizeProblem(owner: { file: string; page?: string }, size: number, limit: number): Problem | null {
  if (size <= limit) return null;
  const what = owner.page === undefined ? 'its rendered representations are' : `${owner.page} is`;
  return { file: owner.file, field: owner.page === undefined ? 'file' : 'pages', message: `${what} ${bytes(size)}, over the static-asset limit of ${bytes(limit)}` };
}

/** What produced a body file, for messages that name an article (never a hash): its source, or a page of the site. */
function owners(output: BuildOutput<StoredFile>, sources: readonly { file: string }[], folder: string): Map<string, { file: string; page?: string }> {
  const owned = new Map<string, { file: string; page?: string }>();
  output.articles.forEach((line, at) => owned.set(line.file, { file: sources[at]?.file ?? folder }));
  output.index.pages.home.forEach(({ file }, at) => owned.set(file, { file: folder, page: `home page ${at + 1}` }));
  owned.set(output.index.pages.notFound.file, { file: folder, page: 'the 404 page' });
  for (const [path, stored] of Object.entries(output.index.documents)) {
    for (const { file } of stored.pages) owned.set(file, { file: folder, page: path });
  }
  return owned;
}

/** Every body file over `limit` bytes, named by its article; `sources[i]` rendered `output.articles[i]`. */
export function oversizeProblems(output: BuildOutput<StoredFile>, sources: readonly { file: string }[], folder: string, limit: number): Problem[] {
  const owned = owners(output, sources, folder);
  return output.files.flatMap(({ path, bytes }) => {
    const problem = assetSizeProblem(owned.get(path) ?? { file: path }, bytes, limit);
    return problem === null ? [] : [problem];
  });
}

const REPRESENTATIONS = ['json', 'html', 'markdown', 'embed'] as const;
const NAMES = { json: 'JSON', html: 'HTML', markdown: 'Markdown', embed: 'embed card' } as const;

/** Every article representation over `limit` bytes, named by its article; `sources[i]` rendered `output.articles[i]`. */
export function representationProblems(output: BuildOutput<StoredFile>, sources: readonly { file: string }[], limit: number): Problem[] {
  return output.articles.flatMap((line, at) =>
    REPRESENTATIONS.flatMap((kind, place): Problem[] => {
      const size = output.bodyBytes[at]![place]!;
      if (size <= limit) return [];
      return [{ file: sources[at]?.file ?? line.file, field: 'file', message: `its ${NAMES[kind]} representation is ${bytes(size)}; the limit is ${bytes(limit)} (--max-representation-bytes)` }];
    }),
  );
}
