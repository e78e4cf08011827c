import { compileErrors, validate } from '@readme/openapi-parser';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildContent, type BuildResult } from '../../scripts/build/index';
import { apiPublisher, openapiDocument } from '../../scripts/build/openapi/index';
import { articleSchema, SUMMARY_FIELDS } from '../../src/content/article';
import { paths } from '../../src/content/paths';
import { LARGEST_NUMBER, MAX_LIMIT, parseListQuery, parsePageQuery } from '../../src/routes/paging';
import { ORIGIN } from '../../src/store/bundle';
import { fixture, projectRoot, run, tempDir } from './helpers';

type Built = Extract<BuildResult, { ok: true }>;
type Json = Record<string, any>;
const SITE = 'https://news.example';
const DOCUMENT = openapiDocument(apiPublisher('edgewire'));
/** The document as the Worker serves it on SITE, as an object. */
const servedDocument = (): Json => JSON.parse(JSON.stringify(DOCUMENT).split(ORIGIN).join(SITE)) as Json;
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

async function build(root: string): Promise<Built> {
  const result = await buildContent({ root });
  if (!result.ok) throw new Error(result.problems.map((problem) => problem.message).join('\n'));
  return result;
}

/** The document as the Worker serves it on SITE: the stored body with the origin put in. */
function served(result: Built): string {
  const { file, start, end } = result.index.documents[paths.openapi]!.pages[0]!;
  return result.files.find(({ path }) => path === file)!.text.slice(start, end).split(ORIGIN).join(SITE);
}

describe('the OpenAPI document', () => {
  it('is stored at /api/openapi.json as application/json, in a body file of its own, naming SITE_URL as its server', async () => {
    const result = await build(fixture('good'));
    const stored = result.index.documents[paths.openapi]!;
    expect(stored).toMatchObject({ contentType: 'application/json', kind: 'list' });
    expect(result.files.find(({ path }) => path === stored.pages[0]!.file)!.text).toBe(JSON.stringify(DOCUMENT));
    const document = JSON.parse(served(result)) as Json;
    expect(document.openapi).toBe('3.1.1');
    expect(document.servers).toEqual([{ url: SITE, description: 'The configured SITE_URL.' }]);
  });

  it('needs no credentials, and names its publisher and terms: the site, its home page, all rights reserved', () => {
    const document = servedDocument();
    expect(document.security).toEqual([]);
    expect(document.info.contact).toEqual({ name: 'edgewire', url: `${SITE}/` });
    expect(document.info.license).toEqual({ name: '© edgewire, all rights reserved', url: `${SITE}/` });
  });

  it('describes every operation, beyond its summary', () => {
    const operations = Object.values<Json>(servedDocument().paths).flatMap((item) => METHODS.filter((method) => method in item).map((method) => item[method] as Json));
    expect(operations.length).toBe(40);
    for (const { operationId, summary, description } of operations) {
      expect(description, operationId).toMatch(/\S/);
      expect(description, operationId).not.toBe(summary);
    }
  });

  it('passes @redocly/cli lint with its recommended ruleset (tests/build/redocly.yaml): no error, no warning, no network call', async () => {
    const file = join(await tempDir(), 'openapi.json');
    await writeFile(file, JSON.stringify(servedDocument()));
    const cli = join(projectRoot, 'node_modules/@redocly/cli/bin/cli.js');
    const config = join(projectRoot, 'tests/build/redocly.yaml');
    const quiet = { REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_NOTIFICATIONS: 'true' };
    const { code, stdout, stderr } = await run(process.execPath, ['--import', join(projectRoot, 'tests/build/no-network.mjs'), cli, 'lint', '--config', config, '--format', 'json', file], quiet);
    const report = JSON.parse(stdout) as { totals: Json; problems: { severity: string; ruleId: string; message: string; location: { pointer: string }[] }[] };
    expect(report.problems.map(({ severity, ruleId, message, location }) => `${severity} ${ruleId} at ${location[0]?.pointer}: ${message}`)).toEqual([]);
    expect(report.totals).toEqual({ errors: 0, warnings: 0, ignored: 0 });
    expect(stderr).not.toMatch(/^network:/m);
    expect(code).toBe(0);
  });

  it('passes the OpenAPI 3.1 validator (@readme/openapi-parser: the 3.1 schema and its own rules), without warnings', async () => {
    // validate() dereferences the object it is given: hand it a fresh one.
    const result = await validate(servedDocument() as Parameters<typeof validate>[0]);
    expect(result.valid ? 'valid' : compileErrors(result)).toBe('valid');
    expect(result.warnings).toEqual([]);
  });

  it('states the exact limits the Worker enforces on page and limit', () => {
    const { page, limit } = (DOCUMENT as Json).components.parameters as Json;
    expect(page.schema).toEqual({ type: 'integer', minimum: 1, maximum: LARGEST_NUMBER, default: 1 });
    expect(limit.schema).toEqual({ type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: 20 });
    expect(parsePageQuery(new URLSearchParams(`page=${LARGEST_NUMBER}`)).ok).toBe(true);
    expect(parsePageQuery(new URLSearchParams(`page=${LARGEST_NUMBER + 1}`)).ok).toBe(false);
    expect(parseListQuery(new URLSearchParams(`limit=${MAX_LIMIT}`)).ok).toBe(true);
    expect(parseListQuery(new URLSearchParams(`limit=${MAX_LIMIT + 1}`)).ok).toBe(false);
  });

  it('describes the articles the build writes: each is valid against the Article schema, fields in its order', async () => {
    const result = await build(fixture('good'));
    for (const line of result.articles) {
      const json = result.files.find(({ path }) => path === line.file)!.text.slice(...line.json).split(ORIGIN).join(SITE);
      const { data } = JSON.parse(json) as { data: Json };
      expect(articleSchema.safeParse(data).error?.issues ?? []).toEqual([]);
      expect(Object.keys(data)).toEqual(Object.keys(articleSchema.shape));
      expect(Object.keys(line.summary)).toEqual(SUMMARY_FIELDS);
    }
  });
});
