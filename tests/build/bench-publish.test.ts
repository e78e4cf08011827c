import { describe, expect, it } from 'vitest';
import { publishReport } from '../../scripts/bench/publish';

describe('npm run bench -- --publish: the report', () => {
  it('gives each save\'s two waits and the build\'s line without its paths, then their medians', () => {
    const edit = (builtSeconds: number, servedSeconds: number) => ({ file: 'a.md', builtSeconds, servedSeconds, buildLine: `Built 3 article(s) in ${builtSeconds} s -> src/generated/content.txt, .edgewire/assets (9 files)` });
    expect(publishReport({ articles: 3, startSeconds: 8.64, edits: [edit(1.5, 2.25), edit(3, 4), edit(2, 2.5)] })).toBe(
      [
        "Publish latency at 3 articles (npm run dev; the dev server's first build and start: 8.6 s)",
        '',
        '| save | (a) build output ready | (b) new ETag served | the build |',
        '|--:|--:|--:|---|',
        '| 1 | 1.50 s | 2.25 s | Built 3 article(s) in 1.5 s |',
        '| 2 | 3.00 s | 4.00 s | Built 3 article(s) in 3 s |',
        '| 3 | 2.00 s | 2.50 s | Built 3 article(s) in 2 s |',
        '| median | 2.00 s | 2.50 s | |',
      ].join('\n'),
    );
    expect(publishReport({ articles: 3, startSeconds: 1, edits: [edit(1, 2), edit(2, 3)] }).split('\n').at(-1)).toBe('| median | 1.50 s | 2.50 s | |');
  });
});
