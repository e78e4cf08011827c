import type { Article } from '../../src/content/article';
import type { FrontMatter } from '../../src/content/schema';
import { fieldCharacterProblems, sourceCharacterProblems } from './characters';
import { readSourceSync, type SourceEntry, type SourceFile } from './collector';
import type { Picture } from './article-images';
import type { Catalog } from './catalog';
import { deriveArticle } from './derive';
import { parse, splitFrontMatter } from './parser';
import { contentHash } from './hash';
import type { Problem, Result } from './problems';
import { validate, type ValidArticle } from './transformer';
import { articleTerms, leadOf } from './search/terms';

/** A source file that passed every per-file stage: its validated data and the article it makes. */
export interface BuiltArticle {
  valid: ValidArticle;
  article: Article;
  /** The pictures it shows, by their place under content/ and their stamps when checked (article-images.ts). */
  pictures: Picture[];
}

/** An article without its body's HTML and text: what lists, feeds' metadata and the index need (a sixth of it). */
export type ArticleMeta = Omit<Article, 'html' | 'text' | 'images'>;

/**
 * What the build keeps of an article from reading it to rendering it: its metadata, and how to
 * get the rest back, so that a build holds every article's metadata but only the bodies it is
 * rendering (a million articles' bodies would not fit in memory).
 */
export interface ListedArticle {
  /** Its source file, for messages. */
  file: string;
  article: ArticleMeta;
  /** What the build still needs of the front matter once the article is derived. */
  frontMatter: Pick<FrontMatter, 'draft' | 'featured' | 'withdrawn' | 'aliases' | 'embargo'>;
  /** The instants written with a time of day. */
  timed: readonly string[];
  /** Its file, and the hash of the text it was listed from (what a worker thread reads and checks again). */
  source: SourceEntry;
  hash: string;
  /** The pictures it shows (their places under content/, their stamps when checked): a build that remembers it checks them again when one changes. */
  pictures: readonly Picture[];
  /**
   * A hash of what lists show of it (listShown: its metadata and dates, not its body, nor its word
   * count, which only its own bodies and the index's entries carry): their pages' keys are made of these.
   */
  shown: string;
  /**
   * A hash of what a related link shows of it (railShown): another article's page is made from
   * this, not from `shown`, so an edit that changes only what lists show (its dek, its word
   * count) re-renders its own pack and not the packs of the articles that link to it.
   */
  rail: string;
  /** Its terms for the search index (search/terms.ts), made when it is read: its words are not kept. */
  search: string;
  /** The opening of its text (search/terms.ts `leadOf`): its search results' snippets. */
  lead: string;
  /** The article whole, and the Markdown body it was rendered from. */
  load(): { article: Article; body: string };
}

export function withoutBody({ html: _html, text: _text, images: _images, ...meta }: Article): ArticleMeta {
  return meta;
}

/** What listing a source file gives: the article's metadata and the hash of the text it was built from, or the file's problems. */
export type ListResult = { ok: true; value: Listed } | { ok: false; unread: boolean; problems: Problem[] };

/** A listed article as plain data (a worker thread's answer): ListedArticle without `load`. */
export type Listed = Omit<ListedArticle, 'load' | 'source'>;

/**
 * Reads and builds a source file, keeping its metadata and the hash of its text: the body is
 * built again from the file when the article is rendered (loadArticle). Copied through JSON: a
 * parsed string can be a slice that keeps its whole source file in memory.
 */
export function listArticle(source: SourceEntry, catalog: Catalog): ListResult {
  const read = readSourceSync(source);
  if (!('text' in read)) return { ok: false, unread: true, problems: [read] };
  const built = buildArticle(read, catalog);
  if (!built.ok) return { ok: false, unread: false, problems: built.problems };
  const { valid, article, pictures } = built.value;
  const { draft, featured, withdrawn, aliases, embargo } = valid.frontMatter;
  const meta = withoutBody(article);
  const kept = { file: valid.file, article: meta, frontMatter: { draft, featured, withdrawn, aliases, embargo }, timed: valid.timed, hash: contentHash(read.text), pictures, shown: listShown(meta, valid.timed), rail: railShown(meta, valid.timed), search: articleTerms(article), lead: leadOf(article.text) };
  return { ok: true, value: JSON.parse(JSON.stringify(kept)) as Listed };
}

/**
 * What a list page, a feed's entry or a sitemap shows of an article: its metadata but its word count
 * (src/views/structured-data.ts shows it on the article's own page; the index's list entries carry
 * it, and they are keyed by the article's bodies), with the instants written with a time of day.
 */
export function listShown({ wordCount: _shownOnItsOwnPage, ...meta }: ArticleMeta, timed: readonly string[]): string {
  return contentHash(JSON.stringify(meta), ...timed);
}

/**
 * What a related link ("More in …", src/views/article-list.ts `headlineList`) shows of an article:
 * its slug, headline, language, section and when it was published, with the instants written with a
 * time of day (which decide how that date is shown).
 */
export function railShown({ slug, title, lang, section, datePublished }: ArticleMeta, timed: readonly string[]): string {
  return contentHash(JSON.stringify([slug, title, lang, section, datePublished]), ...timed);
}

/**
 * The article built again from its file, whole, with its Markdown body (the same stages give the
 * same article). A file that no longer holds the text it was listed from was changed during the
 * build: the build stops rather than serve an article its lists do not describe.
 */
export function loadArticle(source: SourceEntry, catalog: Catalog, hash: string, pictures: readonly Picture[] = []): { article: Article; body: string; pictures: readonly Picture[] } {
  const read = readSourceSync(source);
  const again = 'text' in read && contentHash(read.text) === hash ? buildArticle(read, catalog, pictures) : null;
  if (again === null || !again.ok) throw new Error(`${source.file} changed while the site was being built; build again`);
  return { article: again.value.article, body: again.value.valid.body, pictures };
}

/** A listed article that loads itself from its file. */
export function listedArticle({ hash, ...listed }: Listed, source: SourceEntry, catalog: Catalog): ListedArticle {
  return { ...listed, file: source.file, source, hash, load: () => loadArticle(source, catalog, hash, listed.pictures) };
}

/**
 * One source file through check -> parse -> validate -> derive, reporting every problem these
 * stages can see. An exception in any of them becomes this file's problem, so one odd file never
 * hides the others' problems behind a stack trace.
 */
export function buildArticle(source: SourceFile, catalog: Catalog, shown: readonly Picture[] = []): Result<BuiltArticle> {
  return guarded(source.file, () => stages(source, catalog, shown));
}

/** Runs `run`, turning an exception into a problem of `file`. */
export function guarded<T>(file: string, run: () => Result<T>): Result<T> {
  try {
    return run();
  } catch (error) {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { ok: false, problems: [{ file, field: 'file', message: `could not be built (${reason.split('\n', 1)[0]})` }] };
  }
}

/** `shown`: the article's pictures as verified when it was listed (render time), so its pages show them. */
function stages(source: SourceFile, catalog: Catalog, shown: readonly Picture[]): Result<BuiltArticle> {
  const raw = sourceCharacterProblems(source.file, source.text, splitFrontMatter(source.text)?.bodyLine ?? null);
  const parsed = parse(source);
  if (!parsed.ok) return { ok: false, problems: [...raw, ...parsed.problems] };
  // A character found in the raw source would be found again once YAML has decoded it.
  const decoded = raw.length > 0 ? [] : fieldCharacterProblems(source.file, parsed.value.data);
  const validated = validate(parsed.value);
  const problems = [...raw, ...decoded, ...(validated.ok ? [] : validated.problems)];
  if (!validated.ok || problems.length > 0) return { ok: false, problems };
  const derived = deriveArticle(validated.value, catalog, shown);
  return derived.ok ? { ok: true, value: { valid: validated.value, ...derived.value } } : derived;
}
