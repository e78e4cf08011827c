import { mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headAndTail, parseBuildFiles, parseTimeReport, snapshotAssets, type ContentBuild } from '../../scripts/bench/bundle';
import { chooseArticle, EDITED_PARAGRAPH, editedArticle } from '../../scripts/bench/edit';
import { heapOf } from '../../scripts/bench/heap';
import type { InstructionSize, TargetInfo } from '../../scripts/bench/results';
import { buildRows, failureReport, folderRows, firstRequestRows, heapRows, meanOf, meanRows, outputRow, scaleReport, startupRows } from '../../scripts/bench/scale-report';

// What the bench reads from the build and from workerd's inspector, and the scale report: pure
// functions, fixed input in, exact values out.

const MIB = 1024 * 1024;

describe('reading the build', () => {
  it("reads /usr/bin/time's peak RSS (KiB) and user + system seconds from its last line", () => {
    expect(parseTimeReport('1318400 25.43 1.57\n')).toEqual({ peakRssBytes: 1318400 * 1024, cpuSeconds: 27 });
    // GNU time says first how a failed command ended.
    expect(parseTimeReport('Command exited with non-zero status 1\n4243000 150.00 4.25\n')).toEqual({ peakRssBytes: 4243000 * 1024, cpuSeconds: 154.25 });
    expect(parseTimeReport('Command terminated by signal 6\n9000 1 0\n')).toEqual({ peakRssBytes: 9000 * 1024, cpuSeconds: 1 });
    expect(parseTimeReport('')).toBeNull();
    expect(parseTimeReport('1318400 25.43')).toBeNull();
  });

  it('reads the asset files written and removed from the build summary line', () => {
    const line = 'Built 10001 article(s) in 27.10 s -> src/generated/content.txt, .edgewire/assets (10605 files: 12 written, 9 removed)';
    expect(parseBuildFiles(line)).toEqual({ files: 10605, written: 12, removed: 9 });
    expect(parseBuildFiles('Built 1 article(s) in 1.00 s -> a (unchanged), b (28 files: 0 written, 0 removed)')).toEqual({ files: 28, written: 0, removed: 0 });
    expect(parseBuildFiles('Content build failed: 2 problems')).toBeNull();
  });
});

describe("the assets' snapshot", () => {
  it('links every file (no second copy of the bytes) and keeps them when a later build renames a file over one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'edgewire-snapshot-'));
    try {
      const from = join(dir, 'assets');
      await mkdir(join(from, 'b', '0a'), { recursive: true });
      await writeFile(join(from, 'b', '0a', 'pack.json'), 'first build');
      await writeFile(join(from, 'index.json'), '{}');
      const snapshot = await snapshotAssets(from, join(dir, 'snapshot'));
      expect(snapshot).toMatchObject({ files: 2, bytes: 13, largest: { path: join('b', '0a', 'pack.json'), bytes: 11 } });
      const [source, copy] = [await stat(join(from, 'index.json')), await stat(join(dir, 'snapshot', 'index.json'))];
      expect([copy.ino, copy.nlink]).toEqual([source.ino, 2]);
      // A later build writes a temporary file and renames it over the old one (sink.ts).
      await writeFile(join(from, 'b', '0a', 'next'), 'second build');
      await rename(join(from, 'b', '0a', 'next'), join(from, 'b', '0a', 'pack.json'));
      expect(await readFile(join(dir, 'snapshot', 'b', '0a', 'pack.json'), 'utf8')).toBe('first build');
      expect(await snapshotAssets(join(dir, 'missing'), join(dir, 'none'))).toBeNull();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('the one edit', () => {
  it('edits the middle article by name, neither the newest nor the oldest, and only Markdown files', () => {
    expect(chooseArticle(['c.md', 'a.md', 'README', 'b.md', 'd.md'])).toBe('c.md');
    expect(chooseArticle(['only.md'])).toBe('only.md');
    expect(() => chooseArticle(['notes.txt'])).toThrow('no article to edit (no .md file)');
  });

  it('appends one paragraph to the body and leaves the front matter as it was', () => {
    const article = '---\ntitle: A\n---\n\nFirst paragraph.\n\n';
    expect(editedArticle(article)).toBe(`---\ntitle: A\n---\n\nFirst paragraph.\n\n${EDITED_PARAGRAPH}\n`);
    expect(editedArticle('---\ntitle: A\n---\nBody')).toBe(`---\ntitle: A\n---\nBody\n\n${EDITED_PARAGRAPH}\n`);
  });
});

describe("the inspector's heap usage", () => {
  it('takes the used, total and embedder sizes of Runtime.getHeapUsage', () => {
    expect(heapOf({ usedSize: 496784, totalSize: 1572864, embedderHeapUsedSize: 386904, backingStorageSize: 63527 })).toEqual({ usedBytes: 496784, totalBytes: 1572864, embedderBytes: 386904 });
    expect(heapOf({ usedSize: 1, totalSize: 2 })).toEqual({ usedBytes: 1, totalBytes: 2, embedderBytes: 0 });
    expect(() => heapOf({ error: 'no' })).toThrow('not a heap usage: {"error":"no"}');
  });
});

const TARGETS: TargetInfo[] = [
  { name: 'app', label: 'app', kind: 'app' },
  { name: 'bare', label: 'bare floor', kind: 'floor' },
  { name: 'headers', label: 'headers floor', kind: 'floor' },
];

const build = (seconds: number, cpuSeconds: number | null, written: number, removed: number): ContentBuild => ({
  seconds,
  cpuSeconds,
  peakRssBytes: cpuSeconds === null ? null : 1320 * MIB,
  files: { files: 10605, written, removed },
  output: '',
});

/** N = 10,000 with every figure; the app's article JSON has one round with a collection in it. */
function size(): InstructionSize {
  return {
    size: 10_000,
    articles: 10_000,
    seconds: 900,
    targets: TARGETS,
    routes: [
      { name: 'article-json', label: 'article JSON', counts: { app: [300_000, 300_000, 420_000], bare: [220_000, 220_000, 220_000], headers: [270_000, 270_000, 270_000] }, load: {} },
      { name: 'list', label: 'list', counts: { app: [330_000], bare: [220_000] }, load: {} },
    ],
    scale: {
      build: build(27.3, 28.71, 10605, 0),
      edit: { file: 'x.md', build: build(26.5, null, 12, 9) },
      bundle: { modules: 2, rawBytes: 64_512, gzipBytes: 23_552, wranglerTotal: '' },
      assets: {
        files: 10605,
        bytes: 235 * MIB,
        largest: { path: 'i/abc.txt', bytes: 1_234_567 },
        folders: {
          i: { files: 257, bytes: 15 * MIB, largest: { path: 'i/abc.txt', bytes: 1_234_567 } },
          b: { files: 10348, bytes: 220 * MIB, largest: { path: 'b/xyz.txt', bytes: 65_000 } },
        },
      },
      startup: {
        app: { listening: 29_500_000, first: { 'article-json': 100_400_000, list: 3_204_500 } },
        bare: { listening: 28_200_000, first: { 'article-json': 69_800_000, list: 221_200 } },
      },
      heap: { app: { usedBytes: 2.2 * MIB, totalBytes: 4.8 * MIB, embedderBytes: 0.9 * MIB }, bare: null },
    },
  };
}

describe('the scale report', () => {
  it('averages every round: a round with a collection counts in the mean, not in the median', () => {
    expect(meanOf([300_000, 300_000, 420_000])).toBe(340_000);
    expect(meanOf([])).toBeUndefined();
    expect(meanOf(undefined)).toBeUndefined();
  });

  it('has the full build and the one edit: wall, CPU, peak RSS, files written and removed; "—" where time was not there', () => {
    expect(buildRows(size().scale!)).toEqual([
      ['full build', '27.30', '28.71', '1320', '10605', '10605', '0'],
      ['one edit (x.md)', '26.50', '—', '—', '10605', '12', '9'],
    ]);
  });

  it('has each of several one-edit rebuilds and, last, their median figure by figure ("—" where one lacks it)', () => {
    const scale = size().scale!;
    const edits = [
      { file: 'x.md', build: build(9.1, 11.2, 27, 27) },
      { file: 'x.md', build: build(8.2, 10.4, 27, 26) },
      { file: 'x.md', build: { ...build(12.6, 14, 29, 29), peakRssBytes: null } },
    ];
    expect(buildRows({ ...scale, edit: edits[0]!, edits }).slice(1)).toEqual([
      ['one edit 1/3 (x.md)', '9.10', '11.20', '1320', '10605', '27', '27'],
      ['one edit 2/3 (x.md)', '8.20', '10.40', '1320', '10605', '27', '26'],
      ['one edit 3/3 (x.md)', '12.60', '14.00', '—', '10605', '29', '29'],
      ['one edit, median of 3', '9.10', '11.20', '—', '10605', '27', '27'],
    ]);
    // A report recorded before --edits (or with one edit) has the single row it had.
    expect(buildRows({ ...scale, edits: [scale.edit] })).toEqual(buildRows(scale));
  });

  it('has the bundle, the asset files and the largest one', () => {
    expect(outputRow(size().scale!)).toEqual(['63.0', '23.0', '10605', '235.0', '1234567 (i/abc.txt)']);
  });

  it('has the asset files by folder, sorted by name', () => {
    expect(folderRows(size().scale!)).toEqual([
      ['b', '10348', '220.0', '65000 (b/xyz.txt)'],
      ['i', '257', '15.0', '1234567 (i/abc.txt)'],
    ]);
  });

  it('counts each target to listening and to its first response, in millions', () => {
    expect(startupRows(size())).toEqual([
      ['app', '29.5 M', '100.4 M', '129.9 M'],
      ['bare floor', '28.2 M', '69.8 M', '98.0 M'],
    ]);
  });

  it("has each route's first request per target beside the app's warm median, in thousands up to ten million", () => {
    expect(firstRequestRows(size())).toEqual([
      ['article JSON', '100.4 M', '69.8 M', '—', '300.0k'],
      ['list', '3204.5k', '221.2k', '—', '330.0k'],
    ]);
  });

  it('has means and medians per target, and app ÷ each floor of the means, then every route together', () => {
    expect(meanRows(size())).toEqual([
      ['article JSON', '340.0k', '300.0k', '220.0k', '220.0k', '270.0k', '270.0k', '1.55×', '1.26×'],
      ['list', '330.0k', '330.0k', '220.0k', '220.0k', '—', '—', '1.50×', '—'],
      // A ratio pools only the routes both targets were counted on: the headers floor has no list.
      ['all routes', '337.5k', '—', '220.0k', '—', '270.0k', '—', '1.53×', '1.26×'],
    ]);
  });

  it('has the heap of each target that was read, in MiB', () => {
    expect(heapRows(size())).toEqual([['app', '2.2', '4.8', '0.9']]);
  });

  it('prints its tables under one heading, and nothing for results without scale figures', () => {
    const report = scaleReport(size());
    expect(report.split('\n').slice(0, 6)).toEqual([
      '## N = 10000 (10000 article(s)): build, output, startup',
      '',
      '| build           | wall s | CPU s | peak RSS MiB | asset files | written | removed |',
      '|-----------------|-------:|------:|-------------:|------------:|--------:|--------:|',
      '| full build      |  27.30 | 28.71 |         1320 |       10605 |   10605 |       0 |',
      '| one edit (x.md) |  26.50 |     — |            — |       10605 |      12 |       9 |',
    ]);
    expect(report).toContain('| target | used MiB | total MiB | embedder MiB |\n|--------|---------:|----------:|-------------:|\n| app    |      2.2 |       4.8 |          0.9 |');
    const { scale: _, ...withoutScale } = size();
    expect(scaleReport(withoutScale)).toBe('');
  });

  it('reports a size whose build stopped: the step, what it cost, and its message as printed', () => {
    const stopped: InstructionSize = {
      size: 100_000,
      articles: 100_000,
      seconds: 600,
      targets: [],
      routes: [],
      failure: { step: 'content build', message: 'Content build failed: 1 problem\nassets: 103608 files over 100,000\n', build: { seconds: 512.5, cpuSeconds: 498.25, peakRssBytes: 8800 * MIB } },
    };
    const expected = [
      '## N = 100000: stopped at the content build after 512.50 s wall, 498.25 s CPU, peak RSS 8800 MiB',
      '',
      '```',
      'Content build failed: 1 problem\nassets: 103608 files over 100,000',
      '```',
    ].join('\n');
    expect(failureReport(stopped)).toBe(expected);
    expect(scaleReport(stopped)).toBe(expected);
    expect(failureReport({ ...stopped, failure: { ...stopped.failure!, build: null } }).split('\n')[0]).toBe('## N = 100000: stopped at the content build');
  });
});

describe("a failed build's message", () => {
  it('keeps how the command ended and its last lines', () => {
    const lines = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`);
    expect(headAndTail(['node build.ts was stopped after 45 min (the time limit):', ...lines].join('\n'), 2)).toBe('node build.ts was stopped after 45 min (the time limit):\n…\nline 19\nline 20');
    expect(headAndTail('node build.ts failed (exit 1):\nContent build failed: 1 problem\n', 2)).toBe('node build.ts failed (exit 1):\nContent build failed: 1 problem');
  });
});

describe("an out-of-memory build's message", () => {
  it("keeps V8's reason and leaves out the native stack trace", () => {
    const printed = [
      'node build.ts failed (exit 134):',
      '<--- Last few GCs --->',
      '[1407:0x1]   370000 ms: Mark-Compact 4050.1 (4130.2) -> 4048.9 (4131.0) MB',
      'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory',
      '----- Native stack trace -----',
      '',
      ' 1: 0x931db0  [node]',
      ' 2: 0x75968e node::OOMErrorHandler(char const*, v8::OOMDetails const&) [node]',
    ].join('\n');
    expect(headAndTail(printed)).toBe(
      [
        'node build.ts failed (exit 134):',
        '<--- Last few GCs --->',
        '[1407:0x1]   370000 ms: Mark-Compact 4050.1 (4130.2) -> 4048.9 (4131.0) MB',
        'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory',
      ].join('\n'),
    );
  });
});
