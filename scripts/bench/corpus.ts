/**
 * A deterministic synthetic archive of news articles for the benchmark: same count and seed in,
 * same files out. Text is drawn from a few hundred real English words so compression ratios are
 * those of prose, and every character is ASCII (so never U+E000, which the build reserves).
 *
 * CLI: `npm run corpus -- --count 1000 --out /tmp/corpus [--seed 1] [--images] [--force]`
 */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseCommandLine, usageError, type Command } from '../cli';

/** One article file: its name (`<slug>.md`) and its text, and its lead image's file name and seed when the corpus has pictures. */
export interface CorpusFile {
  file: string;
  text: string;
  picture?: { file: string; seed: number };
}

/** The corpus's lead images: 1600×900 (16:9, over the 1,200 px a lead needs), as a newsroom's CMS exports them. */
export const PICTURE = { width: 1600, height: 900, quality: 82 } as const;

const FUNCTION_WORDS = words(`
  the the the the of of of and and and to to to in in a a that for on with as by at from is was
  has have had will would could may its their this these which who after before over under
  between about against during into than more most also not but or while when where since
`);

export const CONTENT_WORDS = words(`
  government minister president council committee parliament election vote voters campaign party
  policy budget tax taxes spending economy economic growth inflation prices market markets trade
  exports imports industry company companies business workers jobs wages union strike factory
  energy oil gas power grid solar wind climate weather storm flood drought rain harvest farmers
  crops water river coast port city cities town village region province state country nation
  border security military army forces troops police court judge law lawyers trial ruling appeal
  rights protest protesters crowd streets capital officials spokesman statement report reports
  data survey study research scientists university students school schools teachers children
  families health hospital doctors patients disease vaccine clinic care insurance pension housing
  rent homes building construction roads railway airport flights transport traffic bridge tunnel
  bank banks lending rates debt bonds investors shares stocks profits losses revenue quarter year
  month week morning evening night agreement deal talks negotiations summit leaders allies partners
  neighbours international global local national regional federal public private official
  senior former new recent major minor early late key main central northern southern eastern western
  significant strong weak rising falling higher lower large small long short fresh further broader
  wider clear uncertain difficult important possible likely expected planned proposed announced said
  told added warned noted argued claimed confirmed denied reported described called urged asked
  agreed approved rejected passed signed launched opened closed raised cut increased reduced
  expanded delayed suspended resumed returned moved began continued remained became appeared
  seemed showed found gave took made kept held brought sent received offered provided supported
  opposed backed criticised welcomed defended faced met visited joined left led helped tried
  plan plans project programme scheme reform reforms measure measures rule rules standard standards
  system systems service services network networks technology software platform device devices
  internet phone phones computer chips data privacy security cyber attack attacks threat threats
  risk risks crisis conflict war peace ceasefire aid relief support funding investment fund funds
  million billion percent dozens hundreds thousands number share rate level levels period decade
  history future question questions issue issues problem problems challenge challenges answer
  response decision decisions change changes effort efforts step steps process progress pressure
  impact effect effects result results evidence sign signs view views position role part side
  people residents citizens voters consumers customers users members staff leaders experts analysts
  observers critics supporters opponents authorities agency agencies ministry department office
  board commission group groups organisation organisations association coalition alliance bloc
  team teams match season league club players coach fans stadium title cup final victory defeat
  music film festival artists museum exhibition book books author writers culture theatre audience
  science space mission satellite rocket launch planet ocean forest wildlife species habitat
  carbon emissions pollution waste recycling electric vehicles cars batteries charging fuel
  island mountain valley desert lake harbour field fields street square district neighbourhood
`);

const TAGS = words(`
  politics economy business markets trade energy climate environment weather science technology
  health education housing transport infrastructure security defence diplomacy elections courts
  justice crime police migration labour agriculture food water finance banking tax budget culture
  arts music film books sport football athletics space research data privacy cyber internet media
  africa asia europe americas middle-east pacific sahel arctic cities rural industry manufacturing
  tourism aviation shipping
`);

const AUTHORS = [
  'Amara Okafor', 'Ben Whitfield', 'Carla Mendes', 'Daniel Osei', 'Elena Petrova', 'Farid Haddad',
  'Grace Lindqvist', 'Hiro Tanaka', 'Ines Duarte', 'Jonas Weber', 'Kemi Adeyemi', 'Liam Gallagher',
  'Maya Chen', 'Nadia Rahman', 'Oscar Villanueva', 'Priya Nair', 'Quentin Moreau', 'Rosa Alvarez',
  'Samuel Mensah', 'Tara Kowalski', 'Umar Sani', 'Vera Novak', 'William Achebe', 'Xenia Ivanova',
  'Yusuf Demir', 'Zoe Fitzgerald', 'Aiko Watanabe', 'Bruno Costa', 'Chloe Dubois', 'David Kim',
  'Esther Mwangi', 'Felix Andersen', 'Gabriela Rossi', 'Hassan Ali', 'Isabel Ortega', 'Jack Turner',
  'Kwame Boateng', 'Lucia Ferrari', 'Mateo Silva', 'Nina Berg',
];

const SOURCES = ['Ap news', 'Reuters', 'Agence France-Presse', 'Staff reporting'];

/** Newest article's publication instant; older ones step back from it. */
const NEWEST = Date.parse('2026-11-01T12:00:00Z');
const HOUR_SECONDS = 3600;
/** Body length bounds in words (the median is 650). */
const MIN_WORDS = 150;
const MAX_WORDS = 2500;

function words(list: string): string[] {
  return list.trim().split(/\s+/);
}

/** mulberry32: a small, fast, seedable PRNG; uniform in [0, 1). */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Random helpers over one PRNG stream. */
class Dice {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(probability: number): boolean {
    return this.next() < probability;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  /** `count` distinct items, in pool order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const chosen = new Set<number>();
    while (chosen.size < count) chosen.add(Math.floor(this.next() * items.length));
    return [...chosen].sort((a, b) => a - b).map((index) => items[index]!);
  }
  /** Log-normal with the given median (Box-Muller over two uniforms). */
  logNormal(median: number, sigma: number): number {
    const normal = Math.sqrt(-2 * Math.log(1 - this.next())) * Math.cos(2 * Math.PI * this.next());
    return median * Math.exp(sigma * normal);
  }
}

const capitalise = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

/** A run of words, roughly 40% function words as in English prose. */
function phrase(dice: Dice, count: number): string[] {
  return Array.from({ length: count }, () => (dice.chance(0.4) ? dice.pick(FUNCTION_WORDS) : dice.pick(CONTENT_WORDS)));
}

/** One sentence of 8–30 words, sometimes with a comma; `marked` adds the odd emphasis or link. */
function sentence(dice: Dice, marked = true): string {
  const parts = phrase(dice, dice.int(8, 30));
  if (parts.length > 12 && dice.chance(0.5)) parts[dice.int(4, parts.length - 5)] += ',';
  if (!marked) return `${capitalise(parts.join(' '))}.`;
  if (dice.chance(0.05)) {
    const at = dice.int(1, parts.length - 1);
    parts[at] = `*${parts[at]}*`;
  }
  if (dice.chance(0.03)) {
    const at = dice.int(1, parts.length - 2);
    const text = `${parts[at]} ${parts[at + 1]}`.replace(/,/g, '');
    parts.splice(at, 2, `[${text}](https://example.com/${dice.pick(TAGS)}/${dice.int(1000, 9999)})`);
  }
  return `${capitalise(parts.join(' '))}.`;
}

/**
 * The body: paragraphs of 2–5 sentences, with the odd heading, quote or list, until about `target`
 * words (stopping half a paragraph short, so the overshoot averages out).
 */
function body(dice: Dice, target: number): string {
  const blocks: string[] = [];
  let count = 0;
  const add = (block: string): void => {
    blocks.push(block);
    count += block.split(/\s+/).length - (block.match(/^[#>-]+ /gm)?.length ?? 0);
  };
  while (count < Math.max(target - 30, MIN_WORDS)) {
    if (blocks.length > 2 && dice.chance(0.1)) add(`## ${capitalise(phrase(dice, dice.int(2, 6)).join(' '))}`);
    if (blocks.length > 0 && dice.chance(0.05)) add(`> ${sentence(dice)}`);
    if (blocks.length > 0 && dice.chance(0.04)) {
      add(Array.from({ length: dice.int(3, 5) }, () => `- ${capitalise(phrase(dice, dice.int(3, 8)).join(' '))}`).join('\n'));
    }
    add(Array.from({ length: dice.int(2, 5) }, () => sentence(dice)).join(' '));
  }
  return blocks.join('\n\n');
}

const isoInstant = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');

/** The slug: the first few title words and the index, at most 60 characters. */
function slugFor(title: string, index: number): string {
  const suffix = `-${index}`;
  let slug = '';
  for (const word of title.toLowerCase().split(' ').slice(0, 5)) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length + suffix.length > 60) break;
    slug = next;
  }
  return `${slug}${suffix}`;
}

/** One article's front matter and body; `published` is its publication instant in ms. With `pictures`, a lead image (drawing no dice: the text stays the same otherwise). */
function article(dice: Dice, index: number, published: number, pictures: boolean): CorpusFile {
  const title = Array.from({ length: dice.int(5, 12) }, () => capitalise(dice.pick(CONTENT_WORDS))).join(' ');
  const lines = ['---', `title: ${JSON.stringify(title)}`];
  if (dice.chance(0.3)) lines.push(`alternativeHeadline: ${JSON.stringify(capitalise(phrase(dice, dice.int(4, 9)).join(' ')))}`);
  if (dice.chance(0.7)) lines.push(`description: ${JSON.stringify(sentence(dice, false))}`);
  lines.push(`datePublished: ${isoInstant(published)}`);
  if (dice.chance(0.2)) lines.push(`dateModified: ${isoInstant(published + dice.int(10, 72 * 60) * 60_000)}`);
  // Inline bylines ({ name }): a bare string would be an author id, naming a file in content/authors/.
  lines.push(`authors: ${JSON.stringify(dice.sample(AUTHORS, dice.int(1, 2)).map((name) => ({ name })))}`);
  if (dice.chance(0.4)) lines.push(`source: ${JSON.stringify(dice.pick(SOURCES))}`);
  lines.push(`tags: [${dice.sample(TAGS, dice.int(1, 4)).join(', ')}]`, 'lang: en');
  const slug = slugFor(title, index);
  if (pictures) lines.push('image:', `  src: ${slug}.jpg`, `  alt: ${JSON.stringify(`A scene from the story: ${title.toLowerCase()}`)}`, `  credit: ${JSON.stringify(`Photo: ${AUTHORS[index % AUTHORS.length]!}`)}`);
  lines.push('---');
  const words = Math.round(Math.min(MAX_WORDS, Math.max(MIN_WORDS, dice.logNormal(650, 0.6))));
  const text = `${lines.join('\n')}\n\n${body(dice, words)}\n`;
  return pictures ? { file: `${slug}.md`, text, picture: { file: `${slug}.jpg`, seed: index + 1 } } : { file: `${slug}.md`, text };
}

/**
 * `count` articles, newest first: index 0 is published at 2026-11-01T12:00:00Z and each next one
 * one to six hours (irregularly) earlier, so the order by date is strict. Pure and deterministic,
 * and prefix-stable: the first k articles are the same for any count ≥ k (so every synthetic size
 * in the benchmark serves the same newest article).
 */
export function generateCorpus(count: number, seed = 1, pictures = false): CorpusFile[] {
  return [...corpusFiles(count, seed, pictures)];
}

/** generateCorpus one file at a time: a million articles are 4 GB of text, written as they are made. */
export function* corpusFiles(count: number, seed = 1, pictures = false): Generator<CorpusFile> {
  const dice = new Dice(seed);
  let published = NEWEST;
  for (let index = 0; index < count; index++) {
    yield article(dice, index, published, pictures);
    published -= dice.int(HOUR_SECONDS, 6 * HOUR_SECONDS) * 1000;
  }
}

/** The first release of `scheduledFiles`: far enough ahead that a measurement is always before it. */
export const FIRST_RELEASE = Date.parse('2099-01-01T09:00:00Z');

/**
 * `count` articles scheduled (issue 19): a corpus of another seed, the i-th released i hours after
 * FIRST_RELEASE (an instant of its own each), named `scheduled-<i>-…` so they never take a synthetic slug.
 */
export function* scheduledFiles(count: number): Generator<CorpusFile> {
  let index = 0;
  for (const file of corpusFiles(count, 2)) {
    const release = isoInstant(FIRST_RELEASE + index * HOUR_SECONDS * 1000);
    // Its datePublished is the release, and a dateModified before it would be refused: none.
    const text = file.text.replace(/^datePublished: .*$/m, `datePublished: ${release}`).replace(/^dateModified: .*\n/m, '');
    yield { file: `scheduled-${index}-${file.file}`, text };
    index++;
  }
}

/**
 * Writes the files into `dir`, creating it. A non-empty `dir` is refused unless `force`, which
 * empties it first, and then only if it holds nothing but Markdown files (a slip of `--out` must
 * not wipe a project).
 */
export async function writeCorpus(dir: string, files: Iterable<CorpusFile>, force = false): Promise<void> {
  const existing = await readdir(dir, { withFileTypes: true }).catch(() => []);
  if (existing.length > 0) {
    if (!force) throw new Error(`${dir} is not empty (pass --force to empty it first)`);
    const foreign = existing.filter((entry) => !entry.isFile() || !/\.(?:md|jpg)$/.test(entry.name));
    if (foreign.length > 0) throw new Error(`${dir} holds more than Markdown files and their pictures (${foreign[0]!.name}); not emptying it`);
    await Promise.all(existing.map((entry) => rm(join(dir, entry.name))));
  }
  await addToFolder(dir, files);
}

/** Writes the files into `dir`, creating it, beside what it holds (the benchmark adds its corpus to the real articles); each lead image beside its article. */
export async function addToFolder(dir: string, files: Iterable<CorpusFile>): Promise<void> {
  await mkdir(dir, { recursive: true });
  // Loaded only for a corpus with pictures: sharp is native, and most corpora have none.
  let photo: typeof import('./photo').photoLike | undefined;
  for (const { file, text, picture } of files) {
    await writeFile(join(dir, file), text);
    if (picture === undefined) continue;
    photo ??= (await import('./photo')).photoLike;
    await writeFile(join(dir, picture.file), await photo(PICTURE.width, PICTURE.height, picture.seed, PICTURE.quality));
  }
}

const CORPUS: Command = {
  name: 'corpus',
  usage: `usage: npm run corpus -- --out <dir> [--count <n>] [--seed <integer>] [--images] [--force]

Writes a deterministic synthetic archive of Markdown articles (the benchmark's corpus).
  --out <dir>         where to write; must be empty or missing
  --count <n>         number of articles, ≥ 1 (default: 1000)
  --seed <integer>    another seed, another archive (default: 1)
  --images            a lead image for every article: <slug>.jpg beside it, a photo-like
                      ${PICTURE.width}×${PICTURE.height} JPEG (seeded, the same every run), and its image: front matter
  --force             empty <dir> first (only if it holds nothing but .md and .jpg files)
  -h, --help          print this and exit`,
};

async function main(): Promise<void> {
  const { values } = parseCommandLine(CORPUS, {
    options: {
      count: { type: 'string', default: '1000' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string' },
      force: { type: 'boolean', default: false },
      images: { type: 'boolean', default: false },
    },
  });
  const count = Number(values.count);
  const seed = Number(values.seed);
  if (!Number.isInteger(count) || count < 1) usageError(CORPUS, `--count must be a whole number ≥ 1, not ${values.count}`);
  if (!Number.isInteger(seed)) usageError(CORPUS, `--seed must be an integer, not ${values.seed}`);
  if (values.out === undefined) usageError(CORPUS, '--out is required');
  const dir = resolve(values.out);
  await writeCorpus(dir, corpusFiles(count, seed, values.images), values.force);
  console.log(`Wrote ${count} article(s)${values.images ? ` and ${count} lead image(s)` : ''} to ${dir}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await main().catch((error: unknown) => {
    console.error(`corpus: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  });
}
