import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ORIGIN } from '../../src/store/bundle';
import { readWholeIndex, type IndexHeader } from '../../src/store/shards';
import { readdir } from 'node:fs/promises';
import { article as markdown, contentRoot, fixtureCopy, runBuild, snapshot } from './helpers';
import { photo } from './pictures';

/** What a build left in `root`: the index, and the text of each article's and page's body file. */
async function output(root: string) {
  const header = JSON.parse(await readFile(join(root, 'src/generated/content.txt'), 'utf8')) as IndexHeader;
  const body = (file: string) => readFile(join(root, '.edgewire/assets', file), 'utf8');
  const index = await readWholeIndex(header, body);
  const article = async (slug: string) => {
    const line = index.articles[index.slugs.indexOf(slug)]!;
    const text = await body(line.file);
    return { text, data: JSON.parse(text.slice(...line.json).split(ORIGIN).join('')).data };
  };
  // Each tag page is alone in its body file.
  const document = (path: string) => body(index.documents[path]!.pages[0]!.file);
  return { index, article, document, home: () => body(index.home[0]!.file), notFound: () => body(header.notFound.file) };
}

const dev = { EDGEWIRE_DEV: '1' };
const NOTICE = `<main id="main">
<aside class="dev-notice" aria-label="Content problems">
<p><strong>Content build: 2 problems (serving the last good version of each broken article)</strong></p>
<ul>
<li>content/articles/first-story.md: title: is required</li>
<li>content/articles/first-story.md: &lt;script&gt;: unknown field</li>
</ul>
</aside>
`;

describe('dev build (EDGEWIRE_DEV=1)', () => {
  it('serves the last good version of a broken article, lists the problems on every page, and exits 0', async () => {
    const root = await fixtureCopy('good');
    const story = join(root, 'content/articles/first-story.md');
    expect(await runBuild(['--root', root], dev)).toMatchObject({ code: 0, stderr: '' });
    const good = await output(root);
    expect(good.index.slugs).toEqual(['a-draft', 'second-story', 'first-story']);
    expect(await good.home()).not.toContain('dev-notice');

    const source = await readFile(story, 'utf8');
    await writeFile(story, source.replace('title: First story\n', '<script>: alert(1)\n'));
    const broken = await runBuild(['--root', root], dev);
    expect(broken).toMatchObject({
      code: 0,
      stderr:
        'Content build: 2 problems (serving the last good version of each broken article)\n' +
        'content/articles/first-story.md: title: is required\n' +
        'content/articles/first-story.md: <script>: unknown field\n',
    });
    const served = await output(root);
    expect(served.index.slugs).toEqual(['a-draft', 'second-story', 'first-story']);
    const first = await served.article('first-story');
    expect(first.data.title).toBe('First story');
    expect(first.text).toContain(NOTICE);
    expect((await served.article('second-story')).text).toContain(NOTICE);
    expect(await served.home()).toContain(NOTICE);
    expect(await served.notFound()).toContain(NOTICE);
    expect(await served.document('/tags')).toContain(NOTICE);
    expect(await served.document('/tags/sahel')).toContain(NOTICE);

    await writeFile(story, source);
    expect(await runBuild(['--root', root], dev)).toMatchObject({ code: 0, stderr: '' });
    const fixed = await output(root);
    const pages = [await fixed.home(), await fixed.notFound(), (await fixed.article('first-story')).text, await fixed.document('/tags'), await fixed.document('/tags/sahel')];
    for (const page of pages) expect(page).not.toContain('dev-notice');
  });

  it('shows the last good version of a broken article with its pictures, verified and served as a good build serves them', async () => {
    const root = await contentRoot({
      'site.yml': 'name: X\n',
      'articles/flood.jpg': await photo(1600, 900),
      'articles/map.png': await photo(640, 480, 'png'),
      'articles/flood.md': markdown('title: Flood\ndatePublished: 2026-12-01\nimage:\n  src: flood.jpg\n  alt: A street under water\n  credit: AP', 'The water rose.\n\n![A map](map.png)'),
    });
    expect(await runBuild(['--root', root], dev)).toMatchObject({ code: 0, stderr: '' });
    const good = await (await output(root)).article('flood');
    const story = join(root, 'content/articles/flood.md');
    await writeFile(story, (await readFile(story, 'utf8')).replace('title: Flood\n', ''));
    expect(await runBuild(['--root', root], dev)).toMatchObject({ code: 0, stderr: 'Content build: 1 problem (serving the last good version of each broken article)\ncontent/articles/flood.md: title: is required\n' });
    const served = await (await output(root)).article('flood');
    // The same picture data and figures as the good build's, and both originals still in the assets.
    expect(served.data.image).toEqual(good.data.image);
    expect(served.data.images).toEqual(good.data.images);
    expect(served.data.html).toBe(good.data.html);
    expect(served.data.html).toContain('<figure><picture><source type="image/avif"');
    expect((await readdir(join(root, '.edgewire/assets/p'))).length).toBe(2);
  });

  it('remembers what it built, as a production build does, and keeps one copy of each article\'s last good text', async () => {
    const root = await fixtureCopy('good');
    const first = await runBuild(['--root', root], dev);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    const again = await runBuild(['--root', root], dev);
    expect(again.stdout).toMatch(/^Built 3 article\(s\) \(drafts included\) in [\d.]+ s \(0 rendered, 3 unchanged\) -> src\/generated\/content\.txt \(unchanged\), \.edgewire\/assets \(\d+ files: 0 written, 0 removed\)\n$/);
    const kept = async () => JSON.parse(await readFile(join(root, '.edgewire/dev-last-good/files.json'), 'utf8')) as { version: number; files: Record<string, string> };
    const before = await kept();
    expect(Object.keys(before.files)).toEqual(['content/articles/2026/second-story.md', 'content/articles/a-draft.md', 'content/articles/first-story.md']);
    const story = join(root, 'content/articles/first-story.md');
    const copy = (hash: string) => readFile(join(root, '.edgewire/dev-last-good', `${hash}.md`), 'utf8');
    expect(await copy(before.files['content/articles/first-story.md']!)).toBe(await readFile(story, 'utf8'));

    await writeFile(story, (await readFile(story, 'utf8')).replace('title: First story\n', 'title: First story, revised\n'));
    expect(await runBuild(['--root', root], dev)).toMatchObject({ code: 0, stderr: '' });
    const after = await kept();
    expect(after.files['content/articles/2026/second-story.md']).toBe(before.files['content/articles/2026/second-story.md']);
    expect(await copy(after.files['content/articles/first-story.md']!)).toContain('title: First story, revised\n');
    // The text it replaced is let go.
    await expect(copy(before.files['content/articles/first-story.md']!)).rejects.toThrow('ENOENT');
  });

  it('leaves out a broken file that never built, and a production build of the same content fails', async () => {
    const root = await fixtureCopy('good');
    await writeFile(join(root, 'content/articles/new-story.md'), '---\ntitle: New\n---\n\nBody.\n');
    const broken = await runBuild(['--root', root], dev);
    expect(broken).toMatchObject({
      code: 0,
      stderr: 'Content build: 1 problem (serving the last good version of each broken article)\ncontent/articles/new-story.md: datePublished: must be an ISO 8601 date (2026-11-27) or date-time with offset (2026-11-27T08:30:00Z)\n',
    });
    expect((await output(root)).index.slugs).toEqual(['a-draft', 'second-story', 'first-story']);
    const before = await snapshot(join(root, 'src/generated'), join(root, '.edgewire'));
    expect(await runBuild(['--root', root])).toMatchObject({
      code: 1,
      stderr: 'Content build failed: 1 problem\ncontent/articles/new-story.md: datePublished: must be an ISO 8601 date (2026-11-27) or date-time with offset (2026-11-27T08:30:00Z)\n',
    });
    expect(await snapshot(join(root, 'src/generated'), join(root, '.edgewire'))).toEqual(before);
  });
});
