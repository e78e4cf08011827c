import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCorpus, writeCorpus } from '../../scripts/bench/corpus';
import { ARTICLES_PER_THREAD, buildContent } from '../../scripts/build/index';
import { ThreadPool } from '../../scripts/build/threads/pool';
import { article, tempDir, writeSiteFile } from './helpers';
import { writeFile } from 'node:fs/promises';

const TASKS = new URL('./fixtures/pool-tasks.ts', import.meta.url);

describe('the build thread pool', () => {
  it('returns the results in the order of the items, though later batches finish first', async () => {
    const pool = ThreadPool.start(TASKS, 2);
    try {
      const items = Array.from({ length: 100 }, (_, at) => at);
      const finished = new Int32Array(new SharedArrayBuffer(4));
      let advanced = 0;
      // Item 0's batch (at most 32 items) waits until 60 items of later batches are done.
      const results = await pool.map('doubled', { finished, before: 60 }, items, (count) => (advanced += count));
      expect(results).toEqual(items.map((item) => item * 2));
      expect(advanced).toBe(100);
    } finally {
      await pool.close();
    }
  });

  it('fails with the message of a task that throws', async () => {
    const pool = ThreadPool.start(TASKS, 2);
    try {
      await expect(pool.map('brokenAtThree', null, [1, 2, 3, 4])).rejects.toThrow(new Error('item 3 cannot be rendered'));
    } finally {
      await pool.close();
    }
  });
});

describe('a build in threads', () => {
  it('writes the same output as a build in one thread, and reports the same problems', { timeout: 120_000 }, async () => {
    const root = await tempDir();
    await writeSiteFile(root);
    await writeCorpus(join(root, 'content/articles'), generateCorpus(ARTICLES_PER_THREAD * 2));
    const threaded = await buildContent({ root, threads: 2 });
    const alone = await buildContent({ root });
    if (!threaded.ok || !alone.ok) throw new Error('build failed');
    expect(threaded.articles).toHaveLength(ARTICLES_PER_THREAD * 2);
    expect(threaded.deployed).toEqual(alone.deployed);
    await writeFile(join(root, 'content/articles/broken.md'), article('title: Broken'));
    await writeFile(join(root, 'content/articles/unreadable.md'), new Uint8Array([0xff, 0xfe]));
    const problems = (await buildContent({ root, threads: 2 })).problems;
    expect(problems).toEqual((await buildContent({ root })).problems);
    expect(problems.map(({ file, field }) => `${file}: ${field}`)).toEqual(['content/articles/unreadable.md: file', 'content/articles/broken.md: datePublished']);
  });
});
