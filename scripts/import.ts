/**
 * `npm run import -- <story.txt> [--date 2026-11-27] [--slug my-slug] [--out content/articles]`:
 * turns a plain-text wire story into content/articles/<slug>.md. Checks --slug and --date against
 * the content schema before writing; reports every line it does not understand; never overwrites
 * an article.
 */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { SLUG_RULE } from '../src/content/slug';
import { parseCommandLine, usageError, type Command } from './cli';
import { parseWire } from './import/wire';

const IMPORT: Command = {
  name: 'import',
  usage: `usage: npm run import -- <story.txt> [--date <date>] [--slug <slug>] [--out <dir>]

Turns a plain-text wire story into <dir>/<slug>.md; never overwrites an article.
  --date <date>  datePublished: 2026-11-27 or 2026-11-27T08:30:00Z (default: today, with a warning)
  --slug <slug>  the file name, ${SLUG_RULE} (default: from the title)
  --out <dir>    where to write (default: content/articles)
  -h, --help     print this and exit`,
};

const { values, positionals } = parseCommandLine(IMPORT, {
  allowPositionals: true,
  options: {
    date: { type: 'string' },
    slug: { type: 'string' },
    out: { type: 'string', default: 'content/articles' },
  },
});

// Loaded once the command line is read (YAML and the content schema's zod), so --help answers at once.
const [{ articleFile, slugify }, { optionProblems }] = await Promise.all([import('./import/article'), import('./import/options')]);

function fail(...lines: string[]): never {
  for (const line of lines) console.error(`import: ${line}`);
  return process.exit(1);
}

const [input] = positionals;
if (input === undefined || positionals.length > 1) usageError(IMPORT, 'expected exactly one story file');
const problems = optionProblems(values);
if (problems.length > 0) fail(...problems);
const parsed = parseWire(await readFile(input, 'utf8').catch(() => fail(`cannot read ${input}`)));
if (!parsed.ok) fail(`${input}: ${parsed.message}`);
const { story } = parsed;

const slug = values.slug ?? slugify(story.title);
if (slug === '') fail(`the title ${JSON.stringify(story.title)} has no letters a-z or digits to make a slug of; pass --slug`);
const today = new Date().toISOString().slice(0, 10);
if (values.date === undefined) console.warn(`import: the story carries no date; datePublished = ${today} (the import date). Pass --date to set it.`);
const target = join(values.out, `${slug}.md`);
const text = articleFile(story, values.date ?? today, basename(input));

await mkdir(values.out, { recursive: true });
await writeFile(target, text, { flag: 'wx' }).catch(() => fail(`${target} exists; not overwritten (choose another --slug)`));
console.log(`import: ${story.paragraphs.length} paragraphs, source, title${story.alternativeHeadline === null ? '' : ', alternative headline'} -> ${target}`);
for (const { line, text: unmapped } of story.unmapped) {
  console.warn(`import: line ${line} not understood: ${JSON.stringify(unmapped)}; kept as a comment in ${target}, not published`);
}
console.log('Run `npm run build` to validate it.');
