import { mkdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileStamp, listSources, STAT_THREAD_FILES } from '../../scripts/build/collector';
import { tempDir } from './helpers';

/**
 * An archive's files are stated in a thread of their own (collector.ts `startListing`), while the
 * build reads its memory back: what it lists is what a stat in the build's own thread gives, in
 * the same order, with the same problems.
 */
describe('listing an archive', () => {
  it('states the files of a large folder in a thread: the same sources, stamps and problems', { timeout: 60_000 }, async () => {
    const root = await tempDir();
    const dir = join(root, 'content/articles');
    await mkdir(join(dir, 'more'), { recursive: true });
    const hourAgo = new Date(Date.now() - 3_600_000);
    const names = Array.from({ length: STAT_THREAD_FILES }, (_, at) => `article-${String(at).padStart(5, '0')}.md`);
    for (const name of names) {
      await writeFile(join(dir, name), '---\ntitle: T\n---\n\nText.\n');
      await utimes(join(dir, name), hourAgo, hourAgo);
    }
    await writeFile(join(dir, 'notes.txt'), 'not an article');
    await writeFile(join(dir, 'more/large.md'), 'x'.repeat(2_000));
    const listed = await listSources(dir, root, { maxArticleBytes: 1_000, allowEmpty: false });
    expect(listed.problems).toEqual([
      { file: 'content/articles/more/large.md', field: 'file', message: 'is 2,000 bytes; the limit is 1,000 bytes (--max-article-bytes)' },
      { file: 'content/articles/notes.txt', field: 'file', message: 'not an article: articles are Markdown files ending in .md' },
    ]);
    expect(listed.sources).toEqual(names.map((name) => ({ file: `content/articles/${name}`, root })));
    expect(listed.stamps).toEqual(names.map((name) => fileStamp(join(dir, name))));
    expect(listed.stamps.every((stamp) => stamp !== null)).toBe(true);
  });
});
