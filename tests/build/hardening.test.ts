import { execFile } from 'node:child_process';
import { mkdir, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { buildArticle } from '../../scripts/build/article';
import { EMPTY_CATALOG } from '../../scripts/build/catalog';
import { buildContent } from '../../scripts/build/index';
import { assetSizeProblem, LIMITS } from '../../scripts/build/limits';
import { formatProblem } from '../../scripts/build/problems';
import { represent } from '../../scripts/build/represent';
import { frontMatterSchema } from '../../src/content/schema';
import { siteInput } from './documents';
import { fixture, fixtureCopy, runBuild, tempDir, writeSiteFile } from './helpers';

const problemLines = async (options: Parameters<typeof buildContent>[0]) => (await buildContent(options)).problems.map(formatProblem);

describe('content hardening', () => {
  it('reports unsafe URLs, U+E000 and control characters by any route, and YAML that cannot be read', async () => {
    expect(await problemLines({ root: fixture('hardening') })).toEqual([
      'content/articles/alias-bomb.md: front matter: invalid YAML: Excessive alias count indicates a resource exhaustion attack',
      'content/articles/control-entity.md: body: contains the control character U+000C (from a character reference such as &#xC;)',
      'content/articles/control-in-yaml.md: title: contains the control character U+0007',
      'content/articles/control-in-yaml.md: description: contains the control character U+0000',
      'content/articles/control-in-yaml.md: description: contains the control character U+0085',
      'content/articles/control-raw.md: front matter: contains the control character U+001B (line 2)',
      'content/articles/control-raw.md: body: contains the control character U+0007 (line 8)',
      'content/articles/lone-cr.md: body: contains the control character U+000D (line 6)',
      'content/articles/origin-entity.md: body: contains U+E000, which the build reserves (from a character reference such as &#xE000;)',
      'content/articles/origin-in-yaml.md: title: contains U+E000, which the build reserves',
      'content/articles/unresolved-alias.md: front matter: invalid YAML: Unresolved alias (the anchor must be set before the alias): nowhere',
      'content/articles/unsafe-urls.md: authors.1.url: must be an absolute http: or https: URL',
      'content/articles/unsafe-urls.md: authors.2.url: must be an absolute http: or https: URL',
      'content/articles/unsafe-urls.md: authors.3.url: must be an absolute http: or https: URL',
      'content/articles/unsafe-urls.md: source.url: must be an absolute http: or https: URL',
    ]);
  });

  it('prints the alias bomb as a problem line beside the others, with no stack trace', async () => {
    const run = await runBuild(['--root', fixture('hardening'), '--out', join(await tempDir(), 'content.txt')]);
    expect(run.code).toBe(1);
    expect(run.stderr.split('\n').slice(0, 2)).toEqual([
      'Content build failed: 15 problems',
      'content/articles/alias-bomb.md: front matter: invalid YAML: Excessive alias count indicates a resource exhaustion attack',
    ]);
    expect(run.stderr).not.toContain('    at ');
  });

  it('reports symbolic links, to files and to folders, and pipes instead of skipping them', async () => {
    const root = await fixtureCopy('good');
    const articles = join(root, 'content/articles');
    await symlink(join(articles, 'first-story.md'), join(articles, 'linked.md'));
    await symlink(join(articles, '2026'), join(articles, 'linked-folder'));
    await promisify(execFile)('mkfifo', [join(articles, 'pipe.md')]);
    expect(await problemLines({ root })).toEqual([
      'content/articles/linked-folder: folder: is a symbolic link; symbolic links are not followed (put the article file itself in the articles folder)',
      'content/articles/linked.md: file: is a symbolic link; symbolic links are not followed (put the article file itself in the articles folder)',
      'content/articles/pipe.md: file: is a named pipe (FIFO), not a regular file; an article is a Markdown file',
    ]);
  });

  it('reports an article over --max-article-bytes', async () => {
    const run = await runBuild(['--root', fixture('good'), '--out', join(await tempDir(), 'content.txt'), '--assets', join(await tempDir(), 'assets'), '--max-article-bytes', '300']);
    expect(run).toMatchObject({
      code: 1,
      stderr: 'Content build failed: 1 problem\ncontent/articles/first-story.md: file: is 375 bytes; the limit is 300 bytes (--max-article-bytes)\n',
    });
  });

  it('reports a body file over the static-asset limit by the article that made it', async () => {
    const unlimited = await buildContent({ root: fixture('good') });
    if (!unlimited.ok) throw new Error('build failed');
    const size = (file: string) => Buffer.byteLength(unlimited.files.find(({ path }) => path === file)!.text);
    const openapi = unlimited.index.documents['/api/openapi.json']!.pages[0]!.file;
    // Past the OpenAPI document (its size does not depend on the content), first-story's file is the largest.
    const largest = Math.max(...unlimited.files.filter(({ path }) => path !== openapi).map(({ path }) => size(path)));
    expect(size(unlimited.articles[1]!.file)).toBe(largest);
    const limit = largest - 1;
    expect(await problemLines({ root: fixture('good'), maxAssetBytes: limit })).toEqual([
      `content/articles/first-story.md: file: its rendered representations are ${largest.toLocaleString('en-US')} bytes, over the static-asset limit of ${limit.toLocaleString('en-US')} bytes`,
      `content/articles: pages: /api/openapi.json is ${size(openapi).toLocaleString('en-US')} bytes, over the static-asset limit of ${limit.toLocaleString('en-US')} bytes`,
    ]);
    expect(formatProblem(assetSizeProblem({ file: 'content/articles/x.md' }, 27_000_000, LIMITS.assetBytes)!)).toBe(
      'content/articles/x.md: file: its rendered representations are 27,000,000 bytes, over the static-asset limit of 26,214,400 bytes (25 MiB)',
    );
  });

  it('reports each rendered representation over --max-representation-bytes by its article', async () => {
    const run = await runBuild(['--root', fixture('good'), '--out', join(await tempDir(), 'content.txt'), '--assets', join(await tempDir(), 'assets'), '--max-representation-bytes', '3500']);
    expect(run).toMatchObject({
      code: 1,
      stderr: 'Content build failed: 1 problem\ncontent/articles/first-story.md: file: its HTML representation is 4,576 bytes; the limit is 3,500 bytes (--max-representation-bytes)\n',
    });
    expect(await problemLines({ root: fixture('good'), maxRepresentationBytes: 1 })).toEqual([
      'content/articles/2026/second-story.md: file: its JSON representation is 403 bytes; the limit is 1 byte (--max-representation-bytes)',
      'content/articles/2026/second-story.md: file: its HTML representation is 3,418 bytes; the limit is 1 byte (--max-representation-bytes)',
      'content/articles/2026/second-story.md: file: its Markdown representation is 226 bytes; the limit is 1 byte (--max-representation-bytes)',
      'content/articles/2026/second-story.md: file: its embed card representation is 715 bytes; the limit is 1 byte (--max-representation-bytes)',
      'content/articles/first-story.md: file: its JSON representation is 902 bytes; the limit is 1 byte (--max-representation-bytes)',
      'content/articles/first-story.md: file: its HTML representation is 4,576 bytes; the limit is 1 byte (--max-representation-bytes)',
      'content/articles/first-story.md: file: its Markdown representation is 611 bytes; the limit is 1 byte (--max-representation-bytes)',
      'content/articles/first-story.md: file: its embed card representation is 818 bytes; the limit is 1 byte (--max-representation-bytes)',
    ]);
  });

  it('fails on a missing or empty articles folder unless an empty site is asked for', async () => {
    const root = await tempDir();
    await writeSiteFile(root);
    expect(await buildContent({ root })).toEqual({ ok: false, problems: [{ file: 'content/articles', field: 'folder', message: 'not found' }] });
    await mkdir(join(root, 'content/articles'), { recursive: true });
    expect(await problemLines({ root })).toEqual(['content/articles: folder: no articles (build with --allow-empty for an empty site)']);
    const empty = await buildContent({ root, allowEmpty: true });
    expect(empty.ok && empty.index.slugs).toEqual([]);
    const run = await runBuild(['--root', root, '--allow-empty']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/^Built 0 article\(s\) in /);
  });

  it('turns an exception in one file into that file’s problem', () => {
    const vanishing = {
      file: 'content/articles/odd.md',
      name: 'odd',
      get text(): string {
        throw new RangeError('Maximum call stack size exceeded');
      },
    };
    expect(buildArticle(vanishing, EMPTY_CATALOG)).toEqual({
      ok: false,
      problems: [{ file: 'content/articles/odd.md', field: 'file', message: 'could not be built (RangeError: Maximum call stack size exceeded)' }],
    });
  });

  it('refuses to render a content string holding U+E000, whatever check it got past', async () => {
    const good = await buildContent({ root: fixture('good') });
    if (!good.ok) throw new Error('build failed');
    const template = good.files.find(({ path }) => path === good.articles[0]!.file)!.text;
    const article = JSON.parse(template.slice(...good.articles[0]!.json)).data;
    const frontMatter = frontMatterSchema.parse({ title: article.title, datePublished: article.datePublished });
    const smuggled = [{ file: 'content/articles/x.md', article: { ...article, authors: [{ name: 'A \uE000origin\uE000' }] }, body: 'Body.', frontMatter, timed: [] }];
    expect(() => represent(smuggled, siteInput([]).newsroom, { stylesheet: '', favicon: '', embed: { stylesheet: '', script: '', resizer: '' } })).toThrow('second-story: authors.0.name contains U+E000 after every content check; nothing was written');
  });
});
