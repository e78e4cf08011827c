import type { Article, ArticleSummary } from '../../src/content/article';
import { paths } from '../../src/content/paths';
import type { FrontMatter } from '../../src/content/schema';
import { ORIGIN, type ArticleLine, type ContentIndex, type GoneArticle, type Representation, type Span, type StoredDocument } from '../../src/store/bundle';
import { articlePage, type ArticlePageExtras } from '../../src/views/article-page';
import { gonePage } from '../../src/views/gone-page';
import type { FrontPage } from '../../src/views/index-page';
import { embedCard, type EmbedContext } from '../../src/views/embed/card';
import type { TimedInstants, ViewContext } from '../../src/views/format';
import type { DevNotice } from '../../src/views/notice';
import { indexPage } from '../../src/views/index-page';
import { notFoundPage } from '../../src/views/not-found-page';
import { assertNoReservedCharacter } from './characters';
import { articlesByTag, pageText, PRODUCERS, type DocumentSource, type LazyPages, type PageKey, type SiteInput } from './documents';
import { frontPage, relatedArticles } from './front-page';
import type { Newsroom } from './index';
import { siteView } from './site-view';
import { markdownDocument } from './markdown-representation';
import { siteAssets, type AssetSources } from './assets';
import { contentHash } from './hash';
import { archivePages, HOME_PAGE_SIZE, lazily, type ListPage } from './paging';
import { packing, packLater, packNow, Packer, PACK_ANCHOR, type KeptPacks, type PackItems, type PackRecorder, type Placed } from './packs';
import type { Picture } from './article-images';
import { memorySink, type BodySink, type KeptFile, type StoredFile } from './sink';
import { keys, shardOf } from '../../src/store/shards';
import type { ArticleMeta, ListedArticle } from './article';
import { articleBodies } from './article-bodies';
import { SILENT, type Progress } from './progress';
import type { RenderShared, RenderTask } from './threads/tasks';
import { unsettled, type KeptRelated, type RelatedLists } from './cache/related-memo';
import { instantsOf, liveAt } from './schedule';
import { articleTerms, leadOf } from './search/terms';
import type { SearchSource } from './search/records';

export { contentHash, HOME_PAGE_SIZE };

/** An article with the Markdown body and front matter it was rendered from, and its source file (for messages). */
export interface SourcedArticle {
  file: string;
  article: Article;
  body: string;
  frontMatter: FrontMatter;
  /** The instants written with a time of day. */
  timed: readonly string[];
  /** The pictures it shows (verified ones have a key): their originals go into the assets. */
  pictures?: readonly Picture[];
}

/** An article to represent: whole in memory (a dev build, tests), or listed, its body loaded when it is rendered (article.ts). */
export type ServedArticle = SourcedArticle | ListedArticle;

/** The article whole and its Markdown body. */
const whole = (served: ServedArticle): { article: Article; body: string } => ('load' in served ? served.load() : served);

/** Articles whole again by their metadata, the last FULL_KEPT loaded kept (an article is in the site's feed, its tags' and its authors'). */
const FULL_KEPT = 256;
function fullArticles(live: readonly ServedArticle[]): (meta: ArticleMeta) => Article {
  const bySlug = new Map(live.map((served) => [served.article.slug, served]));
  const kept = new Map<string, Article>();
  return ({ slug }) => {
    const found = kept.get(slug) ?? whole(bySlug.get(slug)!).article;
    kept.delete(slug);
    kept.set(slug, found);
    if (kept.size > FULL_KEPT) kept.delete(kept.keys().next().value!);
    return found;
  };
}

/** The build's output: the index and article table for the index files, and what the sink kept of each body file. */
export interface BuildOutput<F extends StoredFile = KeptFile> {
  index: ContentIndex;
  /**
   * Every article rendered, newest first, `bodyBytes` line by line: line i is for `index.slugs[i]`
   * unless articles are scheduled (`editions` set): then the scheduled ones are here too, and
   * `index` serves the lines of its own slugs.
   */
  articles: ArticleLine[];
  /**
   * When articles are scheduled (schedule.ts): the index as it is from each release on, in order.
   * `index` is the index before the first: the Worker serves the edition its clock is in.
   */
  editions?: Edition[];
  files: F[];
  /** Line i's representations' sizes in UTF-8 bytes: JSON, page, Markdown, embed card. */
  bodyBytes: number[][];
  /** How many articles this build rendered, when it could take the others' packs from a previous build. */
  rendered?: number;
  /** Each served article's terms and opening for the search index (search/terms.ts), by slug. */
  search: SearchSource;
  /** What a build that remembers keys its bodies with (`setting`), and the articles whose bodies a document carries (a feed's entries, keyed by their sources). */
  keyed?: { setting: string; whole: ReadonlySet<string> };
}

/** The index from the instant `from` on: its articles' lines newest first (line i for `index.slugs[i]`). */
export interface Edition {
  from: string;
  index: ContentIndex;
  articles: ArticleLine[];
}

/**
 * The articles not live yet, by slug, with when they go live (schedule.ts). A preview (a dev
 * build) serves them now, each page marked "Scheduled for …"; otherwise they are in no list and
 * no other article's related links, and each release starts an edition of the index.
 */
export interface Scheduling {
  releases: ReadonlyMap<string, string>;
  preview: boolean;
}

/** What a build remembers of its packs: the previous build's to take, this build's to keep (cache/pack-memo.ts). */
export interface PackMemory extends KeptPacks {
  record: PackRecorder;
}

/** A page stored in the pack being filled: its representation, once the pack is written. */
function storePage(text: string, packer: Packer, stored: (page: Representation) => void): void {
  const hash = contentHash(text);
  packer.add([text], (file, [span]) => stored({ file, start: span![0], end: span![1], hash }));
}

/** Pages in packs of their own (they share no file with what came before or comes after). */
function storePages(texts: Iterable<string>, packer: Packer): Representation[] {
  const pages: Representation[] = [];
  packer.close();
  for (const text of texts) storePage(text, packer, (page) => pages.push(page));
  packer.close();
  return pages;
}

/**
 * A group's documents' pages into the packer, in packs of their own: each document's archive
 * pages in order, then its first page (a list's front, which every new article changes) last,
 * beside the newest archive pages, so publishing rewrites the last pack of the list and no other.
 * A pack of pages a previous build made from the same inputs (a lazy page's key) is taken, not
 * rendered again. Each document's pages, in the order given.
 */
function storeGroup(documents: readonly DocumentSource['pages'][], packer: Packer, kept: KeptPacks | undefined): Representation[][] {
  const stored = documents.map((texts) => new Array<Representation>(texts.length));
  const order = documents.flatMap((texts, document) => Array.from({ length: texts.length }, (_, at) => [document, (at + 1) % texts.length] as const));
  const pageOf = (item: number) => order[item]!;
  const items: PackItems = {
    count: order.length,
    key: (item) => {
      const [document, page] = pageOf(item);
      const texts = documents[document]!;
      return 'key' in texts ? texts.key?.(page) : undefined;
    },
    anchor: () => false,
    placed: (item): Placed => {
      const [document, page] = pageOf(item);
      return (file, [span], _bytes, hash) => (stored[document]![page] = { file, start: span![0], end: span![1], hash });
    },
    note: (_item, [text]) => contentHash(text!),
  };
  packer.close();
  packNow(packing(packer, items, kept, 1), (item) => [pageText(documents[pageOf(item)[0]]!, pageOf(item)[1])]);
  packer.close();
  return stored;
}

/** Every producer's groups of documents, then the favicon's: one producer's at a time, each let go once stored. */
function* documentGroups(input: SiteInput, favicon: DocumentSource): Generator<readonly DocumentSource[]> {
  for (const produce of PRODUCERS) yield* produce(input);
  yield [favicon];
}

/** Stores each group of documents in packs of its own; the table of documents by path. */
function storeDocuments(groups: Iterable<readonly DocumentSource[]>, packer: Packer, kept: KeptPacks | undefined): Record<string, StoredDocument> {
  const documents: Record<string, StoredDocument> = {};
  for (const group of groups) {
    const pages = storeGroup(group.map(({ pages }) => pages), packer, kept);
    group.forEach(({ path, contentType, kind }, at) => {
      if (Object.hasOwn(documents, path)) throw new Error(`Two documents at ${path}`);
      documents[path] = { contentType, kind, pages: pages[at]! };
    });
  }
  return documents;
}

/**
 * The article's list entry: the first fields of the article, in the API's order (SUMMARY_FIELDS;
 * tests/build/openapi.test.ts checks it). Written out, not made from that list: one object shape for
 * every entry, and ten times faster than `Object.fromEntries`, which counts at a million articles.
 */
export function toSummary(article: ArticleMeta): ArticleSummary {
  const { slug, url, title, alternativeHeadline, description, image, datePublished, dateModified, authors, source, section, tags, lang, wordCount, readingTimeMinutes } = article;
  return { slug, url, title, alternativeHeadline, description, image: image === null ? null : { url: image.url, width: image.width, height: image.height, alt: image.alt }, datePublished, dateModified, authors, source, section, tags, lang, wordCount, readingTimeMinutes };
}

/** Whether an article closes its pack: one slug in PACK_ANCHOR, by its hash, so boundaries survive edits (packs.ts). */
function isAnchor(slug: string): boolean {
  return shardOf(keys.article(slug), PACK_ANCHOR) === 0;
}

/**
 * Each article's four bodies, packed oldest first (publishing touches only the newest pack) as
 * they are rendered; its line (newest first) names its pack, its spans, and a hash of its own
 * bodies (the ETag's core: it does not change when another article of its pack does). Items go
 * oldest first: item i is article `count - 1 - i`. With `keyOf`, each article has a key (what its
 * bodies are made from), so a pack a previous build made of the same articles can be taken whole.
 */
class ArticlePacking implements PackItems {
  readonly lines: ArticleLine[];
  readonly bodyBytes: number[][];
  readonly count: number;
  private readonly keys: (string | undefined)[];

  constructor(
    private readonly summaries: readonly ArticleSummary[],
    private readonly keyOf?: (at: number) => string,
  ) {
    this.count = summaries.length;
    this.lines = new Array(summaries.length);
    this.bodyBytes = new Array(summaries.length);
    this.keys = new Array(summaries.length);
  }

  /** The article item `item` is. */
  article(item: number): number {
    return this.count - 1 - item;
  }

  key(item: number): string | undefined {
    if (this.keyOf === undefined) return undefined;
    const at = this.article(item);
    return (this.keys[at] ??= this.keyOf(at));
  }

  anchor(item: number): boolean {
    return isAnchor(this.summaries[this.article(item)]!.slug);
  }

  placed(item: number): Placed {
    const at = this.article(item);
    const summary = this.summaries[at]!;
    return (file, spans, bytes, hash) => {
      const [json, html, markdown, embed] = spans as [Span, Span, Span, Span];
      const lastModified = new Date(summary.dateModified ?? summary.datePublished).toUTCString();
      this.lines[at] = { summary, lastModified, file, hash, json, html, markdown, embed };
      this.bodyBytes[at] = bytes;
    };
  }

  note(_item: number, bodies: readonly string[]): string {
    return contentHash(...bodies);
  }
}

/** Articles a build's threads render between two packings: the bodies of one window are in memory at once. */
export const RENDER_WINDOW = 128;

/**
 * The home page: the front page (`/`) leads with `front` and lists the latest articles but the
 * lead; archive pages (`/?page=n`) are numbered from the oldest (paging.ts). Front page first.
 * Archive pages have keys (the front page changes with every article anyway).
 */
function homePages(summaries: readonly ArticleSummary[], front: FrontPage, context: ViewContext, pageKey?: PageKey): LazyPages {
  const render = ({ items, paging }: ListPage<ArticleSummary>) => {
    const listed = paging.page === null ? items.filter((item) => item !== front.lead) : items;
    return indexPage(listed, paging, { ...context, canonical: `${ORIGIN}${paths.homePage(paging.page ?? undefined)}` }, front).toString();
  };
  return lazily(archivePages(summaries), render, pageKey === undefined ? undefined : (page) => (page.paging.page === null ? undefined : pageKey('/', page)));
}

/** Line numbers of each tag's articles, newest first; tags in code-point order. */
function tagIndex(lines: readonly ArticleLine[]): Record<string, number[]> {
  const tags = new Map<string, number[]>();
  lines.forEach(({ summary }, line) => {
    for (const tag of summary.tags) {
      const tagged = tags.get(tag);
      if (tagged === undefined) tags.set(tag, [line]);
      else tagged.push(line);
    }
  });
  return Object.fromEntries([...tags].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Each withdrawn article's 410 page, all in one body file (few, and read rarely). */
function goneArticles(withdrawn: readonly ServedArticle[], context: ViewContext, packer: Packer): Record<string, GoneArticle> {
  if (withdrawn.length === 0) return {};
  const notices = withdrawn.map(({ article, frontMatter, timed }) => ({ slug: article.slug, title: article.title, ...frontMatter.withdrawn!, timed: timed.includes(frontMatter.withdrawn!.date) }));
  const pages = storePages(notices.map((notice) => gonePage(notice, context).toString()), packer);
  return Object.fromEntries(notices.map(({ slug, title, date, reason }, at) => [slug, { title, date, reason, page: pages[at]! }]));
}

/** Every former slug with the slug it now has, in code-point order. */
function aliasIndex(articles: readonly ServedArticle[]): Record<string, string> {
  const pairs = articles.flatMap(({ article, frontMatter }) => frontMatter.aliases.map((alias) => [alias, article.slug] as const));
  return Object.fromEntries(pairs.sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Each tag's summaries, newest first (the order they come in). */
function summariesByTag(summaries: readonly ArticleSummary[]): Map<string, ArticleSummary[]> {
  const byTag = new Map<string, ArticleSummary[]>();
  for (const summary of summaries) {
    for (const tag of summary.tags) {
      const tagged = byTag.get(tag);
      if (tagged === undefined) byTag.set(tag, [summary]);
      else tagged.push(summary);
    }
  }
  return byTag;
}

/** What every page is rendered with: the views' context, the embed card's, and the site's assets. */
export function renderContext(articles: readonly ServedArticle[], newsroom: Newsroom, sources: AssetSources, notice?: DevNotice) {
  const assets = siteAssets(sources, newsroom.site.logo);
  const { stylesheet, favicon, embed, logo } = assets;
  const { settings } = newsroom.site;
  const site = siteView(newsroom, logo === null ? null : paths.asset(logo.name));
  // Each article's own list of instants (few), not a Set each: a million Sets take ~150 MB.
  const instants = new Map(articles.map(({ article, timed }) => [article.slug, timed]));
  const timed: TimedInstants = {
    get: (slug) => {
      const written = instants.get(slug);
      return written === undefined ? undefined : { has: (instant) => written.includes(instant) };
    },
  };
  const context: ViewContext = { stylesheet: paths.asset(stylesheet.name), favicon: paths.asset(favicon.name), siteName: settings.name, site, timed, ...(notice === undefined ? {} : { notice }) };
  const card: EmbedContext = { siteName: settings.name, stylesheet: paths.asset(embed.stylesheet.name), script: paths.asset(embed.script.name), site, timed };
  return { context, card, assets, instants };
}

/**
 * Pre-renders every representation of every article (newest first), the pages and the assets,
 * each body file handed to `sink` as soon as it is full (memory holds one pack at a time).
 * A withdrawn article is served only as its 410 page; `notice` (dev builds only) is listed at the
 * top of every HTML page.
 */
export function represent<F extends StoredFile = KeptFile>(articles: readonly ServedArticle[], newsroom: Newsroom, sources: AssetSources, notice?: DevNotice, sink: BodySink<F> = memorySink as unknown as BodySink<F>, progress: Progress = SILENT, scheduling?: Scheduling): BuildOutput<F> {
  const plan = prepare(articles, newsroom, sources, notice, sink, undefined, scheduling);
  const { live, summaries, context, card, related, marked } = plan;
  const byArticle = new ArticlePacking(summaries);
  progress.stage('rendering articles', live.length);
  const render = (item: number) => {
    const at = byArticle.article(item);
    return articleBodies(whole(live[at]!), context, card, { draft: live[at]!.frontMatter.draft, related: related(at), ...marked(summaries[at]!.slug) });
  };
  packNow(packing(plan.packer, byArticle, undefined, 1, (count) => progress.advance(count)), render);
  plan.packer.close();
  progress.stage('rendering lists, feeds and sitemaps');
  return finish(plan, byArticle);
}

/** Renders articles' four bodies from plain data: in worker threads (threads/tasks.ts), or in this one. */
export type ArticleRenderer = (shared: RenderShared, tasks: readonly RenderTask[]) => Promise<string[][]>;

/** What a build that remembers (cache/) brings to represent: the packs it made before, the renderer's version, and each article's related articles then (and now, for the next build). */
export interface Remembered {
  packs: PackMemory;
  version: string;
  related: { previous: KeptRelated; next: KeptRelated };
}

/**
 * represent for listed articles (a production build): each article rendered by `render` (worker
 * threads, RENDER_WINDOW at a time) and packed in this thread in the same order: the same
 * output, on every core. With `remembered`, each article and list page has a key (a hash of the
 * renderer's version, the site's settings and everything it is made from), and a pack the previous
 * build made of the same items is taken instead of rendered: one edit renders its own pack.
 */
export async function representListed<F extends StoredFile>(articles: readonly ListedArticle[], newsroom: Newsroom, sources: AssetSources, render: ArticleRenderer, sink: BodySink<F> = memorySink as unknown as BodySink<F>, progress: Progress = SILENT, remembered?: Remembered, scheduling?: Scheduling): Promise<BuildOutput<F>> {
  const plan = prepare(articles, newsroom, sources, undefined, sink, remembered?.packs.record, scheduling);
  const { live, summaries, related, marked } = plan;
  const renderShared = sharedRendering(plan, newsroom);
  // What a list or a related article shows of an article is made from its metadata (not its body): a hash of that, made when it was listed.
  const shown = new Map(live.map((listed) => [listed.article.slug, (listed as ListedArticle).shown]));
  const fingerprint = (slug: string) => shown.get(slug)!;
  const setting = remembered === undefined ? '' : settingOf(remembered.version, renderShared, newsroom);
  const task = (at: number): RenderTask => {
    const { source, hash, frontMatter, pictures } = live[at] as ListedArticle;
    const listed = related(at);
    const timed = [summaries[at]!.slug, ...listed.map(({ slug }) => slug)].map((slug) => [slug, plan.instants.get(slug) ?? []] as const);
    return { source, hash, pictures, draft: frontMatter.draft, related: listed, timed, ...marked(summaries[at]!.slug) };
  };
  // An article's bodies are made from its slug (its file's name), its source, its pictures' files, whether it is a draft, what its related articles show and the setting.
  const rail = new Map(live.map((listed) => [listed.article.slug, (listed as ListedArticle).rail]));
  const printOf = remembered === undefined ? undefined : relatedPrints(summaries, fingerprint, (slug) => rail.get(slug)!, related, plan.lists, remembered.related, plan.held);
  const keyOf = (at: number) => articleKey(setting, live[at] as ListedArticle, printOf!(at), marked(summaries[at]!.slug).scheduled);
  const byArticle = new ArticlePacking(summaries, remembered === undefined ? undefined : keyOf);
  let rendered = 0;
  progress.stage('rendering articles', live.length);
  const steps = packing(plan.packer, byArticle, remembered?.packs, RENDER_WINDOW, (count) => progress.advance(count));
  await packLater(steps, (items) => {
    rendered += items.length;
    return render(renderShared, items.map((item) => task(byArticle.article(item))));
  });
  plan.packer.close();
  progress.stage('rendering lists, feeds and sitemaps');
  const pageKey: PageKey | undefined = remembered === undefined ? undefined : (path, { items, paging }) => contentHash(setting, path, JSON.stringify(paging), ...items.map(({ slug }) => fingerprint(slug)));
  const sourceOf = new Map(live.map((listed) => [listed.article.slug, (listed as ListedArticle).hash]));
  const whole = new Set<string>();
  const documentKey =
    remembered === undefined
      ? undefined
      : (path: string, articles: readonly { slug: string }[]) => {
          for (const { slug } of articles) whole.add(slug);
          return contentHash(setting, path, ...articles.flatMap(({ slug }) => [sourceOf.get(slug)!, fingerprint(slug)]));
        };
  return { ...finish(plan, byArticle, remembered?.packs, pageKey, documentKey), rendered, ...(remembered === undefined ? {} : { keyed: { setting, whole } }) };
}

/** What every article is rendered with, as plain data for the threads: the catalog and the contexts without the per-article dates. */
export function sharedRendering({ context, card }: Pick<ReturnType<typeof renderContext>, 'context' | 'card'>, newsroom: Newsroom): RenderShared {
  const { timed: _context, ...shared } = context;
  const { timed: _card, ...sharedCard } = card;
  return { catalog: newsroom.catalog, context: shared, card: sharedCard };
}

/** What rendering the archive takes besides the articles (the renderer's version, the site's settings, authors and pages), hashed: every key begins with it. */
export function settingOf(version: string, renderShared: RenderShared, newsroom: Newsroom): string {
  return contentHash(version, stableJson({ renderShared, newsroom: { site: newsroom.site, authors: newsroom.authors, pages: newsroom.pages } }));
}

/** An article's key: its bodies are made from its slug (its file's name), its source, its pictures' files, whether it is a draft, what its related articles show (`print`) and the setting. */
export function articleKey(setting: string, { article, hash, pictures, frontMatter }: Pick<ListedArticle, 'article' | 'hash' | 'pictures' | 'frontMatter'>, print: string, scheduled?: string): string {
  return contentHash(setting, 'article', article.slug, hash, ...pictures.map(({ key }) => key ?? ''), String(frontMatter.draft), print, ...(scheduled === undefined ? [] : [scheduled]));
}

/**
 * Each article's related articles as its key sees them (what their links show, their `rail`
 * hashes): chosen again only for the articles a change can reach (cache/related-memo.ts, by their
 * `shown` hashes), taken from the memory for the rest; every article's entry is kept for the next build.
 */
function relatedPrints(summaries: readonly ArticleSummary[], shown: (slug: string) => string, rail: (slug: string) => string, related: (at: number) => readonly ArticleSummary[], lists: RelatedLists, { previous, next }: Remembered['related'], held?: ReadonlyMap<string, string>): (at: number) => string {
  const marked = unsettled(summaries, shown, previous, lists);
  const prints = new Array<string>(summaries.length);
  summaries.forEach((summary, at) => {
    const before = previous.get(summary.slug);
    // Unmarked, it shows what it showed (its `shown`, which hashes its tags, section and date, is the same): the entry is the memory's.
    if (before !== undefined && !marked.has(summary.slug)) {
      next.set(summary.slug, before);
      prints[at] = before.print;
      return;
    }
    const chosen = related(at).map(({ slug }) => slug);
    const entry = { shown: shown(summary.slug), tags: summary.tags, section: summary.section?.slug ?? null, datePublished: summary.datePublished, print: chosen.map(rail).join(' '), related: chosen };
    prints[at] = entry.print;
    // A scheduled article is in no list yet: unremembered, the build that first lists it finds the articles whose choice it changes.
    if (held?.has(summary.slug) !== true) next.set(summary.slug, entry);
  });
  return (at) => prints[at]!;
}

/** JSON with Maps as their entries and Sets as arrays (a key must see what they hold). */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => (item instanceof Map ? [...item] : item instanceof Set ? [...item] : item));
}

/** What represent works from: the served articles (live ones), their summaries, the contexts, each one's related articles, the packer. */
function prepare<F extends StoredFile>(articles: readonly ServedArticle[], newsroom: Newsroom, sources: AssetSources, notice: DevNotice | undefined, sink: BodySink<F>, recorder?: PackRecorder, scheduling?: Scheduling) {
  const { context, card, assets, instants } = renderContext(articles, newsroom, sources, notice);
  const { settings } = newsroom.site;
  const live = articles.filter(({ frontMatter }) => frontMatter.withdrawn === undefined);
  const summaries = live.map(({ article }) => toSummary(article));
  // Articles not live yet are no other article's related link: a page rendered now is served before and after their release.
  const held = scheduling === undefined || scheduling.preview ? undefined : scheduling.releases;
  const shown = held === undefined || held.size === 0 ? summaries : summaries.filter(({ slug }) => !held.has(slug));
  const byTag = summariesByTag(shown);
  const order = new Map(summaries.map(({ slug }, at) => [slug, at]));
  const bySection = new Map(settings.sections.map(({ slug }) => [slug, shown.filter((summary) => summary.section?.slug === slug)]));
  const related = (at: number) => relatedArticles(summaries[at]!, byTag, order, bySection.get(summaries[at]!.section?.slug ?? '') ?? []);
  const lists: RelatedLists = { byTag, bySection, order };
  // A preview marks each scheduled article's page with its release.
  const preview = scheduling?.preview === true ? scheduling.releases : undefined;
  const marked = (slug: string): { scheduled?: string } => {
    const release = preview?.get(slug);
    return release === undefined ? {} : { scheduled: release };
  };
  return { articles, newsroom, live, summaries, context, card, assets, instants, related, lists, marked, held, packer: new Packer(sink, undefined, recorder) };
}

/** The pages, withdrawals and documents after the articles, and the index of it all; list pages by their keys from `kept` where it has them. */
function finish<F extends StoredFile>(plan: ReturnType<typeof prepare<F>>, { lines, bodyBytes }: { lines: ArticleLine[]; bodyBytes: number[][] }, kept?: KeptPacks, pageKey?: PageKey, documentKey?: SiteInput['documentKey']): BuildOutput<F> {
  const { held, packer, assets: { stylesheet, favicon, embed, logo } } = plan;
  const assets = [stylesheet, favicon, embed.stylesheet, embed.script, embed.resizer, ...(logo === null ? [] : [logo])];
  const edition = (from: string | undefined) => finishEdition(held === undefined || held.size === 0 ? plan : visiblePlan(plan, held, from), lines, kept, pageKey, documentKey);
  const base = edition(undefined);
  const later = held === undefined ? [] : instantsOf(held).map((from) => ({ from, ...edition(from) }));
  // One build: every edition's files and the assets name it (the Cache-Tag a deploy's purge names).
  const build = contentHash(...packer.written.map((file) => file.path), ...assets.map((asset) => asset.hash));
  const files = later.length === 0 ? packer.written : uniqueFiles(packer.written);
  const index = { ...base.index, build };
  const editions = later.map(({ from, index: each, articles }) => ({ from, index: { ...each, build }, articles }));
  return { index, articles: lines, files, bodyBytes, search: searchSource(plan.live), ...(editions.length === 0 ? {} : { editions }) };
}

/** Each article's terms and opening by slug: a listed article's were made when it was read, a whole one's are made when asked for. */
function searchSource(live: readonly ServedArticle[]): SearchSource {
  const bySlug = new Map(live.map((served) => [served.article.slug, served]));
  return {
    terms: (slug) => {
      const served = bySlug.get(slug)!;
      return 'search' in served ? served.search : articleTerms(served.article);
    },
    lead: (slug) => {
      const served = bySlug.get(slug)!;
      return 'lead' in served ? served.lead : leadOf(served.article.text);
    },
  };
}

/** The plan as it is from `from` on (undefined: before the first release): the articles held until later left out. */
function visiblePlan<F extends StoredFile>(plan: ReturnType<typeof prepare<F>>, held: ReadonlyMap<string, string>, from: string | undefined): ReturnType<typeof prepare<F>> {
  const visible = ({ article }: { article: { slug: string } }) => liveAt(held, article.slug, from);
  return { ...plan, articles: plan.articles.filter(visible), live: plan.live.filter(visible), summaries: plan.summaries.filter(({ slug }) => liveAt(held, slug, from)) };
}

/** Files once each (editions share the pages that are the same in both: the same bytes, the same file). */
function uniqueFiles<F extends StoredFile>(files: readonly F[]): F[] {
  const seen = new Set<string>();
  return files.filter(({ path }) => !seen.has(path) && (seen.add(path), true));
}

/** The pages, withdrawals and documents of the articles `plan` serves, and the index of them (its `build` named by the caller). */
function finishEdition<F extends StoredFile>(plan: ReturnType<typeof prepare<F>>, rendered: readonly ArticleLine[], kept?: KeptPacks, pageKey?: PageKey, documentKey?: SiteInput['documentKey']): { index: ContentIndex; articles: ArticleLine[] } {
  const { articles, newsroom, live, summaries, context, packer, assets: { stylesheet, favicon, faviconDocument, embed, logo } } = plan;
  const { settings } = newsroom.site;
  const shown = new Set(summaries.map(({ slug }) => slug));
  const lines = rendered.length === summaries.length ? (rendered as ArticleLine[]) : rendered.filter(({ summary }) => shown.has(summary.slug));
  const front = frontPage(summaries, new Set(live.filter(({ frontMatter }) => frontMatter.featured).map(({ article }) => article.slug)), settings.sections);
  const pages = { home: storeGroup([homePages(summaries, front, context, pageKey)], packer, kept)[0]!, notFound: storePages([notFoundPage(context).toString()], packer)[0]! };
  const gone = goneArticles(articles.filter(({ frontMatter }) => frontMatter.withdrawn !== undefined), context, packer);
  const published = live.map(({ article }) => article);
  const input: SiteInput = { articles: published, tags: articlesByTag(published), full: fullArticles(live), context, newsroom, ...(pageKey === undefined ? {} : { pageKey }), ...(documentKey === undefined ? {} : { documentKey }) };
  const documents = storeDocuments(documentGroups(input, faviconDocument), packer, kept);
  const assets = [stylesheet, favicon, embed.stylesheet, embed.script, embed.resizer, ...(logo === null ? [] : [logo])];
  const embedding = { siteName: settings.name, resizer: embed.resizer.name };
  const slugs = lines.map(({ summary }) => summary.slug);
  const { timed: _timed, ...view } = context;
  const index: ContentIndex = { build: '', slugs, tags: tagIndex(lines), pages, documents, aliases: aliasIndex(articles), gone, assets, embed: embedding, view };
  return { index, articles: lines };
}
