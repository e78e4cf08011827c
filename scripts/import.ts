/**
 * `npm run import -- <story.txt> [--date 2026-11-27] [--slug my-slug] [--out content/articles]`:
 * turns a plain-text wire story into content/articles/<slug>.md. Reports every line it does not
 * understand; never overwrites an article.
 */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { articleFile, slugify } from './import/article';
import { parseWire } from './import/wire';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    date: { type: 'string' },
    slug: { type: 'string' },
    out: { type: 'string', default: 'content/articles' },
  },
});

function fail(message: string): never {
  console.error(`import: ${message}`);
  return process.exit(1);
}

const [input] = positionals;
if (input === undefined || positionals.length > 1) fail('usage: npm run import -- <story.txt> [--date YYYY-MM-DD] [--slug slug] [--out dir]');
const parsed = parseWire(await readFile(input, 'utf8').catch(() => fail(`cannot read ${input}`)));
if (!parsed.ok) fail(`${input}: ${parsed.message}`);
const { story } = parsed;

const today = new Date().toISOString().slice(0, 10);
if (values.date === undefined) console.warn(`import: the story carries no date; datePublished = ${today} (the import date). Pass --date to set it.`);
const slug = values.slug ?? slugify(story.title);
const target = join(values.out, `${slug}.md`);
const text = articleFile(story, values.date ?? today, basename(input));

await mkdir(values.out, { recursive: true });
await writeFile(target, text, { flag: 'wx' }).catch(() => fail(`${target} exists; not overwritten (choose another --slug)`));
console.log(`import: ${story.paragraphs.length} paragraphs, source, title${story.alternativeHeadline === null ? '' : ', alternative headline'} -> ${target}`);
for (const { line, text: unmapped } of story.unmapped) {
  console.warn(`import: line ${line} not understood: ${JSON.stringify(unmapped)}; kept as a comment in ${target}, not published`);
}
console.log('Run `npm run build` to validate it.');
