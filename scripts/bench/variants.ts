/**
 * What making picture variants at build time would cost (issue 18, option (a)): one photo-like
 * picture encoded by sharp at each width the pages would use, in each format, on one core, with
 * the time and bytes of each. Prints a table; the measurement behind docs/PERFORMANCE.md,
 * "Pictures: how the variants are made".
 */
import { parseCommandLine, usageError, type Command } from '../cli';

const COMMAND: Command = {
  name: 'variants',
  usage: `usage: tsx scripts/bench/variants.ts [--width <px>] [--height <px>] [--rounds <n>]

Makes a photo-like picture (smooth colour fields and film grain, seeded: the same every run), then
encodes it with sharp on one thread at 400, 800, 1200 and 1600 px wide as JPEG (mozjpeg, q80),
WebP (q75) and AVIF (q50, effort 4), --rounds times each, and prints each variant's bytes and its
median time, and what one picture and 1,000 and 10,000 pictures would take.
  --width <px>     the source picture's width (default 3000)
  --height <px>    its height (default 2000)
  --rounds <n>     encodings of each variant (default 3)
  -h, --help       print this and exit`,
};

const { values } = parseCommandLine(COMMAND, { options: { width: { type: 'string', default: '3000' }, height: { type: 'string', default: '2000' }, rounds: { type: 'string', default: '3' } } });
const [width, height, rounds] = [values.width, values.height, values.rounds].map(Number) as [number, number, number];
if (![width, height, rounds].every((value) => Number.isInteger(value) && value > 0)) usageError(COMMAND, 'expected whole numbers above 0');
// Loaded once the command line is read, so that --help answers at once.
const [{ default: sharp }, { photoLike }] = await Promise.all([import('sharp'), import('./photo')]);
sharp.concurrency(1);

const WIDTHS = [400, 800, 1200, 1600];
const FORMATS = [
  ['jpeg', { quality: 80, mozjpeg: true }],
  ['webp', { quality: 75 }],
  ['avif', { quality: 50, effort: 4 }],
] as const;

const source = await photoLike(width, height, 18);
console.log(`source: ${width}×${height} JPEG, ${source.length} bytes; sharp ${sharp.versions.sharp}, libvips ${sharp.versions.vips}, one thread, median of ${rounds}`);
const rows: string[][] = [];
const totals = new Map<string, number>();
for (const [format, options] of FORMATS) {
  for (const target of WIDTHS) {
    const times: number[] = [];
    let bytes = 0;
    for (let round = 0; round < rounds; round++) {
      const started = performance.now();
      bytes = (await sharp(source).resize(target).toFormat(format, options).toBuffer()).length;
      times.push(performance.now() - started);
    }
    const median = times.sort((a, b) => a - b)[Math.floor((times.length - 1) / 2)]!;
    totals.set(format, (totals.get(format) ?? 0) + median);
    rows.push([format, String(target), String(bytes), median.toFixed(0)]);
  }
}
const widths = rows.map((row) => row.map((cell) => cell.length)).reduce((a, b) => a.map((value, at) => Math.max(value, b[at]!)), [6, 5, 5, 8]);
const line = (cells: readonly string[]) => cells.map((cell, at) => cell.padStart(widths[at]!)).join('  ');
console.log(line(['format', 'width', 'bytes', 'ms, one']));
for (const row of rows) console.log(line(row));
for (const [format, ms] of totals) {
  console.log(`${format}: ${(ms / 1000).toFixed(2)} s a picture for ${WIDTHS.length} widths; 1,000 pictures ${((ms * 1000) / 3_600_000).toFixed(2)} h, 10,000 pictures ${((ms * 10_000) / 3_600_000).toFixed(1)} h on one core`);
}
