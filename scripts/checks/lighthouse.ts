/**
 * `npm run check:lighthouse`: Lighthouse (its CLI, driving Debian's Chromium) on the front page, a
 * section page, an article (one with a correction when there is one) and an author page, as a phone (Lighthouse's default: emulated Moto G, throttled) and as a
 * desktop (`--preset=desktop`). Every category must score 100 unless `--report-only`.
 */
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { runCommand } from '../bench/processes';
import { parseCommandLine, type Command } from '../cli';
import { CHROMIUM, requireChromium } from './chromium';
import { mainPages } from './pages';
import { CONTENT_OPTION, CONTENT_USAGE, progress, runOnSite, table } from './site';

const COMMAND: Command = {
  name: 'check:lighthouse',
  usage: `usage: npm run check:lighthouse [-- <options>]

Builds the newsroom fixture (or --content), serves its deployable bundle on 127.0.0.1 and runs
Lighthouse on the front page, a section page, an article (one with a correction when there is
one) and an author page, mobile and desktop, in Chromium (/usr/bin/chromium, or CHROME_PATH).
Prints the performance, accessibility, best-practices and SEO scores of each run and the audits
that cost points. Fails (exit 1) when any score is below 100.
  --report-only    print the scores, never fail on them
  --json <file>    also write the scores and failing audits as JSON
${CONTENT_USAGE}
  -h, --help       print this and exit`,
};

const { values } = parseCommandLine(COMMAND, { options: { ...CONTENT_OPTION, 'report-only': { type: 'boolean', default: false }, json: { type: 'string' } } });
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

interface Run {
  path: string;
  formFactor: keyof typeof FORM_FACTORS;
  seconds: number;
  /** Category → score out of 100. */
  scores: Record<string, number | null>;
  /** Weighted audits below full marks, per category. */
  failing: Record<string, { id: string; title: string; score: number; detail?: string }[]>;
}

/** Runs Lighthouse once on `url` and keeps the scores and the audits that cost points. */
async function lighthouse(url: string, flags: readonly string[]): Promise<Omit<Run, 'path' | 'formFactor'>> {
  const args = [lighthouseCli(), url, ...flags, '--output=json', '--output-path=stdout', '--quiet', '--chrome-flags=--headless=new --no-sandbox', `--only-categories=${CATEGORIES.join(',')}`];
  const run = await runCommand(process.execPath, args, { env: { ...process.env, CHROME_PATH: CHROMIUM } });
  const result = lighthouseResult.parse(JSON.parse(run.stdout));
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
  return { seconds: run.seconds, scores, failing };
}

function report(runs: readonly Run[]): boolean {
  const rows = runs.map((run) => [run.path, run.formFactor, ...CATEGORIES.map((category) => String(run.scores[category] ?? '-')), `${run.seconds.toFixed(1)} s`]);
  console.log(table(['page', 'form factor', ...CATEGORIES, 'time'], rows));
  for (const run of runs) {
    for (const category of CATEGORIES) {
      if (run.scores[category] === 100) continue;
      console.log(`\n${run.path} (${run.formFactor}) ${category} ${run.scores[category] ?? 'no score'}:`);
      for (const audit of run.failing[category] ?? []) console.log(`  - ${audit.id}: ${audit.title} (score ${audit.score})${audit.detail ? `: ${audit.detail}` : ''}`);
    }
  }
  return runs.every((run) => CATEGORIES.every((category) => run.scores[category] === 100));
}

requireChromium();
await runOnSite(COMMAND.name, values.content, async ({ origin, pages }) => {
  const runs: Run[] = [];
  for (const page of mainPages(pages)) {
    for (const [formFactor, flags] of Object.entries(FORM_FACTORS) as [Run['formFactor'], readonly string[]][]) {
      say(`${page.path} (${formFactor})`);
      runs.push({ path: page.path, formFactor, ...(await lighthouse(origin + page.path, flags)) });
    }
  }
  if (values.json !== undefined) await writeFile(values.json, `${JSON.stringify(runs, null, 2)}\n`);
  return report(runs) || values['report-only'];
});
