/**
 * `npm run bench:search`: what search costs as the archive grows (issue 20). For each size it builds
 * the real content plus synthetic articles (scripts/bench/corpus.ts), as `npm run bench` does, then
 * reports the search index's bytes per article and the shard files it adds, the instructions of each
 * query's first request against an article page's (callgrind), and the isolate's heap after a
 * thousand different queries (workerd's inspector). Progress to stderr, the report to stdout.
 */
import { mkdtempSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseCommandLine, usageError, type Command } from './cli';

const ROOT = resolve(import.meta.dirname, '..');

const COMMAND: Command = {
  name: 'bench:search',
  usage: `usage: npm run bench:search [-- <options>]

Builds the real content plus synthetic articles at each size and measures search there: the index's
bytes per article and the files it adds, each query's instructions (its first request, alone, under
valgrind's callgrind) against an article page's, and the isolate's heap after many queries.
  --sizes <n,n,…>       archive sizes in articles (default: 10000)
  --queries <n>         queries counted, drawn from the corpus's words (default: 200)
  --heap-queries <n>    different queries sent before the heap is read (default: 1000)
  --json <file>         also write the results as JSON
  --keep                keep the temporary directory
  -h, --help            print this and exit`,
};

const { values } = parseCommandLine(COMMAND, {
  options: {
    sizes: { type: 'string', default: '10000' },
    queries: { type: 'string', default: '200' },
    'heap-queries': { type: 'string', default: '1000' },
    json: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});

function positiveInteger(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) usageError(COMMAND, `--${name} must be a whole number ≥ 1, not ${text}`);
  return value;
}

const sizes = [...new Set(values.sizes.split(',').map((size) => positiveInteger('sizes', size.trim())))].sort((a, b) => a - b);
const queryCount = positiveInteger('queries', values.queries);
const heapQueries = positiveInteger('heap-queries', values['heap-queries']);
const { findValgrind } = await import('./bench/instructions');
const tools = findValgrind();
if (typeof tools === 'string') {
  console.error(`bench:search: ${tools}`);
  process.exit(2);
}
const { buildArchive, restoreProjectBuild } = await import('./bench/archive');
const { readProjectConfig } = await import('./bench/bundle');
const { killAllServers, runMain } = await import('./bench/processes');
const { archiveSlugs, corpusQueries, countQueries, heapAfterQueries, indexFigures } = await import('./bench/search');
const tmp = mkdtempSync(join(tmpdir(), 'edgewire-bench-search-'));
const progress = (message: string): void => console.error(`[bench:search] ${message}`);
/** Queries to warm the isolate before counting (none of them counted). */
const WARMUP = 20;
/** How long workerd may take to start under callgrind, per article on top of a base. */
const CALLGRIND_START_MS = { base: 180_000, perArticle: 30 };

const k = (value: number) => `${(value / 1000).toFixed(1)}k`;
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

async function measure(size: number, config: ReturnType<typeof readProjectConfig>) {
  const dir = join(tmp, `n${size}`);
  await mkdir(dir, { recursive: true });
  const archive = await buildArchive(ROOT, dir, size - 1, config, (message) => progress(`N=${size}: ${message}`));
  if (archive.assets === null) throw new Error('no assets folder: search needs the index shards');
  const module = archive.bundle.modules.find(({ name }) => name.endsWith('.txt'));
  if (module === undefined) throw new Error('the bundle has no content module');
  const moduleText = await readFile(module.path, 'utf8');
  progress(`N=${size}: index figures`);
  const index = await indexFigures(moduleText, archive.assets.directory);
  const all = corpusQueries(Math.max(heapQueries, 2 * queryCount + WARMUP));
  const [queries, warmup, pageQueries] = [all.slice(0, queryCount), all.slice(queryCount, queryCount + WARMUP), all.slice(queryCount + WARMUP, 2 * queryCount + WARMUP)];
  const slugs = await archiveSlugs(moduleText, archive.assets.directory, queryCount + WARMUP);
  progress(`N=${size}: instructions of ${queries.length} queries and ${queries.length} article pages under callgrind`);
  const counts = await countQueries(dir, archive.services, queries, pageQueries, warmup, slugs, CALLGRIND_START_MS.base + CALLGRIND_START_MS.perArticle * size);
  progress(`N=${size}: heap after ${heapQueries} queries`);
  const heap = await heapAfterQueries(dir, archive.services, all.slice(0, heapQueries));
  return { size, build: { seconds: archive.build.seconds, cpuSeconds: archive.build.cpuSeconds, peakRssBytes: archive.build.peakRssBytes, files: archive.build.files }, index, counts, heap, queries: queries.slice(0, 5) };
}

type Measured = Awaited<ReturnType<typeof measure>>;

function report({ size, build, index, counts, heap }: Measured): string {
  const row = (label: string, d: { p50: number; p95: number; mean: number; max: number }) => `| ${label} | ${k(d.p50)} | ${k(d.p95)} | ${k(d.mean)} | ${k(d.max)} |`;
  return [
    `## N = ${size.toLocaleString('en')} (${index.articles.toLocaleString('en')} articles)`,
    '',
    `build: ${build.seconds.toFixed(1)} s wall${build.cpuSeconds === null ? '' : `, ${build.cpuSeconds.toFixed(1)} s CPU`}${build.peakRssBytes === null ? '' : `, peak ${mib(build.peakRssBytes)}`}; asset files: ${index.files.toLocaleString('en')}`,
    `search index: ${index.searchBytes.toLocaleString('en')} B, ${Math.round(index.perArticle).toLocaleString('en')} B per article (postings ${index.parts.postings.toLocaleString('en')}, filters ${index.parts.filters.toLocaleString('en')}, prefixes ${index.parts.prefixes.toLocaleString('en')}, openings ${index.parts.openings.toLocaleString('en')}, slugs, dates, lengths and stats ${index.parts.tables.toLocaleString('en')}) of ${index.indexBytes.toLocaleString('en')} B in the index`,
    `index shards: ${index.shards.toLocaleString('en')} (the rest alone would take ${index.shardsWithout.toLocaleString('en')}): ${(index.shards - index.shardsWithout).toLocaleString('en')} files added`,
    '',
    '| instructions per request | p50 | p95 | mean | max |',
    '|---|--:|--:|--:|--:|',
    row('search API, first request of each query', counts.searches),
    row('search page (HTML), first request of each of as many other queries', counts.pages),
    row('search API, each query again at once', counts.repeated),
    row('article page, first request of each article', counts.articles),
    row('article page, each again at once', counts.articlesRepeated),
    '',
    `isolate heap: ${mib(heap.before.usedBytes)} used after one request; after ${heapQueries.toLocaleString('en')} different queries ${mib(heap.after.usedBytes)} used (${mib(heap.after.totalBytes)} reserved), ${mib(heap.kept.usedBytes)} once garbage is collected`,
  ].join('\n');
}

async function main(): Promise<void> {
  const config = readProjectConfig(ROOT);
  const results: Measured[] = [];
  for (const size of sizes) {
    const measured = await measure(size, config);
    results.push(measured);
    console.log(`${report(measured)}\n`);
  }
  if (values.json !== undefined) await writeFile(values.json, `${JSON.stringify({ kind: 'search', sizes: results }, null, 2)}\n`);
}

async function cleanUp(): Promise<void> {
  killAllServers();
  progress('restoring the project build');
  await restoreProjectBuild(ROOT, progress);
  if (!values.keep) await rm(tmp, { recursive: true, force: true });
  else progress(`kept ${tmp}`);
}

await runMain(main, cleanUp, progress);
