import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { FrontMatterInput } from '../../src/content/schema';
import { splitFrontMatter } from '../build/parser';
import { markdownFile } from './article';
import { readNinjs, type NinjsStory } from './ninjs';
import { readPhoto } from './photo';

/** The importer's options that apply to a ninjs story. */
export interface NinjsOptions {
  out: string;
  slug?: string | undefined;
  date?: string | undefined;
  image?: string | undefined;
  alt?: string | undefined;
  credit?: string | undefined;
  caption?: string | undefined;
}

type Fail = (...lines: string[]) => never;

/** An article already imported from the same `uri`: its file, front matter (as written) and body. */
interface Existing {
  path: string;
  data: Record<string, unknown>;
  body: string;
}

/**
 * `npm run import -- story.json`: a ninjs story into <out>/<slug>.md (its featureimage, a file
 * beside it, as the lead image). A newer version of a story already imported (the same `uri`)
 * updates its article in place: the wire's words and credits replace the old, the newsroom's own
 * fields (its tags too, kept beside the wire's, section, featured, corrections, aliases, image)
 * stay, dateModified and `wire.version` record the update. An older or the same version changes
 * nothing. `canceled` withdraws an imported story; `withheld` is not imported. `embargoedUntil` is
 * the article's `embargo`: it exists nowhere until then, and goes live then with no rebuild.
 */
export async function importNinjs(input: string, options: NinjsOptions, fail: Fail): Promise<void> {
  const json = await readFile(input, 'utf8').catch(() => fail(`cannot read ${input}`));
  const authors = join(options.out, '..', 'authors');
  const read = readNinjs(json, (uri) => authorOf(uri, authors));
  if (!read.ok) fail(...read.problems.map((problem) => `${input}: ${problem}`));
  const { story } = read;
  if (story.status === 'withheld') fail(`${input}: not imported: the wire withheld this story (pubStatus withheld)`);
  const existing = await importedFrom(options.out, story.uri);
  if (existing === null) return create(input, story, options, fail);
  const wire = existing.data['wire'] as { version?: string; versionCreated?: string } | undefined;
  const order = compareVersions(story, wire ?? {});
  if (order === null) fail(`${input}: ${existing.path} holds ${story.uri} already, and neither carries a version or versionCreated to tell which is newer; nothing changed`);
  if (order < 0) fail(`${input}: version ${describe(story)} is older than ${describe(wire ?? {})} in ${existing.path}; nothing changed`);
  if (order === 0 && story.status !== 'canceled') return void console.log(`import: ${existing.path} already holds version ${describe(story)} of ${story.uri}; nothing changed`);
  await update(input, story, existing);
}

/** `uri` names an author page of ours (/authors/<id>) whose file is in `authors`. */
function authorOf(uri: string, authors: string): string | undefined {
  const id = /\/authors\/([a-z0-9]+(?:-[a-z0-9]+)*)\/?$/.exec(uri)?.[1];
  return id !== undefined && existsSync(join(authors, `${id}.md`)) ? id : undefined;
}

/** The article in `dir` imported from `uri`, if any. */
async function importedFrom(dir: string, uri: string): Promise<Existing | null> {
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names.filter((file) => file.endsWith('.md')).sort()) {
    const path = join(dir, name);
    const text = await readFile(path, 'utf8');
    if (!text.includes(uri)) continue;
    const split = splitFrontMatter(text);
    const data = split === null ? null : (parseYaml(split.yaml) as unknown);
    if (data !== null && typeof data === 'object' && (data as { wire?: { uri?: unknown } }).wire?.uri === uri) return { path, data: data as Record<string, unknown>, body: split!.body.replace(/^\n/, '') };
  }
  return null;
}

/** Which is newer: by `version` when both have a number, else by versionCreated; null when neither tells. */
function compareVersions(story: NinjsStory, kept: { version?: string; versionCreated?: string }): number | null {
  if (story.version !== undefined && kept.version !== undefined && /^\d+$/.test(story.version) && /^\d+$/.test(kept.version)) return Math.sign(Number(story.version) - Number(kept.version));
  if (story.version !== undefined && story.version === kept.version) return 0;
  if (story.versionCreated === undefined || kept.versionCreated === undefined) return null;
  return Math.sign(Date.parse(story.versionCreated) - Date.parse(kept.versionCreated));
}

const describe = ({ version, versionCreated }: { version?: string | undefined; versionCreated?: string | undefined }) => [version, versionCreated === undefined ? undefined : `(${versionCreated})`].filter(Boolean).join(' ') || 'unnumbered';

/** The story's front matter with datePublished where an author writes it: after the headlines and the dek. */
function inOrder({ frontMatter }: NinjsStory, datePublished: string): FrontMatterInput {
  const { title, alternativeHeadline, description, ...rest } = frontMatter;
  return { title, ...(alternativeHeadline === undefined ? {} : { alternativeHeadline }), ...(description === undefined ? {} : { description }), datePublished, ...rest };
}

/** The `wire` front matter of this version. */
function wireOf(story: NinjsStory, datePublished: string): NonNullable<FrontMatterInput['wire']> {
  return { uri: story.uri, ...(story.version === undefined ? {} : { version: story.version }), versionCreated: story.versionCreated ?? datePublished };
}

async function create(input: string, story: NinjsStory, options: NinjsOptions, fail: Fail): Promise<void> {
  if (story.status === 'canceled') fail(`${input}: not imported: the wire canceled this story (pubStatus canceled), and it was never imported`);
  const photoPath = options.image ?? (story.picture === null ? undefined : resolve(dirname(input), story.picture.href));
  const photo = photoPath === undefined ? null : await readPhoto(photoPath);
  if (photo !== null && !photo.ok) fail(`${input}: featureimage: ${photo.message.replace(/^--image: /, '')}`);
  const about = options.image === undefined ? story.picture : null;
  const alt = options.alt ?? about?.alt;
  const credit = options.credit ?? about?.credit;
  if (photo !== null && (alt === undefined || credit === undefined)) fail(`${input}: featureimage: ${alt === undefined ? 'needs an alt text (descriptions, role alt; or --alt)' : 'needs a credit (by; or --credit)'}`);
  const slug = options.slug ?? story.slug;
  if (slug === '') fail(`${input}: the headline has no letters a-z or digits to make a slug of; pass --slug`);
  const datePublished = options.date ?? story.datePublished ?? new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  if (options.date === undefined && story.datePublished === undefined) console.warn(`import: the story carries no firstCreated; datePublished = ${datePublished} (the import). Pass --date to set it.`);
  const caption = options.caption ?? about?.caption;
  const picture = photo === null || !photo.ok ? null : { name: `${slug}.${photo.extension}`, bytes: photo.bytes };
  const image = picture === null ? undefined : { src: picture.name, alt: alt!, ...(caption === undefined ? {} : { caption }), credit: credit! };
  const frontMatter: FrontMatterInput = { ...inOrder(story, datePublished), ...(image === undefined ? {} : { image }), wire: wireOf(story, datePublished) };
  const target = join(options.out, `${slug}.md`);
  await mkdir(options.out, { recursive: true });
  const picturePath = picture === null ? null : join(options.out, picture.name);
  if (picture !== null) await writeFile(picturePath!, picture.bytes, { flag: 'wx' }).catch(() => fail(`${picturePath} exists; not overwritten (choose another --slug)`));
  await writeFile(target, markdownFile(frontMatter, comments(input, story), story.body), { flag: 'wx' }).catch(async () => {
    if (picturePath !== null) await rm(picturePath, { force: true });
    fail(`${target} exists; not overwritten (choose another --slug)`);
  });
  report(story, target, picturePath);
}

/** A newer version into the article imported before; `canceled` withdraws it. */
async function update(input: string, story: NinjsStory, existing: Existing): Promise<void> {
  const kept = existing.data as FrontMatterInput & Record<string, unknown>;
  const datePublished = String(kept.datePublished);
  const modified = story.versionCreated ?? new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  const own = Object.fromEntries(['draft', 'featured', 'section', 'corrections', 'withdrawn', 'aliases', 'image'].filter((name) => kept[name] !== undefined).map((name) => [name, kept[name]]));
  const tags = [...new Set([...(kept.tags ?? []), ...(story.frontMatter.tags ?? [])])];
  const withdrawn = story.status === 'canceled' ? { withdrawn: { date: modified, reason: 'The wire service canceled this story.' } } : {};
  const frontMatter: FrontMatterInput = {
    ...inOrder(story, datePublished),
    ...(Date.parse(modified) > Date.parse(datePublished) ? { dateModified: modified } : {}),
    ...(tags.length === 0 ? {} : { tags }),
    ...own,
    ...withdrawn,
    wire: wireOf(story, datePublished),
  };
  const was = describe((kept.wire ?? {}) as { version?: string; versionCreated?: string });
  const body = story.status === 'canceled' ? existing.body.trimEnd() : story.body;
  await writeFile(existing.path, markdownFile(frontMatter, [...comments(input, story), `Updated from version ${was} to ${describe(story)}.`], body));
  if (story.status === 'canceled') return void console.log(`import: the wire canceled ${story.uri}: ${existing.path} is withdrawn (it answers 410 Gone)`);
  console.log(`import: version ${describe(story)} of ${story.uri} (was ${was}): ${story.mapped.join(', ')} -> ${existing.path}`);
  for (const note of story.notes) console.warn(`import: not imported: ${note}`);
}

/** The file's comments: where it came from, and what came and was not imported. */
function comments(input: string, story: NinjsStory): string[] {
  return [`Imported from ${input.split(/[\\/]/).pop()} (ninjs ${story.uri}).`, ...story.notes.map((note) => `Not imported: ${note}`)];
}

function report(story: NinjsStory, target: string, picturePath: string | null): void {
  console.log(`import: ${story.mapped.join(', ')}${picturePath === null ? '' : ', lead image'} -> ${target}`);
  if (picturePath !== null) console.log(`import: the lead image -> ${picturePath}`);
  for (const note of story.notes) console.warn(`import: not imported: ${note}`);
}
