import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { DevNotice } from '../../src/views/notice';
import { listArticle, listedArticle, type ListedArticle, type ListResult } from './article';
import { contentHash } from './hash';
import { leadImage, verifyPictures, type VerifiedPictures } from './article-images';
import { FILE_CONCURRENCY, forEachLimited } from './pool';
import { ThreadPool } from './threads/pool';
import { readAuthors, type BuiltAuthor } from './authors';
import type { Catalog } from './catalog';
import { displayPath, startListing, type ListedSources, type SourceEntry } from './collector';
import { byNewest } from './derive';
import { servedSources, withLastGood, type DevServed, type LastGood, type ServedSources } from './last-good';
import { LIMITS, oversizeProblems, representationProblems } from './limits';
import { PLATFORM_LIMITS, platformFigures, platformProblems, type Plan, type PlanLimits } from './platform-limits';
import { devHeadline, formatProblem, type Problem } from './problems';
import { represent, representListed, RENDER_WINDOW, type ArticleRenderer, type BuildOutput, type ServedArticle } from './represent';
import { openMemory, pruneMemories, type BuildMemory } from './cache/memory';
import { keepPatchable } from './cache/delta-memo';
import { patch } from './delta';
import { render as renderTask, type RenderShared, type RenderTask } from './threads/tasks';
import { readSite, type Site } from './site';
import { readPages, type BuiltPage } from './static-pages';
import { findAliasProblems, findDuplicateSlugs } from './transformer';
import { AssetsSink, memorySink, type BodySink, type CopiedFile, type KeptFile, type StoredFile } from './sink';
import { originalPath } from '../../src/content/pictures';
import type { AssetSources } from './assets';
import { SILENT, type Progress } from './progress';
import { scheduleOf } from './schedule';
import { adminFiles, type AdminOptions } from './admin';
import { deployable, type Deployable } from './writer';
import type { IndexMemory } from './index-files';

/** The site stylesheet and favicon belong to the views, not to a content folder. */
const STYLESHEET = new URL('../../src/views/site.css', import.meta.url);
const FAVICON = new URL('../../src/views/favicon.svg', import.meta.url);
const EMBED = (name: string) => new URL(`../../src/views/embed/${name}`, import.meta.url);

export interface BuildOptions {
  /** Project root: messages name files relative to it. */
  root: string;
  /** The content folder, relative to root: `articles/` in it. */
  contentDir?: string;
  /** Drafts are left out unless asked for (dev builds ask). */
  includeDrafts?: boolean;
  /**
   * The build's clock (milliseconds since the epoch; the machine's by default): an article whose
   * release (schedule.ts) is later is scheduled. A production build makes an edition of the index
   * per release; a dev build serves it now, marked "Scheduled for …".
   */
  now?: number;
  /** The editor at /admin/ (admin.ts): made when the bundle is there and the build has somewhere to save to. */
  admin?: AdminOptions;
  /** Largest Markdown source of one article, in bytes. */
  maxArticleBytes?: number;
  /** Largest rendered representation (JSON, HTML or Markdown) of one article, in bytes. */
  maxRepresentationBytes?: number;
  /** Largest body file, in bytes: the platform's static-asset limit. */
  maxAssetBytes?: number;
  /** An articles folder without articles builds an empty site instead of failing. */
  allowEmpty?: boolean;
  /** The Workers plan whose limits (static-asset files, Worker size) the output must fit. */
  plan?: Plan;
  /** Those limits, per plan: Cloudflare's (smaller ones in tests). */
  platformLimits?: Record<Plan, PlanLimits>;
  /** Worker threads for the per-article work of a production build (0 or 1: all in this thread); the output is the same. */
  threads?: number;
  /** Who hears how far the build has got (progress.ts: a terminal's line); nobody by default. */
  progress?: Progress;
  /** A dev build: problems do not fail it; broken files are served as they last built, and every page lists the problems. */
  dev?: { lastGood: LastGood };
  /**
   * Where a production build that writes into an assets folder (an AssetsSink) remembers what it
   * listed and packed (cache/memory.ts, under `.edgewire/cache/`): the next build reads and renders
   * only what changed. Relative to root; none by default.
   */
  cache?: string;
}

/** Where the body files go as they are made (sink.ts); without one, they are kept in memory (`files` holds their texts). */
export interface SinkOption<F extends StoredFile> {
  sink?: BodySink<F>;
}

/**
 * What a build produced. `ok` with `problems` only in a dev build; `served` is what a dev build
 * served of the current files (for its last good versions, last-good.ts).
 */
/** A build that succeeded carries its output and that output as it is deployed (encoded once). */
export type BuildResult<F extends StoredFile = KeptFile> = ({ ok: true; problems: Problem[]; served?: DevServed; deployed: Deployable<F> } & BuildOutput<F>) | { ok: false; problems: Problem[] };

/** A build that patched the previous output (delta.ts): the output as deployed, how many articles it serves, how many it rendered. */
export interface PatchedBuild<F extends StoredFile = KeptFile> {
  ok: true;
  problems: Problem[];
  deployed: Deployable<F>;
  patched: { articles: number; rendered: number };
  /** The files it changed, as served now (a dev build keeps them as their last good versions). */
  changed: ServedSources;
}

const DEFAULTS: Required<Omit<BuildOptions, 'root' | 'dev' | 'cache' | 'now' | 'admin'>> = {
  contentDir: 'content',
  includeDrafts: false,
  maxArticleBytes: LIMITS.articleBytes,
  maxRepresentationBytes: LIMITS.representationBytes,
  maxAssetBytes: LIMITS.assetBytes,
  allowEmpty: false,
  threads: 0,
  progress: SILENT,
  plan: 'free',
  platformLimits: PLATFORM_LIMITS,
};

type Settings = typeof DEFAULTS & BuildOptions;

type Render<F extends StoredFile> = (serving: readonly ServedArticle[], notice?: DevNotice) => Promise<{ output: BuildOutput<F>; deployed: Deployable<F>; oversize: Problem[] }>;

/** The module the build's threads run (threads/pool.ts). */
const TASKS = new URL('./threads/tasks.ts', import.meta.url);

/** Below this many articles a thread, starting threads (each loads the stages) costs more than it saves. */
export const ARTICLES_PER_THREAD = 250;

/** What the articles are published with: the site's settings, its authors and its static pages. */
export interface Newsroom {
  site: Site;
  authors: BuiltAuthor[];
  pages: BuiltPage[];
  catalog: Catalog;
}

/**
 * site.yml, content/authors/ and content/pages/, every problem at once. Nothing can be rendered
 * without them, so their problems fail a dev build too (the previous output stays served).
 */
async function readNewsroom(contentDir: string, settings: Settings): Promise<{ ok: true; value: Newsroom } | { ok: false; problems: Problem[] }> {
  const [site, authors, pages] = await Promise.all([
    readSite(contentDir, settings.root),
    readAuthors(contentDir, settings.root, settings),
    readPages(contentDir, settings.root, settings),
  ]);
  const problems = [...(site.ok ? [] : site.problems), ...authors.problems, ...pages.problems];
  if (!site.ok || problems.length > 0) return { ok: false, problems };
  const content = { dir: contentDir, shown: displayPath(settings.root, contentDir) };
  const catalog: Catalog = { authors: new Map(authors.authors.map(({ name, data }) => [name, { name: data.name }])), sections: site.value.settings.sections, content };
  return { ok: true, value: { site: site.value, authors: authors.authors, pages: pages.pages, catalog } };
}

/** The options that shape a build's output, as one text: a patch applies only to an output made with the same. */
function outputOptions(settings: Settings): string {
  const { contentDir, includeDrafts, maxArticleBytes, maxRepresentationBytes, maxAssetBytes, allowEmpty, plan, platformLimits, admin } = settings;
  return JSON.stringify({ contentDir, includeDrafts, maxArticleBytes, maxRepresentationBytes, maxAssetBytes, allowEmpty, plan, platformLimits, admin });
}

/** Problems in the order `collect` gives them: files that cannot be read, then those that do not build. */
function inOrder(results: readonly ListResult[]): Problem[] {
  const failed = results.filter((result) => !result.ok);
  return [...failed.filter(({ unread }) => unread), ...failed.filter(({ unread }) => !unread)].flatMap(({ problems }) => problems);
}

/**
 * newsroom, then list -> (per file) read, check, parse, validate, derive -> represent. Returns
 * the output, or every problem. The build keeps each article's metadata and reads its file again
 * to render it (memory holds no bodies). A dev build takes the same path; when files are broken,
 * it serves their last good versions instead, and every page lists the problems.
 */
export async function buildContent<F extends StoredFile = KeptFile>(options: BuildOptions & SinkOption<F>): Promise<BuildResult<F>> {
  return (await build(options)) as BuildResult<F>;
}

/**
 * buildContent for the command line (`npm run build`, `npm run dev`): with a memory and an assets
 * folder, a build whose edits change only a few articles' own bodies patches the output
 * `modulePath` describes (delta.ts) instead of making it again; `refused` says why it could not.
 */
export async function buildOrPatch<F extends StoredFile = KeptFile>(options: BuildOptions & SinkOption<F> & { modulePath: string }): Promise<(BuildResult<F> & { refused?: string }) | PatchedBuild<F>> {
  return build(options);
}

async function build<F extends StoredFile = KeptFile>(options: BuildOptions & SinkOption<F> & { modulePath?: string }): Promise<(BuildResult<F> & { refused?: string }) | PatchedBuild<F>> {
  const { sink, modulePath, ...rest } = options;
  const settings: Settings = { ...DEFAULTS, ...rest };
  const contentDir = resolve(settings.root, settings.contentDir);
  const dir = resolve(contentDir, 'articles');
  // The files' stats are taken (in a thread, for an archive) while the memory is read back.
  const [newsroom, listing] = await Promise.all([readNewsroom(contentDir, settings), startListing(dir, settings.root, settings)]);
  if (!newsroom.ok) return { ok: false, problems: [...newsroom.problems, ...(await listing.done).problems] };
  const { catalog } = newsroom.value;
  const assets = await readAssets();
  const cacheDir = settings.cache === undefined ? undefined : resolve(settings.root, settings.cache);
  // Why the build could not patch the previous one, when it tried.
  let refused: string | undefined;
  // A build with a memory first tries to patch the previous output (a dev build too: one with problems takes the full path).
  if (cacheDir !== undefined && sink instanceof AssetsSink && modulePath !== undefined) {
    settings.progress.stage('patching the previous build');
    const list = async (sources: readonly SourceEntry[]) => withVerifiedPictures(sources.map((source) => listArticle(source, catalog)), catalog);
    const folder = displayPath(settings.root, resolve(settings.root, settings.contentDir));
    const limits = { maxRepresentationBytes: settings.maxRepresentationBytes, maxAssetBytes: settings.maxAssetBytes, plan: settings.plan, platformLimits: settings.platformLimits, folder };
    const patched = await patch({ cacheDir, modulePath, options: outputOptions(settings), newsroom: newsroom.value, sources: assets, listing: listing.done, list, sink, limits });
    if (patched.ok) {
      await pruneMemories(cacheDir);
      const { moduleText, files, indexBytes, articles, rendered, changed } = patched;
      return { ok: true, problems: [], deployed: { moduleText, files: files as F[], indexBytes }, patched: { articles, rendered }, changed };
    }
    settings.progress.stage(`building in full (${patched.why})`);
    refused = patched.why;
  }
  const pool = lazyPool(settings.threads);
  const memory = cacheDir !== undefined && sink instanceof AssetsSink ? await openMemory(cacheDir, catalog, (path) => sink.existing.has(path)) : undefined;
  const listed = await listing.done;
  try {
    const { kept, problems } = await listAll(listed, catalog, pool, settings.progress, memory);
    problems.unshift(...listed.problems);
    if (problems.length > 0 && settings.dev === undefined) return { ok: false, problems };
    const render = renderer(settings, newsroom.value, sink, assets, pool, memory);
    const result = settings.dev === undefined ? await site(kept, render) : await devSite(kept, problems, settings.dev.lastGood, render, catalog);
    // A dev build with problems renders without the memory (its pages list them): nothing to keep.
    if (result.ok && result.problems.length === 0 && memory !== undefined) {
      memory.save();
      // An output with editions is not patched: the next build makes them again from what is live then.
      if ('keyed' in result && result.keyed !== undefined && result.editions === undefined) {
        const { index, articles, files, keyed, deployed } = result;
        keepPatchable(memory.folder, { options: outputOptions(settings), ...keyed, moduleText: deployed.moduleText, deployed: deployed.files, indexBytes: deployed.indexBytes, written: files, assetHashes: index.assets.map(({ hash }) => hash), lines: articles, tags: index.tags, packs: memory.packs.next, listed, articles: kept });
      }
      await pruneMemories(cacheDir!);
    }
    return refused === undefined ? result : { ...result, refused };
  } finally {
    await pool.close();
  }
}

/** Worker threads, started the first time there are enough items for them (`threads` of them, if at least two). */
interface LazyPool {
  /** The threads, when `items` are worth starting (or using) them for; null: do them in this thread. */
  for(items: number): ThreadPool | null;
  close(): Promise<void>;
}

function lazyPool(threads: number): LazyPool {
  let pool: ThreadPool | null = null;
  return {
    for: (items) => (threads >= 2 && (pool !== null || items >= threads * ARTICLES_PER_THREAD) ? (pool ??= ThreadPool.start(TASKS, threads)) : null),
    close: async () => pool?.close(),
  };
}

/**
 * Every source listed (in the threads, if there are enough to read), and the problems of those
 * that are not articles; the threads' answers are let go here. With `memory`, a file whose stamp
 * is unchanged is listed as the previous build listed it, unread.
 */
async function listAll({ sources, stamps }: ListedSources, catalog: Catalog, pool: LazyPool, progress: Progress, memory?: BuildMemory): Promise<{ kept: ListedArticle[]; problems: Problem[] }> {
  progress.stage('reading articles', sources.length);
  const results = new Array<ListResult>(sources.length);
  const unread: number[] = [];
  sources.forEach((source, at) => {
    const taken = memory?.listing.taken(source, stamps[at]!);
    if (taken === undefined) unread.push(at);
    else results[at] = { ok: true, value: taken };
  });
  progress.advance(sources.length - unread.length);
  const listOne = (source: SourceEntry) => (progress.advance(1), listArticle(source, catalog));
  const reading = unread.map((at) => sources[at]!);
  const threads = pool.for(reading.length);
  const listed = threads === null ? reading.map(listOne) : await threads.map<SourceEntry, ListResult>('list', catalog, reading, (count) => progress.advance(count));
  const read = await withVerifiedPictures(listed, catalog);
  read.forEach((result, place) => {
    const at = unread[place]!;
    results[at] = result;
    if (result.ok) memory?.listing.keep(sources[at]!, stamps[at]!, result.value);
  });
  const kept = results.flatMap((result, at) => (result.ok ? [listedArticle(result.value, sources[at]!, catalog)] : []));
  return { kept, problems: [...inOrder(results), ...slugProblems(kept.map(({ file, article, frontMatter }) => ({ file, slug: article.slug, frontMatter })))] };
}

/**
 * The articles just read, their pictures' headers verified (article-images.ts, step 2: libvips in
 * this thread, once a file for every article showing it): an article with a picture not fit to
 * publish is its problems instead. Articles taken from the memory were verified when they were read.
 */
async function withVerifiedPictures(results: readonly ListResult[], catalog: Catalog): Promise<ListResult[]> {
  const content = catalog.content?.dir;
  const checked = [...results];
  if (content === undefined) return checked;
  const verified: VerifiedPictures = new Map();
  const pictured = checked.flatMap((result, at) => (result.ok && result.value.pictures.length > 0 ? [at] : []));
  // A few articles at a time: each opens its pictures' files (an archive's thousands at once would run out of file descriptors).
  await forEachLimited(pictured, FILE_CONCURRENCY, async (at) => {
    const { value } = checked[at] as Extract<ListResult, { ok: true }>;
    const answer = await verifyPictures(value.file, value.pictures, content, verified);
    if (!answer.ok) return void (checked[at] = { ok: false, unread: false, problems: answer.problems });
    // What lists show of it (`shown`) holds its lead image now, whose URL names the picture's bytes.
    const shown = contentHash(value.shown, ...answer.pictures.map(({ key }) => key!));
    checked[at] = { ok: true, value: { ...value, pictures: answer.pictures, shown, article: { ...value.article, image: leadImage(answer.pictures) } } };
  });
  return checked;
}

/** Two articles with one slug, or a former slug that is taken. */
const slugProblems = (articles: Parameters<typeof findDuplicateSlugs>[0]) => [...findDuplicateSlugs(articles), ...findAliasProblems(articles)];

/** The stylesheet, favicon and embed files the views ship with. */
async function readAssets(): Promise<AssetSources> {
  const read = (url: URL) => readFile(url, 'utf8');
  const embed = { stylesheet: await read(EMBED('card.css')), script: await read(EMBED('report-height.js')), resizer: await read(EMBED('resizer.js')) };
  return { stylesheet: await read(STYLESHEET), favicon: await read(FAVICON), embed };
}

/** Articles rendered in the threads when a whole window of them is to be rendered, else in this thread: the same bodies either way. */
function articleRenderer(pool: LazyPool): ArticleRenderer {
  return async (shared: RenderShared, tasks: readonly RenderTask[]) => {
    const threads = tasks.length >= RENDER_WINDOW ? pool.for(Infinity) : null;
    return threads === null ? tasks.map((task) => renderTask(task, shared)) : threads.map<RenderTask, string[]>('render', shared, tasks);
  };
}

/** Renders what is served (drafts only when asked for), and says what is over a representation, asset or platform limit. */
function renderer<F extends StoredFile>(settings: Settings, newsroom: Newsroom, sink: BodySink<F> | undefined, assets: AssetSources, pool: LazyPool | null = null, memory?: BuildMemory): Render<F> {
  const contentFolder = displayPath(settings.root, resolve(settings.root, settings.contentDir));
  const folder = displayPath(settings.root, resolve(settings.root, settings.contentDir, 'articles'));
  return async (serving, notice) => {
    const published = serving.filter(({ frontMatter }) => settings.includeDrafts || !frontMatter.draft).sort(byNewest);
    const listed = published.every((article): article is ListedArticle => 'load' in article);
    const remembered = memory === undefined ? undefined : { packs: memory.packs, version: memory.version, related: memory.related };
    const scheduling = { releases: scheduleOf(published, settings.now ?? Date.now()), preview: settings.dev !== undefined };
    const output =
      pool !== null && listed && notice === undefined
        ? await representListed(published, newsroom, assets, articleRenderer(pool), sink, settings.progress, remembered, scheduling)
        : represent(published, newsroom, assets, notice, sink, settings.progress, scheduling);
    settings.progress.stage('writing the index');
    const deployed = sink === undefined ? deployable(output) : deployable(output, sink, memory?.index as IndexMemory<F> | undefined);
    deployed.files.push(...originals(published, newsroom.catalog, sink ?? memorySink), ...adminFiles(settings.admin, newsroom.site.settings, settings.dev !== undefined, sink ?? memorySink));
    const platform = platformProblems(platformFigures(deployed), settings.plan, contentFolder, settings.platformLimits);
    const oversize = [...representationProblems(output, published, settings.maxRepresentationBytes), ...oversizeProblems(output, published, folder, settings.maxAssetBytes), ...platform];
    return { output, deployed, oversize };
  };
}

/**
 * The originals of the pictures the served articles show, each once, copied into the assets as
 * they are (src/content/pictures.ts: the Worker makes every variant from them). Only verified
 * pictures have a key.
 */
function originals(served: readonly ServedArticle[], catalog: Catalog, sink: BodySink<StoredFile>): CopiedFile[] {
  const content = catalog.content?.dir;
  if (content === undefined) return [];
  const places = new Map<string, string>();
  for (const article of served) for (const { key, place } of article.pictures ?? []) if (key !== undefined) places.set(key, place);
  return [...places].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, place]) => sink.copy({ path: originalPath(key), from: join(content, place) }));
}

/** A production build: a body file over the asset limit, or output over a platform limit, fails it. */
async function site<F extends StoredFile>(articles: readonly ListedArticle[], render: Render<F>): Promise<BuildResult<F>> {
  const { output, deployed, oversize } = await render(articles);
  if (oversize.length > 0) return { ok: false, problems: oversize };
  return { ok: true, problems: [], ...output, deployed };
}

/**
 * A dev build serves every article that built and, for each broken file, its last good version;
 * every page lists the problems. An article whose body file is over the asset limit is broken
 * too: it is rendered again without it (until no served article is over; a page alone has no fallback).
 * Output over a platform limit is reported and served: only an upload enforces those limits.
 */
async function devSite<F extends StoredFile>(current: readonly ListedArticle[], problems: readonly Problem[], lastGood: LastGood, render: Render<F>, catalog: Catalog): Promise<BuildResult<F>> {
  let reported = problems;
  // Broken files whose last good version is no fallback any more (over the asset limit).
  const refused = new Set<string>();
  for (;;) {
    const broken = new Set(reported.map((problem) => problem.file));
    const serving = await withLastGood(current, broken, lastGood, catalog, refused);
    const notice = reported.length > 0 ? { summary: devHeadline(reported.length), problems: reported.map(formatProblem) } : undefined;
    const { output, deployed, oversize } = await render(serving, notice);
    const dropped = new Set(oversize.map((problem) => problem.file));
    if (!serving.some(({ file }) => dropped.has(file))) {
      return { ok: true, problems: [...reported, ...oversize], served: servedSources(current, broken, refused), ...output, deployed };
    }
    reported = [...reported, ...oversize];
    for (const file of dropped) if (broken.has(file)) refused.add(file);
  }
}
