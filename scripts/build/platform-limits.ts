import { bytes } from './limits';
import type { Problem } from './problems';
import type { StoredFile } from './sink';
import type { Deployable } from './writer';

/**
 * Cloudflare's limits on what one deploy uploads, per Workers plan, as data, and the problems
 * that name them. Over a limit, the build fails: wrangler checks neither, so a deploy would fail
 * at upload (the Worker's size only once every asset is sent). The per-file limit (25 MiB on every plan) is checked file by file in limits.ts;
 * startup time (1 s) and isolate memory (128 MB) depend on what the Worker does with its
 * content, so only a measurement can check them (`npm run bench`).
 */

/** The Workers plans, cheapest first; `free` is the default, the safe side. */
export const PLANS = ['free', 'paid'] as const;
export type Plan = (typeof PLANS)[number];

const PLAN_NAMES: Record<Plan, string> = { free: 'Workers Free', paid: 'Workers Paid' };

/** One limit of one plan: the figure, its unit, and the page that states it. */
export interface PlatformLimit {
  figure: number;
  unit: 'files' | 'bytes';
  source: string;
}

/** What the build measures against the platform: the files it writes to the static-assets folder, and the content module's bytes. */
export interface PlatformFigures {
  assetFiles: number;
  moduleBytes: number;
}

/** A plan's limit on each figure. */
export type PlanLimits = Record<keyof PlatformFigures, PlatformLimit>;

// "Account plan limits": "Number of Static Asset files per Worker version: 20,000 | 100,000";
// "Worker size: 64 MiB | 64 MiB", uncompressed (the compressed 3 MB / 10 MB limits were removed).
const LIMITS_PAGE = 'https://developers.cloudflare.com/workers/platform/limits/';
const WORKER_SIZE: PlatformLimit = { figure: 64 * 1024 * 1024, unit: 'bytes', source: LIMITS_PAGE };

/** Cloudflare's limits per plan (checked against the docs in December 2026). */
export const PLATFORM_LIMITS: Record<Plan, PlanLimits> = {
  free: { assetFiles: { figure: 20_000, unit: 'files', source: LIMITS_PAGE }, moduleBytes: WORKER_SIZE },
  paid: { assetFiles: { figure: 100_000, unit: 'files', source: LIMITS_PAGE }, moduleBytes: WORKER_SIZE },
};

/**
 * How each figure is named in a problem. The content module is the part of the Worker that grows
 * with the archive; the code beside it is fixed and small (48 KiB minified in December 2026), and
 * wrangler prints the two together as "Total Upload".
 */
const CHECKS: Record<keyof PlatformFigures, { field: string; measured: (quantity: string) => string; per: string }> = {
  assetFiles: { field: 'static assets', measured: (quantity) => quantity, per: 'per version' },
  moduleBytes: { field: 'worker size', measured: (quantity) => `the content module is ${quantity}`, per: 'per Worker, code included' },
};

/**
 * What the build puts in the static-assets folder and the Worker: the writer writes each file of
 * the deployable build there (body files, the index's directory and shards) and nothing else, and
 * `moduleText` is the content module (ASCII: one byte a character).
 */
export function platformFigures({ moduleText, files }: Deployable<StoredFile>): PlatformFigures {
  return { assetFiles: files.length, moduleBytes: moduleText.length };
}

const grouped = new Intl.NumberFormat('en-US');

function quantity(count: number, unit: PlatformLimit['unit']): string {
  return unit === 'bytes' ? bytes(count) : `${grouped.format(count)} ${count === 1 ? 'file' : 'files'}`;
}

/** What another plan would change: the way out when it allows the figure. */
function otherPlans(key: keyof PlatformFigures, figure: number, plan: Plan, limits: Record<Plan, PlanLimits>): string {
  const own = limits[plan][key].figure;
  return PLANS.filter((other) => other !== plan)
    .map((other) => {
      const { figure: allowed, unit } = limits[other][key];
      if (allowed === own) return `; the same on ${PLAN_NAMES[other]}`;
      if (allowed < own) return '';
      const theirs = quantity(allowed, unit);
      return allowed >= figure ? `; on ${PLAN_NAMES[other]} (${theirs}) build with --plan ${other}` : `; over ${PLAN_NAMES[other]}'s ${theirs} too`;
    })
    .join('');
}

/**
 * Every figure over its limit on `plan`, as `folder: field: message`; the message names the
 * figure, the limit, the plan and the limit's source.
 */
export function platformProblems(figures: PlatformFigures, plan: Plan, folder: string, limits: Record<Plan, PlanLimits> = PLATFORM_LIMITS): Problem[] {
  return (Object.keys(CHECKS) as (keyof PlatformFigures)[]).flatMap((key): Problem[] => {
    const figure = figures[key];
    const limit = limits[plan][key];
    if (figure <= limit.figure) return [];
    const { field, measured, per } = CHECKS[key];
    const allows = `${PLAN_NAMES[plan]} allows ${quantity(limit.figure, limit.unit)} ${per} (${limit.source})`;
    return [{ file: folder, field, message: `${measured(quantity(figure, limit.unit))}; ${allows}${otherPlans(key, figure, plan, limits)}` }];
  });
}

/** The plan a build option or environment variable names, or null. */
export function readPlan(text: string): Plan | null {
  return PLANS.find((plan) => plan === text) ?? null;
}
