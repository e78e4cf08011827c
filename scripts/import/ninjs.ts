import type { Root, RootContent } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { z } from 'zod';
import type { FrontMatterInput } from '../../src/content/schema';
import { SLUG_PATTERN } from '../../src/content/slug';
import { slugify } from './article';
import { htmlToMarkdown } from './html';
import { escapeMarkdownText } from './markdown';

/**
 * An IPTC ninjs story (3.x, or 2.x with its lowercase names) as an article: what the wire
 * says in ninjs's names mapped to our front matter and Markdown. The members read are checked;
 * any other member is allowed (ninjs has many) and the ones that carry words are named in the
 * report, never published. src/content/ninjs.ts writes the other way, so an export imports back.
 */

const text = z.looseObject({ role: z.string().optional(), contentType: z.string().optional(), value: z.string() });
const party = z.looseObject({ name: z.string().optional(), rel: z.string().optional(), role: z.string().optional(), uri: z.string().optional(), literal: z.string().optional() });
const rendition = z.looseObject({ name: z.string().optional(), href: z.string().optional(), contentType: z.string().optional() });
/** An RFC 3339 date-time, as the UTC instant our front matter writes (2026-11-27T08:30:00Z). */
const instant = z.iso.datetime({ offset: true, error: 'must be an RFC 3339 date-time with offset (2026-11-27T08:30:00Z)' }).transform((value) => new Date(value).toISOString().replace('.000Z', 'Z'));
const association = z.looseObject({
  name: z.string().optional(),
  rel: z.string().optional(),
  type: z.string().optional(),
  uri: z.string().optional(),
  by: z.string().optional(),
  headlines: z.array(text).optional(),
  descriptions: z.array(text).optional(),
  renditions: z.array(rendition).optional(),
});

/** The members read, each checked; unknown members pass (ninjs allows extensions, and 3.x adds more). */
const ninjsInput = z.looseObject({
  uri: z.string({ error: (issue) => (issue.input === undefined ? 'is required: the story\'s identifier, which a newer version repeats' : 'must be a string') }).trim().min(1, 'must not be empty'),
  version: z.union([z.string().trim().min(1, 'must not be empty'), z.int().nonnegative().transform(String)]).optional(),
  type: z.string().optional(),
  firstCreated: instant.optional(),
  versionCreated: instant.optional(),
  embargoedUntil: instant.optional(),
  pubStatus: z.enum(['usable', 'withheld', 'canceled'], { error: 'must be usable, withheld or canceled' }).optional(),
  language: z.string().optional(),
  slugline: z.string().optional(),
  headlines: z.array(text).optional(),
  descriptions: z.array(text).optional(),
  bodies: z.array(text).optional(),
  by: z.string().optional(),
  people: z.array(party).optional(),
  infoSources: z.array(party).optional(),
  subjects: z.array(party).optional(),
  located: z.string().optional(),
  associations: z.array(association).optional(),
});
type NinjsInput = z.output<typeof ninjsInput>;

/** Members that carry words we do not publish: named in the report so an editor sees them. */
const UNREAD_WORDS = ['edNote', 'usageTerms', 'copyrightNotice', 'copyrightHolder', 'title', 'genres', 'places', 'organisations', 'events', 'objects'];

/** The lead image a story names: a file beside it (`href` relative to the ninjs file), what it shows, its caption and credit. */
export interface StoryPicture {
  href: string;
  alt: string | undefined;
  caption: string | undefined;
  credit: string | undefined;
}

/** A ninjs story read: its identity, status and the article it makes. */
export interface NinjsStory {
  uri: string;
  version: string | undefined;
  /** When this version was made (versionCreated, else firstCreated; undefined when the wire gives neither). */
  versionCreated: string | undefined;
  status: 'usable' | 'withheld' | 'canceled';
  embargoedUntil: string | undefined;
  /** The file name: the slugline when it is a slug (an export of ours), else from the headline. */
  slug: string;
  /** Front matter without its dates and `wire` (the command sets them) and the lead image (a file to copy first). */
  frontMatter: Omit<FrontMatterInput, 'datePublished' | 'wire' | 'image'>;
  datePublished: string | undefined;
  body: string;
  picture: StoryPicture | null;
  /** What was read, for the report: "headline, dek, 6 paragraphs, …". */
  mapped: string[];
  /** What came and is not imported, each named. */
  notes: string[];
}

/** Maps authors' pages back to their ids: an export names an author by the URL of /authors/<id>. */
export type AuthorIds = (uri: string) => string | undefined;

/** ninjs 2.x's member names (all lowercase; `embargoed` for embargoedUntil) as 3.x writes them: the rest is the same for what we read. */
const NINJS_2_NAMES: Readonly<Record<string, string>> = {
  firstcreated: 'firstCreated',
  versioncreated: 'versionCreated',
  embargoed: 'embargoedUntil',
  pubstatus: 'pubStatus',
  contenttype: 'contentType',
  infosources: 'infoSources',
  ednote: 'edNote',
  usageterms: 'usageTerms',
  copyrightnotice: 'copyrightNotice',
  copyrightholder: 'copyrightHolder',
};

/** A 2.x story's members renamed as 3.x's, at every depth (3.x's pass unchanged). */
function as3(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(as3);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([name, member]) => [NINJS_2_NAMES[name] ?? name, as3(member)]));
}

/** The ninjs story in `json` (3.x, or 2.x), or every problem, each `field: message`. */
export function readNinjs(json: string, authorId: AuthorIds = () => undefined): { ok: true; story: NinjsStory } | { ok: false; problems: string[] } {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    return { ok: false, problems: [`is not JSON (${(error as Error).message})`] };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { ok: false, problems: ['is not a ninjs object (a JSON object with a `uri`)'] };
  const parsed = ninjsInput.safeParse(as3(data));
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((issue) => `${issue.path.join('.') || 'story'}: ${issue.message}`) };
  return story(parsed.data, authorId);
}

function story(input: NinjsInput, authorId: AuthorIds): { ok: true; story: NinjsStory } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  if (input.type !== undefined && input.type !== 'text') problems.push(`type: must be text (a story); a ${input.type} item is not an article`);
  const title = byRole(input.headlines, 'main');
  if (title === undefined) problems.push('headlines: a story needs a headline (role main, or the first)');
  const body = bodyOf(input.bodies ?? []);
  if (!body.ok) problems.push(...body.problems);
  if (problems.length > 0 || title === undefined || !body.ok) return { ok: false, problems };
  const alternativeHeadline = byRole(input.headlines, 'sub', false);
  const description = byRole(input.descriptions, 'summary');
  const authors = bylines(input, authorId);
  const source = input.infoSources?.find(({ name }) => name !== undefined && name.trim() !== '');
  const subjects = input.subjects ?? [];
  const section = subjects.find(({ rel, literal }) => rel === 'section' && literal !== undefined && SLUG_PATTERN.test(literal))?.literal;
  const tags = [...new Set(subjects.filter(({ rel }) => rel !== 'section').map(({ literal, name }) => slugify(literal ?? name ?? '')).filter((tag) => tag !== ''))];
  const located = input.located?.trim();
  const markdown = located === undefined || located === '' || body.value.markdown.toLowerCase().startsWith(located.toLowerCase()) ? body.value.markdown : `${escapeMarkdownText(located)} — ${body.value.markdown}`;
  const picture = leadPicture(input.associations ?? []);
  const versionCreated = input.versionCreated ?? input.firstCreated;
  const datePublished = input.firstCreated ?? input.versionCreated;
  const modified = versionCreated !== undefined && datePublished !== undefined && Date.parse(versionCreated) > Date.parse(datePublished) ? versionCreated : undefined;
  const frontMatter: NinjsStory['frontMatter'] = {
    title,
    ...(alternativeHeadline === undefined ? {} : { alternativeHeadline }),
    ...(description === undefined ? {} : { description }),
    // Held until then, with no rebuild (issue 19): a story that is not live yet exists nowhere.
    ...(input.embargoedUntil === undefined ? {} : { embargo: input.embargoedUntil }),
    ...(modified === undefined ? {} : { dateModified: modified }),
    ...(authors.length === 0 ? {} : { authors }),
    ...(source === undefined ? {} : { source: source.uri !== undefined && /^https?:/.test(source.uri) ? { name: source.name!.trim(), url: source.uri } : source.name!.trim() }),
    ...(tags.length === 0 ? {} : { tags }),
    ...(section === undefined ? {} : { section }),
    ...(input.language === undefined ? {} : { lang: input.language }),
  };
  const mapped = [
    'headline',
    ...(alternativeHeadline === undefined ? [] : ['alternative headline']),
    ...(description === undefined ? [] : ['description']),
    `body (${body.value.markdown.split('\n\n').length} blocks, from ${body.type})`,
    ...(authors.length === 0 ? [] : [`${authors.length} author(s)`]),
    ...(source === undefined ? [] : ['source']),
    ...(tags.length === 0 ? [] : [`${tags.length} tag(s)`]),
    ...(section === undefined ? [] : ['section']),
    ...(input.embargoedUntil === undefined ? [] : ['embargo']),
    ...(markdown === body.value.markdown ? [] : ['dateline']),
  ];
  const notes = [
    ...(body.value.pictures === 0 ? [] : [`${body.value.pictures} picture(s), video(s) or sound(s) in the body (an article takes a story's photo as a file: its featureimage, or --image)`]),
    ...(picture.note === undefined ? [] : [picture.note]),
    ...UNREAD_WORDS.filter((name) => name in input).map((name) => `${name}: ${JSON.stringify(input[name]).slice(0, 200)}`),
  ];
  const slugline = input.slugline?.trim();
  return {
    ok: true,
    story: {
      uri: input.uri,
      version: input.version,
      versionCreated,
      status: input.pubStatus ?? 'usable',
      embargoedUntil: input.embargoedUntil,
      slug: slugline !== undefined && SLUG_PATTERN.test(slugline) ? slugline : slugify(title),
      frontMatter,
      datePublished,
      body: markdown,
      picture: picture.value,
      mapped,
      notes,
    },
  };
}

/** The value of the text with `role`, else (when `fallback`) the first one; HTML made plain text. */
function byRole(texts: readonly z.output<typeof text>[] | undefined, role: string, fallback = true): string | undefined {
  const chosen = texts?.find((entry) => entry.role === role) ?? (fallback ? texts?.find((entry) => entry.role === undefined) ?? texts?.[0] : undefined);
  if (chosen === undefined) return undefined;
  const value = (chosen.contentType === 'text/html' ? textOf(unified().use(rehypeParse, { fragment: true }).parse(chosen.value)) : chosen.value).replace(/\s+/g, ' ').trim();
  return value === '' ? undefined : value;
}

function textOf(node: Root | RootContent): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map(textOf).join('') : '';
}

/** The body: its `text/html` made Markdown (refused when unsafe), else its `text/plain` paragraphs escaped to render verbatim. */
function bodyOf(bodies: readonly z.output<typeof text>[]): { ok: true; value: { markdown: string; pictures: number }; type: string } | { ok: false; problems: string[] } {
  const pick = (type: string) => bodies.find((entry) => entry.contentType === type && entry.role === 'main') ?? bodies.find((entry) => entry.contentType === type);
  const html = pick('text/html');
  if (html !== undefined) {
    const converted = htmlToMarkdown(html.value);
    if (!converted.ok) return { ok: false, problems: [`bodies: the text/html body holds what a page must not run or load, so nothing was imported: ${converted.unsafe.join(', ')}`] };
    if (converted.value.markdown === '') return { ok: false, problems: ['bodies: the text/html body has no text'] };
    return { ok: true, value: converted.value, type: 'HTML' };
  }
  const plain = pick('text/plain') ?? bodies.find((entry) => entry.contentType === undefined);
  const paragraphs = (plain?.value ?? '')
    .split(/\r?\n\s*\r?\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter((paragraph) => paragraph !== '');
  if (paragraphs.length === 0) return { ok: false, problems: ['bodies: a story needs a body (text/html or text/plain)'] };
  return { ok: true, value: { markdown: paragraphs.map(escapeMarkdownText).join('\n\n'), pictures: 0 }, type: 'text' };
}

/** The authors: `people` whose rel or role is author (an author page of ours by its id), else the names in `by`. */
function bylines(input: NinjsInput, authorId: AuthorIds): NonNullable<FrontMatterInput['authors']> {
  const people = (input.people ?? []).filter(({ rel, role, name }) => (rel === 'author' || role === 'author') && name !== undefined && name.trim() !== '');
  if (people.length > 0) {
    return people.map(({ name, uri }) => {
      const id = uri === undefined ? undefined : authorId(uri);
      return id ?? (uri !== undefined && /^https?:/.test(uri) ? { name: name!.trim(), url: uri } : { name: name!.trim() });
    });
  }
  const by = input.by?.replace(/^\s*by\s+/i, '').trim();
  if (by === undefined || by === '') return [];
  return by
    .split(/\s*,\s*|\s+and\s+|\s*&\s*/i)
    .filter((name) => name !== '')
    .map((name) => ({ name }));
}

/** The story's lead image: the associated picture named featureimage (else the first picture), when it is a file beside the story. */
function leadPicture(associations: readonly z.output<typeof association>[]): { value: StoryPicture | null; note?: string } {
  const pictures = associations.filter(({ type }) => type === 'picture');
  const lead = pictures.find(({ rel, name }) => rel === 'featureimage' || name === 'featureimage') ?? pictures[0];
  if (lead === undefined) return { value: null };
  const renditions = lead.renditions ?? [];
  const href = (renditions.find(({ name }) => name === 'original' || name === 'default') ?? renditions[0])?.href ?? lead.uri;
  const described = (role: string) => lead.descriptions?.find((entry) => entry.role === role)?.value.trim() || undefined;
  if (href === undefined) return { value: null, note: 'the featureimage (it names no file: no rendition href)' };
  if (/^[a-z][a-z0-9+.-]*:/i.test(href)) return { value: null, note: `the featureimage ${href} (not a file beside the story: download it and pass --image with --alt and --credit)` };
  return { value: { href, alt: described('alt'), caption: described('caption'), credit: lead.by?.trim() || undefined } };
}
