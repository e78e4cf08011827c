import { describe, expect, it } from 'vitest';
import { buildContent } from '../../scripts/build/index';
import { progressLine, SHOW_AFTER_MS, SILENT, terminalProgress, type Progress } from '../../scripts/build/progress';
import { fixture } from './helpers';

/** A stream that records what is written to it, and a clock the test moves. */
function terminal(isTTY: boolean | undefined) {
  const writes: string[] = [];
  const clock = { now: 0 };
  return { stream: { isTTY, write: (text: string) => writes.push(text) }, writes, clock, now: () => clock.now };
}

/** A build's calls, with time passing well beyond SHOW_AFTER_MS. */
function run(progress: ReturnType<typeof terminalProgress>, clock: { now: number }) {
  progress.stage('reading articles');
  clock.now = SHOW_AFTER_MS + 1000;
  progress.stage('rendering articles', 10_000);
  clock.now += 500;
  progress.advance(4000);
  progress.end();
}

describe('build progress', () => {
  it('shows nothing when stderr is not a terminal (piped, redirected, a test)', () => {
    for (const isTTY of [false, undefined]) {
      const { stream, writes, clock, now } = terminal(isTTY);
      const progress = terminalProgress(stream, {}, now);
      expect(progress).toBe(SILENT);
      run(progress, clock);
      expect(writes).toEqual([]);
    }
  });

  it('shows nothing in CI, even on a terminal', () => {
    const { stream, writes, clock, now } = terminal(true);
    run(terminalProgress(stream, { CI: 'true' }, now), clock);
    expect(writes).toEqual([]);
  });

  it('on a terminal, after a few seconds: stage, done of total and elapsed, redrawn in place, then cleared', () => {
    const { stream, writes, clock, now } = terminal(true);
    const progress = terminalProgress(stream, { CI: '' }, now);
    progress.stage('reading articles');
    clock.now = SHOW_AFTER_MS - 1;
    progress.stage('building articles', 10_000);
    progress.advance(10);
    expect(writes).toEqual([]);
    clock.now = SHOW_AFTER_MS + 250;
    progress.advance(1990);
    clock.now += 50;
    progress.advance(1000);
    clock.now += 100;
    progress.advance(1000);
    progress.stage('rendering articles', 10_000);
    progress.end();
    expect(writes).toEqual([
      '\r\u001b[2Kbuild: building articles 2,000/10,000 (3.3 s)',
      '\r\u001b[2Kbuild: building articles 4,000/10,000 (3.4 s)',
      '\r\u001b[2Kbuild: rendering articles 0/10,000 (3.4 s)',
      '\r\u001b[2K',
    ]);
  });

  it('names a stage without a count alone', () => {
    expect(progressLine('writing files', 0, undefined, 12_345)).toBe('build: writing files (12.3 s)');
  });

  it('hears every stage of a build, each counted item advanced once', async () => {
    const heard: [string, number | undefined, number][] = [];
    const progress: Progress = { stage: (name, total) => void heard.push([name, total, 0]), advance: (count) => void (heard.at(-1)![2] += count), end: () => {} };
    const result = await buildContent({ root: fixture('good'), progress });
    if (!result.ok) throw new Error('fixture did not build');
    const sources = result.articles.length + 1; // and one draft, listed but not published
    expect(heard).toEqual([
      ['reading articles', sources, sources],
      ['rendering articles', result.articles.length, result.articles.length],
      ['rendering lists, feeds and sitemaps', undefined, 0],
      ['writing the index', undefined, 0],
    ]);
  });
});
