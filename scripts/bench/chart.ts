/**
 * The benchmark chart as hand-written SVG: requests/s, requests/s as a fraction of the floor's,
 * and startup time against archive size N (log scale); and, for `--instructions`, instructions per
 * request by route and target. Same results in, same bytes out.
 */
import { median, summarize } from './load';
import { versusFloor } from './report';
import { roundSummary } from './instructions';
import type { InstructionSize, SizeResult, TargetInfo, TargetName } from './results';

interface Series {
  label: string;
  color: string;
  dashed?: boolean;
  points: [number, number][];
}

interface Panel {
  title: string;
  yLabel: string;
  series: Series[];
}

const PANEL = { width: 480, height: 360, left: 72, right: 20, top: 44, bottom: 100 };
/** Height of a legend row; a panel fits two rows of two entries, more rows make it taller. */
const LEGEND_ROW = 20;
const FONT = 'font-family="system-ui, sans-serif"';

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const px = (value: number): string => String(Math.round(value * 10) / 10);

/** 1, 100, 1k, 10k, 1.5k… */
function short(value: number): string {
  if (value >= 1000) return `${Number((value / 1000).toPrecision(3))}k`;
  return String(Number(value.toPrecision(3)));
}

/** A round step giving about five ticks up to `max`. */
function niceStep(max: number): number {
  const raw = max / 5;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 2.5, 5, 10].map((factor) => factor * magnitude).find((step) => step >= raw) ?? 10 * magnitude;
}

/** Where a panel goes in the SVG: its top-left corner. */
interface Origin {
  x: number;
  y: number;
}

function panelSvg(panel: Panel, origin: Origin, sizes: readonly number[]): string {
  const { x: offsetX, y: offsetY } = origin;
  const top = offsetY + PANEL.top;
  const plotWidth = PANEL.width - PANEL.left - PANEL.right;
  const plotHeight = PANEL.height - PANEL.top - PANEL.bottom;
  const [minLog, maxLog] = [Math.log10(Math.min(...sizes)), Math.log10(Math.max(...sizes))];
  const x = (n: number): number =>
    offsetX + PANEL.left + (maxLog === minLog ? plotWidth / 2 : ((Math.log10(n) - minLog) / (maxLog - minLog)) * plotWidth);
  const maxValue = Math.max(1, ...panel.series.flatMap((series) => series.points.map(([, value]) => value)));
  const step = niceStep(maxValue * 1.05);
  const yMax = Math.ceil((maxValue * 1.05) / step) * step;
  const y = (value: number): number => top + plotHeight - (value / yMax) * plotHeight;
  const parts: string[] = [
    `<text x="${px(offsetX + PANEL.width / 2)}" y="${px(offsetY + 24)}" text-anchor="middle" font-size="15" font-weight="600">${escape(panel.title)}</text>`,
  ];
  for (let value = 0; value <= yMax + step / 2; value += step) {
    parts.push(
      `<line x1="${px(offsetX + PANEL.left)}" x2="${px(offsetX + PANEL.left + plotWidth)}" y1="${px(y(value))}" y2="${px(y(value))}" stroke="#e3e3e3"/>`,
      `<text x="${px(offsetX + PANEL.left - 8)}" y="${px(y(value) + 4)}" text-anchor="end" font-size="12">${short(value)}</text>`,
    );
  }
  for (const n of sizes) {
    parts.push(
      `<line x1="${px(x(n))}" x2="${px(x(n))}" y1="${px(top)}" y2="${px(top + plotHeight)}" stroke="#f0f0f0"/>`,
      `<text x="${px(x(n))}" y="${px(top + plotHeight + 18)}" text-anchor="middle" font-size="12">${short(n)}</text>`,
    );
  }
  parts.push(
    `<rect x="${px(offsetX + PANEL.left)}" y="${px(top)}" width="${plotWidth}" height="${plotHeight}" fill="none" stroke="#888"/>`,
    `<text x="${px(offsetX + PANEL.left + plotWidth / 2)}" y="${px(top + plotHeight + 40)}" text-anchor="middle" font-size="12">articles in the archive, N (log scale)</text>`,
    `<text transform="translate(${px(offsetX + 18)} ${px(top + plotHeight / 2)}) rotate(-90)" text-anchor="middle" font-size="12">${escape(panel.yLabel)}</text>`,
  );
  panel.series.forEach((series, index) => {
    const dash = series.dashed ? ' stroke-dasharray="6 4"' : '';
    const points = series.points.map(([n, value]) => `${px(x(n))},${px(y(value))}`).join(' ');
    parts.push(`<polyline points="${points}" fill="none" stroke="${series.color}" stroke-width="2"${dash}/>`);
    for (const [n, value] of series.points) parts.push(`<circle cx="${px(x(n))}" cy="${px(y(value))}" r="3.5" fill="${series.color}"/>`);
    const legendX = offsetX + PANEL.left + (index % 2) * (plotWidth / 2);
    const legendY = top + plotHeight + 64 + Math.floor(index / 2) * LEGEND_ROW;
    parts.push(
      `<line x1="${px(legendX)}" x2="${px(legendX + 24)}" y1="${px(legendY - 4)}" y2="${px(legendY - 4)}" stroke="${series.color}" stroke-width="2"${dash}/>`,
      `<text x="${px(legendX + 30)}" y="${px(legendY)}" font-size="12">${escape(series.label)}</text>`,
    );
  });
  return parts.join('\n  ');
}

/** Median app (or floor) req/s on a route at each size. */
function throughput(sizes: readonly SizeResult[], route: string, target: TargetName): [number, number][] {
  return sizes.flatMap((size): [number, number][] => {
    const runs = size.routes.find((candidate) => candidate.name === route)?.runs[target];
    return runs && runs.length > 0 ? [[size.size, summarize(runs).requestsPerSecond]] : [];
  });
}

/** App ÷ floor req/s on a route at each size, from paired rounds. */
function ratioToFloor(sizes: readonly SizeResult[], route: string): [number, number][] {
  return sizes.flatMap((size): [number, number][] => {
    const found = size.routes.find((candidate) => candidate.name === route);
    const ratio = found && versusFloor(found);
    return ratio ? [[size.size, ratio.rps]] : [];
  });
}

/** The chart's SVG text. */
export function chartSvg(sizes: readonly SizeResult[]): string {
  const ns = sizes.map((size) => size.size);
  const panels: Panel[] = [
    {
      title: 'Throughput (median req/s)',
      yLabel: 'requests per second',
      series: [
        { label: 'article JSON', color: '#0072b2', points: throughput(sizes, 'article-json', 'app') },
        { label: 'article HTML', color: '#d55e00', points: throughput(sizes, 'article-html', 'app') },
        { label: 'list', color: '#009e73', points: throughput(sizes, 'list', 'app') },
        { label: 'floor (article JSON)', color: '#555555', dashed: true, points: throughput(sizes, 'article-json', 'floor') },
      ],
    },
    {
      title: 'App ÷ floor, req/s (paired rounds)',
      yLabel: 'fraction of the floor',
      series: [
        { label: 'article JSON', color: '#0072b2', points: ratioToFloor(sizes, 'article-json') },
        { label: 'article HTML', color: '#d55e00', points: ratioToFloor(sizes, 'article-html') },
        { label: 'list', color: '#009e73', points: ratioToFloor(sizes, 'list') },
        { label: 'goal for articles: 0.9', color: '#555555', dashed: true, points: ns.map((n): [number, number] => [n, 0.9]) },
      ],
    },
    {
      title: 'Startup to first response (median ms)',
      yLabel: 'milliseconds',
      series: [
        { label: 'app', color: '#0072b2', points: sizes.map((size) => [size.size, median(size.startup.appMs)]) },
        { label: 'floor + same content module', color: '#cc79a7', dashed: true, points: sizes.map((size) => [size.size, median(size.startup.floorContentMs)]) },
        { label: 'floor', color: '#555555', dashed: true, points: sizes.map((size) => [size.size, median(size.startup.floorMs)]) },
      ],
    },
  ];
  const width = PANEL.width * panels.length;
  const description =
    `Left: median requests per second of the app for article JSON, article HTML and the list, and of a constant-response floor Worker, ` +
    `against archive size N = ${ns.join(', ')}. Middle: the app's requests per second as a fraction of the floor's, median over paired rounds, with the 0.9 goal. Right: median time from starting workerd to the first response: app, floor carrying the same content module unused, and floor.`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${PANEL.height}" viewBox="0 0 ${width} ${PANEL.height}" role="img" aria-labelledby="title desc" ${FONT} fill="#222">
  <title id="title">edgewire benchmark: throughput and startup against archive size</title>
  <desc id="desc">${escape(description)}</desc>
  <rect width="${width}" height="${PANEL.height}" fill="#ffffff"/>
  ${panels.map((panel, index) => panelSvg(panel, { x: index * PANEL.width, y: 0 }, ns)).join('\n  ')}
</svg>
`;
}

/** Colours by kind, in target order: the app solid blue, floors dashed greys, peers solid. */
const TARGET_STYLES = {
  app: [{ color: '#0072b2' }],
  floor: [{ color: '#555555', dashed: true }, { color: '#cc79a7', dashed: true }, { color: '#999999', dashed: true }],
  peer: [{ color: '#d55e00' }, { color: '#009e73' }, { color: '#e69f00' }, { color: '#56b4e9' }, { color: '#f0e442' }],
} satisfies Record<TargetInfo['kind'], { color: string; dashed?: boolean }[]>;

/** Every target and route of the sizes, each once, in the order first seen. */
function firstSeen<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...new Map(items.map((item) => [key(item), item] as const)).values()];
}

/** A target's median instructions per request on a route at each size that counted it. */
function instructionPoints(sizes: readonly InstructionSize[], route: string, target: string): [number, number][] {
  return sizes.flatMap((size): [number, number][] => {
    const rounds = size.routes.find((candidate) => candidate.name === route)?.counts[target];
    return rounds && rounds.length > 0 ? [[size.size, roundSummary(rounds).median]] : [];
  });
}

const COLUMNS = 3;

/**
 * The `--instructions` chart: one panel per route, a line per target (app, floors, peers) of the
 * median instructions per request against N, log x axis; a target without the route is left out
 * of that panel.
 */
export function instructionsChartSvg(sizes: readonly InstructionSize[]): string {
  const ns = sizes.map((size) => size.size);
  const targets = firstSeen(sizes.flatMap((size) => size.targets), (target) => target.name);
  // Routes in the largest size's order (the middle article exists only past N = 1).
  const routes = firstSeen([...sizes].reverse().flatMap((size) => size.routes), (route) => route.name);
  const styleOf = (target: TargetInfo): { color: string; dashed?: boolean } => {
    const styles = TARGET_STYLES[target.kind];
    const index = targets.filter((other) => other.kind === target.kind).indexOf(target);
    return styles[index % styles.length]!;
  };
  const panels: Panel[] = routes.map((route) => ({
    title: route.label,
    yLabel: 'instructions per request',
    series: targets
      .map((target) => ({ label: target.label, ...styleOf(target), points: instructionPoints(sizes, route.name, target.name) }))
      .filter((series) => series.points.length > 0),
  }));
  const legendRows = Math.max(2, ...panels.map((panel) => Math.ceil(panel.series.length / 2)));
  const cellHeight = PANEL.height + (legendRows - 2) * LEGEND_ROW;
  const columns = Math.min(COLUMNS, Math.max(1, panels.length));
  const width = PANEL.width * columns;
  const height = cellHeight * Math.max(1, Math.ceil(panels.length / columns));
  const description =
    `Median instructions per request (valgrind callgrind, V8 --single-threaded) against archive size N = ${ns.join(', ')}, one panel per route: ` +
    `${targets.map((target) => target.label).join(', ')}.`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="title desc" ${FONT} fill="#222">
  <title id="title">edgewire benchmark: instructions per request against archive size</title>
  <desc id="desc">${escape(description)}</desc>
  <rect width="${width}" height="${height}" fill="#ffffff"/>
  ${panels.map((panel, index) => panelSvg(panel, { x: (index % columns) * PANEL.width, y: Math.floor(index / columns) * cellHeight }, ns)).join('\n  ')}
</svg>
`;
}
