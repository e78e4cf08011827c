/**
 * `npm run import -- <story.txt|story.json> [--date 2026-11-27] [--slug my-slug] [--out content/articles]
 * [--image photo.jpg --alt "…" --credit "…" [--caption "…"]]`: turns a plain-text wire story, or
 * an IPTC ninjs story (`.json`: import/ninjs-command.ts), into content/articles/<slug>.md, and its
 * photo into <slug>.<ext> beside it as the lead image. Checks the options against the content
 * schema and the photo as the build will, before writing; reports every line it does not
 * understand; never overwrites an article or a picture (but a newer version of a ninjs story it
 * imported, which updates that story's article).
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { SLUG_RULE } from '../src/content/slug';
import { parseCommandLine, usageError, type Command } from './cli';
import { parseWire } from './import/wire';

const IMPORT: Command = {
  name: 'import',
  usage: `usage: npm run import -- <story.txt|story.json> [--date <date>] [--slug <slug>] [--out <dir>]
                          [--image <photo> --alt <text> --credit <text> [--caption <text>]]

Turns a plain-text wire story, or an IPTC ninjs story (a .json file), into <dir>/<slug>.md, and a
wire photo into <dir>/<slug>.<ext> beside it as the article's lead image; never overwrites an
article or a picture. A ninjs story's featureimage, a file beside it, is its lead image; a newer
version of a ninjs story imported before (the same uri) updates its article, and pubStatus
canceled withdraws it.
  --date <date>      datePublished: 2026-11-27 or 2026-11-27T08:30:00Z (default: ninjs firstCreated, else today, with a warning)
  --slug <slug>      the file name, ${SLUG_RULE} (default: ninjs slugline when it is one, else from the title)
  --out <dir>        where to write (default: content/articles)
  --image <photo>    the lead image: a JPEG, PNG, WebP, AVIF or GIF at least 1200 px wide
  --alt <text>       what the picture shows, for readers who cannot see it (with --image)
  --credit <text>    who made the picture, such as "Photo: Jane Doe/AP" (with --image)
  --caption <text>   the caption under the picture (optional)
  -h, --help         print this and exit`,
};

const { values, positionals } = parseCommandLine(IMPORT, {
  allowPositionals: true,
  options: {
    date: { type: 'string' },
    slug: { type: 'string' },
    out: { type: 'string', default: 'content/articles' },
    image: { type: 'string' },
    alt: { type: 'string' },
    credit: { type: 'string' },
    caption: { type: 'string' },
  },
});

// Loaded once the command line is read (YAML and the content schema's zod), so --help answers at once.
const [{ articleFile, slugify }, { optionProblems }, { readPhoto }] = await Promise.all([import('./import/article'), import('./import/options'), import('./import/photo')]);

function fail(...lines: string[]): never {
  for (const line of lines) console.error(`import: ${line}`);
  return process.exit(1);
}

const [input] = positionals;
if (input === undefined || positionals.length > 1) usageError(IMPORT, 'expected exactly one story file');
const problems = optionProblems(values);
if (problems.length > 0) fail(...problems);
if (input.endsWith('.json')) {
  const { importNinjs } = await import('./import/ninjs-command');
  await importNinjs(input, values, fail);
  console.log('Run `npm run build` to validate it.');
} else {
  await importText(input);
}

/** A plain-text wire story (import/wire.ts). */
async function importText(input: string): Promise<void> {
  const parsed = parseWire(await readFile(input, 'utf8').catch(() => fail(`cannot read ${input}`)));
  if (!parsed.ok) fail(`${input}: ${parsed.message}`);
  const { story } = parsed;
  const photo = values.image === undefined ? null : await readPhoto(values.image);
  if (photo !== null && !photo.ok) fail(photo.message);

  const slug = values.slug ?? slugify(story.title);
  if (slug === '') fail(`the title ${JSON.stringify(story.title)} has no letters a-z or digits to make a slug of; pass --slug`);
  const today = new Date().toISOString().slice(0, 10);
  if (values.date === undefined) console.warn(`import: the story carries no date; datePublished = ${today} (the import date). Pass --date to set it.`);
  const target = join(values.out, `${slug}.md`);
  // Beside the article, named after it: `src` is relative to the Markdown file.
  const picture = photo === null ? null : { name: `${slug}.${photo.extension}`, bytes: photo.bytes };
  const image = picture === null ? undefined : { src: picture.name, alt: values.alt!, ...(values.caption === undefined ? {} : { caption: values.caption }), credit: values.credit! };
  const text = articleFile(story, values.date ?? today, basename(input), image);

  await mkdir(values.out, { recursive: true });
  // The picture first, then the article; an article that cannot be written takes its picture back.
  const picturePath = picture === null ? null : join(values.out, picture.name);
  if (picture !== null) await writeFile(picturePath!, picture.bytes, { flag: 'wx' }).catch(() => fail(`${picturePath} exists; not overwritten (choose another --slug)`));
  await writeFile(target, text, { flag: 'wx' }).catch(async () => {
    if (picturePath !== null) await rm(picturePath, { force: true });
    fail(`${target} exists; not overwritten (choose another --slug)`);
  });
  console.log(`import: ${story.paragraphs.length} paragraphs, source, title${story.alternativeHeadline === null ? '' : ', alternative headline'}${picture === null ? '' : ', lead image'} -> ${target}`);
  if (picturePath !== null) console.log(`import: the lead image -> ${picturePath}`);
  for (const { line, text: unmapped } of story.unmapped) {
    console.warn(`import: line ${line} not understood: ${JSON.stringify(unmapped)}; kept as a comment in ${target}, not published`);
  }
  console.log('Run `npm run build` to validate it.');
}
