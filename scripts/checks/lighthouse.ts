/**
 * `npm run check:lighthouse`: Lighthouse (its CLI, driving Debian's Chromium) on the front page, a
 * section page, an article (one with a correction when there is one) and an author page, as a phone (Lighthouse's default: emulated Moto G, throttled) and as a
 * desktop (`--preset=desktop`). Every category must score 100 unless `--report-only`.
 *
 * Each page is measured several times (`--runs`, default 5) and judged by its median score per
 * category, as Lighthouse's own guide to score variability advises ("the median Lighthouse score
 * of 5 runs is twice as stable as 1 run", GoogleChrome/lighthouse docs/variability.md): on a
 * script-free page the mobile performance score moves only with Total Blocking Time, which here is
 * Chromium's own layout and start-up work multiplied by the emulated phone's 4× CPU slowdown, so a
 * single run on a busy 2-core machine measures the machine. Every run's performance score is printed.
 */
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { runCommand } from '../bench/processes';
import { parseCommandLine, usageError, type Command } from '../cli';
import { CHROMIUM, requireChromium } from './chromium';
import { mainPages } from './pages';
import { stripProxy } from './strip-proxy';
import { CONTENT_OPTION, CONTENT_USAGE, progress, runOnSite, table } from './site';

const COMMAND: Command = {
  name: 'check:lighthouse',
  usage: `usage: npm run check:lighthouse [-- <options>]

Builds the newsroom fixture (or --content), serves its deployable bundle on 127.0.0.1 and runs
Lighthouse on the front page, a section page, an article (one with a correction when there is
one) and an author page, mobile and desktop, in Chromium (/usr/bin/chromium, or CHROME_PATH).
Each page and form factor is measured --runs times and scored by the median of each category
(Lighthouse's advice on variability). Prints the median performance, accessibility,
best-practices and SEO scores, every run's performance score, and the audits that cost points in
the median run. Fails (exit 1) when any median score is below 100.
  --runs <n>       runs per page and form factor (default 5)
  --report-only    print the scores, never fail on them
  --json <file>    also write the scores and failing audits as JSON
  --without <field>  diagnosis, not a check: serve the pages through a proxy that drops this
                   response header field (repeatable), report only; compare with a run without
                   it to see what the field costs (docs: Cross-Origin-Opener-Policy)
  --proxy          diagnosis: serve through that proxy dropping nothing (the baseline for --without)
${CONTENT_USAGE}
  -h, --help       print this and exit`,
};

const { values } = parseCommandLine(COMMAND, { options: { ...CONTENT_OPTION, runs: { type: 'string', default: '5' }, 'report-only': { type: 'boolean', default: false }, json: { type: 'string' }, without: { type: 'string', multiple: true, default: [] }, proxy: { type: 'boolean', default: false } } });
const RUNS = Number(values.runs);
if (!Number.isInteger(RUNS) || RUNS < 1 || RUNS > 25) usageError(COMMAND, `--runs: expected a whole number from 1 to 25, got "${values.runs}"`);
// Loaded once the command line is read, so that --help answers at once.
const { z } = await import('zod');
const say = progress(COMMAND.name);
/** Lighthouse's CLI, resolved once runOnSite has installed the checks' tools. */
const lighthouseCli = (): string => join(dirname(createRequire(import.meta.url).resolve('lighthouse/package.json')), 'cli/index.js');

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const FORM_FACTORS = { mobile: [], desktop: ['--preset=desktop'] } as const;

const lighthouseResult = z.object({
  categories: z.record(z.string(), z.object({ score: z.number().nullable(), auditRefs: z.array(z.object({ id: z.string(), weight: z.number() })) })),
  audits: z.record(
    z.string(),
    z.object({
      title: z.string(),
      score: z.number().nullable(),
      scoreDisplayMode: z.string(),
      displayValue: z.string().optional(),
      explanation: z.string().optional(),
      // Only the items of a table (a list of rows naming a URL or describing an error) are read.
      details: z
        .object({ items: z.array(z.object({ description: z.string().optional().catch(undefined), url: z.string().optional().catch(undefined) })) })
        .optional()
        .catch(undefined),
    }),
  ),
});
type Audit = ReturnType<typeof lighthouseResult.parse>['audits'][string];

/** What an audit says went wrong: its explanation, or what its first items name. */
function detail(audit: Audit): string | undefined {
  const items = (audit.details?.items ?? []).slice(0, 3).map((item) => [item.description, item.url].filter(Boolean).join(' '));
  return audit.explanation ?? (items.some(Boolean) ? items.join('; ') : audit.displayValue);
}

/** One Lighthouse run. */
interface Run {
  seconds: number;
  /** Category → score out of 100. */
  scores: Record<string, number | null>;
  /** Weighted audits below full marks, per category. */
  failing: Record<string, { id: string; title: string; score: number; detail?: string }[]>;
  /** The Largest Contentful Paint's element: its tag and label (an image's alt text, a heading's words). */
  lcp: string | null;
}

/** Where Lighthouse 13 names the LCP element: the node item of the `lcp-breakdown-insight` audit (after its table of subparts). */
const lcpAudit = z.object({
  audits: z.object({
    'lcp-breakdown-insight': z
      .object({ details: z.object({ items: z.array(z.looseObject({ type: z.string().optional(), snippet: z.string().optional(), nodeLabel: z.string().optional() })) }) })
      .optional()
      .catch(undefined),
  }),
});

/** `<img> Water up to the doors…`: the element's tag, and its label cut to 40 characters. */
function lcpElement(result: unknown): string | null {
  const node = lcpAudit.safeParse(result).data?.audits['lcp-breakdown-insight']?.details.items.find((item) => item.type === 'node');
  if (node?.snippet === undefined) return null;
  const tag = /^<([a-z0-9-]+)/i.exec(node.snippet)?.[1] ?? '?';
  const label = node.nodeLabel ?? '';
  return `<${tag}> ${label.length > 40 ? `${label.slice(0, 39)}…` : label}`.trim();
}

/** A page in one form factor, measured RUNS times: its median scores, and the failing audits of its median run. */
interface Measured extends Run {
  path: string;
  formFactor: keyof typeof FORM_FACTORS;
  /** Every run's performance score, in order. */
  performanceRuns: (number | null)[];
}

/** The middle value (the lower middle of an even count); a missing score counts as the lowest. */
function median(scores: readonly (number | null)[]): number | null {
  const sorted = [...scores].sort((a, b) => (a ?? -1) - (b ?? -1));
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? null;
}

/** The runs of one page summed up: each category's median, and the audits of the run whose performance is the median. */
function summarize(path: string, formFactor: Measured['formFactor'], runs: readonly Run[]): Measured {
  const scores = Object.fromEntries(CATEGORIES.map((category) => [category, median(runs.map((run) => run.scores[category] ?? null))]));
  const middle = runs.find((run) => run.scores.performance === scores.performance) ?? runs[0]!;
  const seconds = runs.reduce((total, run) => total + run.seconds, 0);
  return { path, formFactor, seconds, scores, failing: middle.failing, lcp: middle.lcp, performanceRuns: runs.map((run) => run.scores.performance ?? null) };
}

/** Runs Lighthouse once on `url` and keeps the scores and the audits that cost points. */
async function lighthouse(url: string, flags: readonly string[]): Promise<Run> {
  const args = [lighthouseCli(), url, ...flags, '--output=json', '--output-path=stdout', '--quiet', '--chrome-flags=--headless=new --no-sandbox', `--only-categories=${CATEGORIES.join(',')}`];
  const run = await runCommand(process.execPath, args, { env: { ...process.env, CHROME_PATH: CHROMIUM } });
  const raw: unknown = JSON.parse(run.stdout);
  const result = lighthouseResult.parse(raw);
  const scores: Run['scores'] = {};
  const failing: Run['failing'] = {};
  for (const category of CATEGORIES) {
    const { score, auditRefs } = result.categories[category] ?? { score: null, auditRefs: [] };
    scores[category] = score === null ? null : Math.round(score * 100);
    failing[category] = auditRefs.flatMap(({ id, weight }) => {
      const audit = result.audits[id];
      if (audit === undefined || audit.score === null || audit.score >= 1 || (weight === 0 && audit.scoreDisplayMode !== 'metricSavings')) return [];
      const why = detail(audit);
      return [{ id, title: audit.title, score: audit.score, ...(why === undefined ? {} : { detail: why }) }];
    });
  }
  return { seconds: run.seconds, scores, failing, lcp: lcpElement(raw) };
}

function report(runs: readonly Measured[]): boolean {
  const rows = runs.map((run) => [
    run.path,
    run.formFactor,
    ...CATEGORIES.map((category) => String(run.scores[category] ?? '-')),
    run.performanceRuns.map((score) => score ?? '-').join(' '),
    run.lcp ?? '-',
    `${run.seconds.toFixed(1)} s`,
  ]);
  console.log(`median of ${RUNS} run(s) per page and form factor`);
  console.log(table(['page', 'form factor', ...CATEGORIES, 'performance, each run', 'LCP element (median run)', 'time'], rows));
  for (const run of runs) {
    for (const category of CATEGORIES) {
      if (run.scores[category] === 100) continue;
      console.log(`\n${run.path} (${run.formFactor}) ${category} ${run.scores[category] ?? 'no score'}:`);
      for (const audit of run.failing[category] ?? []) console.log(`  - ${audit.id}: ${audit.title} (score ${audit.score})${audit.detail ? `: ${audit.detail}` : ''}`);
    }
  }
  return runs.every((run) => CATEGORIES.every((category) => run.scores[category] === 100));
}

/** Every main page in both form factors, RUNS times each, at `origin`. */
async function measureAll(origin: string, pages: Parameters<typeof mainPages>[0]): Promise<Measured[]> {
  const runs: Measured[] = [];
  for (const page of mainPages(pages)) {
    for (const [formFactor, flags] of Object.entries(FORM_FACTORS) as [Measured['formFactor'], readonly string[]][]) {
      const each: Run[] = [];
      for (let run = 1; run <= RUNS; run++) {
        say(`${page.path} (${formFactor}, run ${run} of ${RUNS})`);
        each.push(await lighthouse(origin + page.path, flags));
      }
      runs.push(summarize(page.path, formFactor, each));
    }
  }
  return runs;
}

requireChromium();
const without = values.without;
await runOnSite(COMMAND.name, values.content, async ({ origin: served, pages }) => {
  const proxy = without.length === 0 && !values.proxy ? undefined : await stripProxy(served, without);
  if (proxy !== undefined) say(`DIAGNOSIS, NOT A CHECK: through a proxy on ${proxy.origin} dropping ${without.length === 0 ? 'no field' : without.join(', ')}; the scores are reported, never judged`);
  const runs = await measureAll(proxy?.origin ?? served, pages).finally(() => proxy?.close());
  if (values.json !== undefined) await writeFile(values.json, `${JSON.stringify(runs, null, 2)}\n`);
  return report(runs) || values['report-only'] || proxy !== undefined;
});
