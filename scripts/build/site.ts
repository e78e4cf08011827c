import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { siteSchema, type SiteSettings } from '../../src/content/site';
import { fieldCharacterProblems, sourceCharacterProblems } from './characters';
import { displayPath } from './collector';
import { readLogo, type Logo } from './logo';
import { parseYaml } from './parser';
import type { Problem, Result } from './problems';
import { toProblems } from './transformer';

/** The site's settings file, in the content folder. */
export const SITE_FILE = 'site.yml';

/** The site's settings, validated, and its logo when it has one. */
export interface Site {
  settings: SiteSettings;
  logo: Logo | null;
}

/**
 * Reads `<content>/site.yml`: YAML, validated by the site schema (only `name` is required), every
 * problem as `content/site.yml: field: message`; then the logo file it names.
 */
export async function readSite(contentDir: string, root: string): Promise<Result<Site>> {
  const path = join(contentDir, SITE_FILE);
  const file = displayPath(root, path);
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? null : Promise.reject(error)));
  if (text === null) return { ok: false, problems: [{ file, field: 'file', message: 'not found: the site\'s settings, at least "name: <the site\'s name>"' }] };
  const raw = sourceCharacterProblems(file, text, null);
  const yaml = parseYaml(text);
  if (!yaml.ok) return { ok: false, problems: yaml.messages.map((message) => ({ file, field: 'settings', message: `invalid YAML: ${message}` })) };
  const data = yaml.data ?? {};
  if (typeof data !== 'object' || Array.isArray(data)) return { ok: false, problems: [{ file, field: 'settings', message: 'must be a YAML mapping of setting: value' }] };
  const decoded = raw.length > 0 ? [] : fieldCharacterProblems(file, data);
  const parsed = siteSchema.safeParse(data);
  const problems: Problem[] = [...raw, ...decoded, ...(parsed.success ? [] : toProblems(file, parsed.error, 'settings'))];
  if (!parsed.success || problems.length > 0) return { ok: false, problems };
  const logo = parsed.data.logo === undefined ? null : await readLogo(contentDir, parsed.data.logo);
  if (logo !== null && !logo.ok) return { ok: false, problems: logo.problems.map((problem) => ({ ...problem, file })) };
  return { ok: true, value: { settings: parsed.data, logo: logo?.value ?? null } };
}
