import { describe, expect, it } from 'vitest';
import { instructionsChartSvg } from '../../scripts/bench/chart';
import { countRows, formatCount, formatRatio, instructionSizeReport, loadRows, memoryRows, ratioColumns, ratioRows } from '../../scripts/bench/instruction-report';
import type { Run } from '../../scripts/bench/load';
import type { InstructionSize, TargetInfo } from '../../scripts/bench/results';

// The `--instructions` report and chart are pure functions of the results: fixed results in, exact
// tables and SVG out. A peer serves only the article route, so the list shows "—" for it.

const TARGETS: TargetInfo[] = [
  { name: 'app', label: 'app', kind: 'app' },
  { name: 'bare', label: 'bare floor', kind: 'floor' },
  { name: 'headers', label: 'headers floor', kind: 'floor' },
  { name: 'naive-hono', label: 'naive Hono', kind: 'peer' },
];

const run = (requestsPerSecond: number, p50Ms: number, p99Ms: number): Run => ({
  requestsPerSecond,
  p50Ms,
  p99Ms,
  responses: requestsPerSecond * 2,
  unexpected: 0,
  statuses: { '200': requestsPerSecond * 2 },
  errors: 0,
});

/** N = 1: the peer has the article route only; the app's article JSON was 400k, then 500k at N = 10,000. */
function size(n: number, appArticle: number): InstructionSize {
  return {
    size: n,
    articles: n,
    seconds: 123.4,
    targets: TARGETS,
    routes: [
      {
        name: 'article-json',
        label: 'article JSON',
        counts: { app: [appArticle, appArticle, appArticle], bare: [200_000, 210_000, 190_000], headers: [250_000], 'naive-hono': [1_600_000, 1_600_000] },
        load: { app: [run(9000, 3.1, 8), run(8000, 3.5, 9), run(10_000, 3, 7)], 'naive-hono': [run(2000, 15.25, 40.5)] },
      },
      { name: 'list', label: 'list', counts: { app: [300_000], bare: [150_000], headers: [200_000] }, load: { bare: [] } },
    ],
  };
}

describe('--instructions tables', () => {
  it('formats a median (round CV) in thousands, and "—" for a route the target lacks', () => {
    expect(formatCount([200_000, 210_000, 190_000])).toBe('200.0k (4.1 %)');
    expect(formatCount([1_600_000])).toBe('1600.0k (0.0 %)');
    expect(formatCount(undefined)).toBe('—');
    expect(formatCount([])).toBe('—');
  });

  it('formats a ratio to two decimals, and "—" when either side is missing', () => {
    expect(formatRatio(458_000, 257_000)).toBe('1.78×');
    expect(formatRatio(1_600_000, 400_000)).toBe('4.00×');
    expect(formatRatio(undefined, 400_000)).toBe('—');
    expect(formatRatio(400_000, undefined)).toBe('—');
  });

  it('divides the app by each floor, and each peer by the app', () => {
    expect(ratioColumns(TARGETS)).toEqual([
      { label: 'app ÷ bare floor', numerator: 'app', denominator: 'bare' },
      { label: 'app ÷ headers floor', numerator: 'app', denominator: 'headers' },
      { label: 'naive Hono ÷ app', numerator: 'naive-hono', denominator: 'app' },
    ]);
  });

  it('has a count and a ratio per target and route, "—" where the peer lacks the route', () => {
    expect(countRows(size(1, 400_000))).toEqual([
      ['article JSON', '400.0k (0.0 %)', '200.0k (4.1 %)', '250.0k (0.0 %)', '1600.0k (0.0 %)'],
      ['list', '300.0k (0.0 %)', '150.0k (0.0 %)', '200.0k (0.0 %)', '—'],
    ]);
    expect(ratioRows(size(1, 400_000))).toEqual([
      ['article JSON', '2.00×', '1.60×', '4.00×'],
      ['list', '2.00×', '1.50×', '—'],
    ]);
  });

  it('lists the load medians of each target that was loaded on a route', () => {
    expect(loadRows(size(1, 400_000))).toEqual([
      ['article JSON', 'app', '9000', '3.10', '8.00', '0/0'],
      ['article JSON', 'naive Hono', '2000', '15.25', '40.50', '0/0'],
    ]);
  });

  it('prints the load table under the ratios, when the targets were loaded', () => {
    expect(instructionSizeReport(size(1, 400_000))).toContain(
      [
        '| article JSON |            2.00× |               1.60× |            4.00× |',
        '| list         |            2.00× |               1.50× |                — |',
        '',
        'Secondary, outside valgrind (req/s swing 15–30 % between identical runs here):',
        '',
        '| route        | target     | req/s | p50 ms | p99 ms | bad/errors |',
        '|--------------|------------|------:|-------:|-------:|-----------:|',
        '| article JSON | app        |  9000 |   3.10 |   8.00 |        0/0 |',
        '| article JSON | naive Hono |  2000 |  15.25 |  40.50 |        0/0 |',
        '',
        'N = 1 measured in 123 s (build, callgrind and load).',
      ].join('\n'),
    );
  });

  it('prints the RSS and peak RSS in MiB of each loaded workerd after the load table; a target not measured is left out', () => {
    const memory = { app: { rssBytes: 400 * 1024 * 1024, peakRssBytes: 880.4 * 1024 * 1024 }, bare: null, 'naive-hono': { rssBytes: 150.6 * 1024 * 1024, peakRssBytes: 151 * 1024 * 1024 } };
    const measured = { ...size(1, 400_000), memory };
    expect(memoryRows(measured)).toEqual([
      ['app', '400', '880'],
      ['naive Hono', '151', '151'],
    ]);
    expect(instructionSizeReport(measured)).toContain(
      [
        '| article JSON | naive Hono |  2000 |  15.25 |  40.50 |        0/0 |',
        '',
        'workerd memory after the load runs (each target in its own workerd):',
        '',
        '| target     | RSS MiB | peak RSS MiB |',
        '|------------|--------:|-------------:|',
        '| app        |     400 |          880 |',
        '| naive Hono |     151 |          151 |',
        '',
        'N = 1 measured in 123 s (build, callgrind and load).',
      ].join('\n'),
    );
  });

  it('without load runs: the two markdown tables and the wall time', () => {
    expect(instructionSizeReport({ ...size(1, 400_000), routes: size(1, 400_000).routes.slice(1) })).toBe(
      [
        '## N = 1 (1 article(s)): instructions per request',
        '',
        '| route | app instr/req (CV) | bare floor instr/req (CV) | headers floor instr/req (CV) | naive Hono instr/req (CV) |',
        '|-------|-------------------:|--------------------------:|-----------------------------:|--------------------------:|',
        '| list  |     300.0k (0.0 %) |            150.0k (0.0 %) |               200.0k (0.0 %) |                         — |',
        '',
        '| route | app ÷ bare floor | app ÷ headers floor | naive Hono ÷ app |',
        '|-------|-----------------:|--------------------:|-----------------:|',
        '| list  |            2.00× |               1.50× |                — |',
        '',
        'N = 1 measured in 123 s (build, callgrind and load).',
      ].join('\n'),
    );
  });
});

describe('--instructions chart', () => {
  const sizes = [size(1, 400_000), size(10_000, 500_000)];
  const svg = instructionsChartSvg(sizes);

  it('has one panel per route, side by side, on a log N axis', () => {
    expect(svg).toContain('<svg xmlns="http://www.w3.org/2000/svg" width="960" height="360" viewBox="0 0 960 360"');
    expect(svg).toContain('<text x="240" y="24" text-anchor="middle" font-size="15" font-weight="600">article JSON</text>');
    expect(svg).toContain('<text x="720" y="24" text-anchor="middle" font-size="15" font-weight="600">list</text>');
  });

  it('draws each target through its medians: the app solid, the floors dashed', () => {
    // Article JSON: the y axis runs to 2M (the peer's 1.6M × 1.05, in steps of 500k) over 216 px.
    expect(svg).toContain('<polyline points="72,216.8 460,206" fill="none" stroke="#0072b2" stroke-width="2"/>');
    expect(svg).toContain('<polyline points="72,238.4 460,238.4" fill="none" stroke="#555555" stroke-width="2" stroke-dasharray="6 4"/>');
    expect(svg).toContain('<polyline points="72,87.2 460,87.2" fill="none" stroke="#d55e00" stroke-width="2"/>');
    // List, the second panel: up to 400k.
    expect(svg).toContain('<polyline points="552,98 940,98" fill="none" stroke="#0072b2" stroke-width="2"/>');
  });

  it('leaves a target out of a panel whose route it does not serve', () => {
    expect(svg.match(/>naive Hono<\/text>/g)).toHaveLength(1);
    expect(svg.match(/>app<\/text>/g)).toHaveLength(2);
  });

  it("orders the panels as the largest size's routes: the middle article exists only past N = 1", () => {
    const middle = { name: 'middle-json', label: 'middle article JSON', counts: { app: [420_000] }, load: {} };
    const large = size(10_000, 500_000);
    const titles = instructionsChartSvg([size(1, 400_000), { ...large, routes: [large.routes[0]!, middle, large.routes[1]!] }]).match(/(?<=font-weight="600">)[^<]+/g);
    expect(titles).toEqual(['article JSON', 'middle article JSON', 'list']);
  });

  it('is the same bytes for the same results', () => {
    expect(instructionsChartSvg(structuredClone(sizes))).toBe(svg);
  });
});
