import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { buildArticle, type BuiltArticle, type ListedArticle } from './article';
import { verifyPictures, type Picture, type VerifiedPictures } from './article-images';
import type { ServedArticle } from './represent';
import type { Catalog } from './catalog';
import { readSourceSync, type SourceEntry } from './collector';
import { realFileSystem, writeAtomically } from './files';
import { contentHash } from './hash';

/**
 * Dev builds (`npm run dev`) never fail on content: a broken file is served as it last built.
 * The last good text of each source file is kept in a folder outside the assets
 * (`.edgewire/dev-last-good/`): one copy per text, named by its hash, and `files.json`, each
 * file's hash. A copy is written only for a text not kept yet (one edit writes one), and built
 * again through every stage when it is needed: nothing is taken on trust. Production builds
 * neither read nor write it.
 */

/** What a dev build served of each source file that built: the hash of its text, and where it is. */
export type ServedSources = ReadonlyMap<string, { hash: string; source: SourceEntry }>;

/** What a dev build leaves for the next: the files it served as they are now, and the broken ones (whose last good version stays kept). */
export interface DevServed {
  current: ServedSources;
  broken: ReadonlySet<string>;
}

const INDEX = 'files.json';
const indexSchema = z.object({ version: z.literal(2), files: z.record(z.string(), z.string().regex(/^[\w-]{22}$/)) });

/** The last good version of each source file, by its path. */
export class LastGood {
  private constructor(
    private readonly dir: string,
    private readonly files: ReadonlyMap<string, string>,
  ) {}

  /** The store in `dir`, or an empty one when it is missing or unreadable (it is only a cache). */
  static open(dir: string): LastGood {
    let files = new Map<string, string>();
    try {
      const index = indexSchema.safeParse(JSON.parse(readFileSync(join(dir, INDEX), 'utf8')));
      if (index.success) files = new Map(Object.entries(index.data.files));
    } catch {
      // None yet.
    }
    return new LastGood(dir, files);
  }

  /**
   * The file's last good version, built again (none when it has none, its copy is gone or it no
   * longer builds, say against a changed catalog), showing `shown`: its pictures once verified.
   */
  built(file: string, catalog: Catalog, shown: readonly Picture[] = []): BuiltArticle | undefined {
    const hash = this.files.get(file);
    if (hash === undefined) return undefined;
    let text: string;
    try {
      text = readFileSync(join(this.dir, `${hash}.md`), 'utf8');
    } catch {
      return undefined;
    }
    if (contentHash(text) !== hash) return undefined;
    const built = buildArticle({ file, name: file.slice(file.lastIndexOf('/') + 1, -'.md'.length), text }, catalog, shown);
    return built.ok ? built.value : undefined;
  }

  /**
   * Keeps what a dev build served: each current file's text (copied when no copy of it is kept
   * yet, and only if the file still holds the text it was built from), each broken file's last
   * good version as it was; copies nothing names any more are removed.
   */
  async save({ current, broken }: DevServed): Promise<void> {
    const next = new Map<string, string>();
    for (const [file, served] of current) if (this.copied(file, served)) next.set(file, served.hash);
    for (const file of broken) {
      const hash = this.files.get(file);
      if (hash !== undefined) next.set(file, hash);
    }
    await this.keep(next);
  }

  /** Keeps what a build that patched the previous one served anew (delta.ts: the few files it changed, all of which built); the rest as they were. */
  async update(changed: ServedSources): Promise<void> {
    const next = new Map(this.files);
    for (const [file, served] of changed) if (this.copied(file, served)) next.set(file, served.hash);
    await this.keep(next);
  }

  /** Whether the file's text is kept under its hash: copied now when no copy of it is kept yet, if the file still holds the text it was built from. */
  private copied(file: string, { hash, source }: { hash: string; source: SourceEntry }): boolean {
    // A file kept under this hash has its copy (checked again when it is used).
    if (this.files.get(file) === hash || existsSync(this.copy(hash))) return true;
    const read = readSourceSync(source);
    if (!('text' in read) || contentHash(read.text) !== hash) return false;
    mkdirSync(this.dir, { recursive: true });
    writeFileSync(this.copy(hash), read.text);
    return true;
  }

  /** The index of `next`, when it says something new, and no copy it does not name. */
  private async keep(next: ReadonlyMap<string, string>): Promise<void> {
    if (next.size === this.files.size && [...next].every(([file, hash]) => this.files.get(file) === hash)) return;
    const files = Object.fromEntries([...next].sort(([a], [b]) => (a < b ? -1 : 1)));
    mkdirSync(this.dir, { recursive: true });
    await writeAtomically(join(this.dir, INDEX), `${JSON.stringify({ version: 2, files })}\n`, realFileSystem);
    const named = new Set(next.values());
    for (const hash of new Set(this.files.values())) if (!named.has(hash)) rmSync(this.copy(hash), { force: true });
  }

  private copy(hash: string): string {
    return join(this.dir, `${hash}.md`);
  }
}

/**
 * The articles a dev build serves: the current ones that are not broken, then the last good
 * version of each broken file, unless its slug is taken (current articles win) or it no longer builds.
 * A last good version's pictures are verified as a listed article's are, and shown; one whose
 * pictures no longer pass shows them unverified (its file is broken anyway, and says so).
 */
export async function withLastGood(current: readonly ListedArticle[], broken: ReadonlySet<string>, lastGood: LastGood, catalog: Catalog, refused: ReadonlySet<string>): Promise<ServedArticle[]> {
  const serving: ServedArticle[] = current.filter(({ file }) => !broken.has(file));
  const slugs = new Set(serving.map(({ article }) => article.slug));
  const verified: VerifiedPictures = new Map();
  for (const file of [...broken].sort()) {
    let built = refused.has(file) ? undefined : lastGood.built(file, catalog);
    if (built === undefined || slugs.has(built.article.slug)) continue;
    const content = catalog.content?.dir;
    const checked = built.pictures.length === 0 || content === undefined ? null : await verifyPictures(file, built.pictures, content, verified);
    if (checked?.ok) built = lastGood.built(file, catalog, checked.pictures) ?? built;
    slugs.add(built.article.slug);
    const { valid, article, pictures } = built;
    serving.push({ file, article, body: valid.body, frontMatter: valid.frontMatter, timed: valid.timed, pictures: checked?.ok ? checked.pictures : pictures });
  }
  return serving;
}

/** What a dev build served of the current files, for LastGood.save; a broken file whose last good version was `refused` keeps none. */
export function servedSources(current: readonly ListedArticle[], broken: ReadonlySet<string>, refused: ReadonlySet<string>): DevServed {
  return { current: new Map(current.filter(({ file }) => !broken.has(file)).map(({ file, hash, source }) => [file, { hash, source }])), broken: new Set([...broken].filter((file) => !refused.has(file))) };
}
