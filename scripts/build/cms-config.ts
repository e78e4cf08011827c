import { z } from 'zod';
import { stringify } from 'yaml';
import { authorFrontMatterSchema } from '../../src/content/author';
import { pageFrontMatterSchema } from '../../src/content/page';
import { frontMatterSchema } from '../../src/content/schema';
import { siteSchema } from '../../src/content/site';
import { SLUG_PATTERN, SLUG_RULE } from '../../src/content/slug';

/**
 * The editor's configuration (Decap CMS, docs/CMS.md), `/admin/config.yml`, made from the zod
 * schemas the build validates with: every field of an article, an author, a page and the site's
 * settings, with its widget, whether it is required, its pattern and its hint (the schema's
 * description), so the editor cannot save front matter the build refuses. What a JSON Schema
 * cannot say (a relation to the authors, a picture, a long text) is the WIDGETS table below.
 * tests/build/cms-config.test.ts fails when a schema field has no counterpart here.
 */

/** A field of Decap's config (decap-cms-core's CmsField, the members used here). */
export interface CmsField {
  name: string;
  label: string;
  widget: string;
  required?: boolean;
  hint?: string;
  pattern?: [string, string];
  default?: unknown;
  fields?: CmsField[];
  field?: CmsField;
  options?: string[];
  collection?: string;
  value_field?: string;
  search_fields?: string[];
  display_fields?: string[];
  multiple?: boolean;
}

type JsonSchema = {
  type?: string;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  description?: string;
  default?: unknown;
  enum?: string[];
  anyOf?: JsonSchema[];
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
};

/**
 * How a field is edited where its JSON Schema does not say, by `collection.path`: a long text, a
 * picture, a relation to an author page, the importer's field kept out of sight.
 */
const WIDGETS: Readonly<Record<string, Partial<CmsField>>> = {
  'articles.description': { widget: 'text' },
  'articles.authors': { widget: 'relation', collection: 'authors', value_field: '{{slug}}', search_fields: ['name'], display_fields: ['name'], multiple: true },
  'articles.image.src': { widget: 'image' },
  'articles.image.caption': { widget: 'text' },
  'articles.corrections.text': { widget: 'text' },
  'articles.withdrawn.reason': { widget: 'text' },
  'articles.wire': { widget: 'hidden' },
  'pages.description': { widget: 'text' },
  'settings.logo': { widget: 'image' },
};

/** The message a pattern's editor shows, by the pattern: the build's own words. */
const PATTERN_MESSAGES: Readonly<Record<string, string>> = { [SLUG_PATTERN.source]: `Must be ${SLUG_RULE}.` };

/** Labels that are not their field's name in words. */
const LABELS: Readonly<Record<string, string>> = { lang: 'Language', url: 'URL', src: 'File', alt: 'Alt text', sameAs: 'Profiles elsewhere', id: 'Feed id', uri: 'URI' };

/** "datePublished" → "Date published". */
function labelOf(name: string): string {
  const words = name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return LABELS[name] ?? words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * The form an `anyOf` is edited in: a date-time for an instant; text matching any of its forms when
 * each is text (a path or a URL); else its first (simplest) form.
 */
function chosenForm(schema: JsonSchema): JsonSchema {
  if (schema.anyOf === undefined) return schema;
  const described = schema.description === undefined ? {} : { description: schema.description };
  if (schema.anyOf.some(({ format }) => format === 'date-time')) return { type: 'string', format: 'date-time', ...described };
  if (schema.anyOf.every(({ type }) => type === 'string')) {
    const forms = schema.anyOf.map((form) => (form.format === 'uri' ? 'https?://\\S+' : (form.pattern ?? '[\\s\\S]*').replace(/^\^|\$$/g, '')));
    return { type: 'string', pattern: `^(?:${forms.join('|')})$`, ...described };
  }
  return { ...schema.anyOf[0], ...described };
}

/** The editor's field for `schema` at `path` (`collection.name.name…`). */
function fieldOf(path: string, name: string, schema: JsonSchema, required: boolean): CmsField {
  const form = chosenForm(schema);
  const base: CmsField = { name, label: labelOf(name), widget: 'string', ...(required ? {} : { required: false }), ...(form.description === undefined ? {} : { hint: form.description }) };
  const given = WIDGETS[path];
  if (given !== undefined) return { ...base, ...given };
  if (form.type === 'boolean') return { ...base, widget: 'boolean', default: form.default ?? false };
  if (form.format === 'date-time') return { ...base, widget: 'datetime' };
  if (form.enum !== undefined) return { ...base, widget: 'select', options: form.enum };
  // An optional object's own required fields are required once it is filled in: Decap would hold every entry to them.
  if (form.type === 'object') return { ...base, widget: 'object', fields: fieldsOf(path, form, required ? undefined : labelOf(name)) };
  if (form.type === 'array') {
    const items = chosenForm(form.items ?? {});
    if (items.type === 'object') return { ...base, widget: 'list', fields: fieldsOf(path, items) };
    return { ...base, widget: 'list', field: { ...fieldOf(`${path}.item`, 'item', items, true), label: labelOf(name) } };
  }
  return { ...base, ...patternOf(form) };
}

/**
 * A string's pattern, with the message the editor shows: its own pattern, else an http(s) URL, else
 * its length (at least one character that is not a space, at most `maxLength`), as the build checks.
 */
function patternOf({ pattern, format, minLength, maxLength }: JsonSchema): Pick<CmsField, 'pattern'> {
  if (pattern !== undefined) return { pattern: [pattern, PATTERN_MESSAGES[pattern] ?? 'Not in the form the hint describes.'] };
  if (format === 'uri') return { pattern: ['^https?://\\S+$', 'Must be an absolute http: or https: URL.'] };
  const filled = minLength !== undefined && minLength > 0;
  if (!filled && maxLength === undefined) return {};
  const rule = `^${filled ? '(?=[\\s\\S]*\\S)' : ''}[\\s\\S]${maxLength === undefined ? '*' : `{0,${maxLength}}`}$`;
  const message = [filled ? 'must not be empty' : '', maxLength === undefined ? '' : `at most ${maxLength} characters`].filter(Boolean).join(', and ');
  return { pattern: [rule, `${message.charAt(0).toUpperCase()}${message.slice(1)}.`] };
}

/**
 * The fields of an object schema, in its order. Those of an optional object (`optional`: its
 * label) are optional in the editor, their hint saying they are needed once it is filled in:
 * the build checks them then.
 */
function fieldsOf(path: string, schema: JsonSchema, optional?: string): CmsField[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([name, property]) => {
    const field = fieldOf(`${path}.${name}`, name, property, required.has(name) && optional === undefined);
    if (optional === undefined || !required.has(name)) return field;
    return { ...field, hint: `${field.hint === undefined ? '' : `${field.hint} `}Needed once ${optional} is filled in.` };
  });
}

/** A zod schema as the JSON Schema of what an author writes (its input, before defaults). */
const inputSchema = (schema: z.ZodType): JsonSchema => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;

/** A Markdown file's body, after its front matter. */
const body = (label: string, hint: string): CmsField => ({ name: 'body', label, widget: 'markdown', hint });

/** The schema each collection's front matter (the settings' file) is validated with. */
export const COLLECTION_SCHEMAS = { articles: frontMatterSchema, authors: authorFrontMatterSchema, pages: pageFrontMatterSchema, settings: siteSchema } as const;
export type CollectionName = keyof typeof COLLECTION_SCHEMAS;

/** A collection's front matter fields, from `schema` (its own, or another in a test). */
export function fieldsFor(collection: CollectionName, schema: z.ZodType = COLLECTION_SCHEMAS[collection]): CmsField[] {
  return fieldsOf(collection, inputSchema(schema));
}

/**
 * Every field path (`articles.image.alt`) a schema has and the editor's fields do not: a field
 * added to a schema that the generator leaves out, or a widget named for a field that is gone.
 * Fields edited whole (hidden, a relation) stand for what is under them.
 */
export function drift(collection: CollectionName, schema: z.ZodType, fields: readonly CmsField[]): { missing: string[]; staleWidgets: string[] } {
  const schemaPaths = pathsOf(collection, inputSchema(schema));
  const configPaths = new Set<string>();
  const whole = new Set<string>();
  const walk = (prefix: string, list: readonly CmsField[]) => {
    for (const field of list) {
      const path = `${prefix}.${field.name}`;
      configPaths.add(path);
      if (field.widget === 'hidden' || field.widget === 'relation') whole.add(path);
      walk(path, field.fields ?? []);
    }
  };
  walk(collection, fields);
  const covered = (path: string) => configPaths.has(path) || [...whole].some((owner) => path.startsWith(`${owner}.`));
  const staleWidgets = Object.keys(WIDGETS).filter((path) => path.startsWith(`${collection}.`) && !schemaPaths.includes(path));
  return { missing: schemaPaths.filter((path) => !covered(path)), staleWidgets };
}

/** Every property path of an object schema, objects and lists of objects opened. */
function pathsOf(prefix: string, schema: JsonSchema): string[] {
  return Object.entries(schema.properties ?? {}).flatMap(([name, property]) => {
    const path = `${prefix}.${name}`;
    const form = chosenForm(property);
    const inner = form.type === 'array' ? chosenForm(form.items ?? {}) : form;
    return [path, ...(inner.type === 'object' ? pathsOf(path, inner) : [])];
  });
}

/** Where the editor saves: the site's repository on GitHub (site.yml `cms:`), or `decap-server` beside `npm run dev` (scripts/cms/dev.ts), files only. */
export type CmsBackend = { kind: 'github'; repo: string; branch: string; authUrl?: string | undefined } | { kind: 'local'; url: string };

/** Decap's `backend` for one: GitHub through its OAuth client, or its proxy backend (what `local_backend` uses) at decap-server's URL. */
function backendOf(backend: CmsBackend): object {
  if (backend.kind === 'local') return { name: 'proxy', proxy_url: backend.url, branch: 'main' };
  return { name: 'github', repo: backend.repo, branch: backend.branch, ...(backend.authUrl === undefined ? {} : { base_url: backend.authUrl }) };
}

/** `/admin/config.yml`. */
export function cmsConfig(backend: CmsBackend): string {
  const fields = { articles: fieldsFor('articles'), authors: fieldsFor('authors'), pages: fieldsFor('pages'), settings: fieldsFor('settings') };
  const folder = (name: string, label: string, labelSingular: string, folderPath: string, own: CmsField[], bodyField: CmsField, extra: object = {}) => ({
    name,
    label,
    label_singular: labelSingular,
    folder: folderPath,
    create: true,
    extension: 'md',
    format: 'frontmatter',
    ...extra,
    fields: [...own, bodyField],
  });
  const config = {
    backend: backendOf(backend),
    media_folder: 'content/images',
    public_folder: 'images',
    collections: [
      // A picture is saved beside the article (its `src` is relative to the Markdown file).
      folder('articles', 'Articles', 'Article', 'content/articles', fields.articles, body('Body', 'The story in Markdown: paragraphs, headings, links, lists, quotes, tables; a picture is `![what it shows](file.jpg "caption")`.'), { slug: '{{slug}}', media_folder: '', public_folder: '', summary: '{{title}} ({{datePublished}})', sortable_fields: ['datePublished', 'title'] }),
      folder('authors', 'Authors', 'Author', 'content/authors', fields.authors, body('Bio', 'A few sentences about them, in Markdown.'), { identifier_field: 'name', slug: '{{slug}}' }),
      folder('pages', 'Pages', 'Page', 'content/pages', fields.pages, body('Body', 'The page in Markdown.'), { slug: '{{slug}}' }),
      { name: 'settings', label: 'Site settings', files: [{ name: 'site', label: 'Site', file: 'content/site.yml', fields: fields.settings }] },
    ],
  };
  return `# Made by the content build from the schemas it validates with (scripts/build/cms-config.ts): do not edit.\n${stringify(config, { lineWidth: 0 })}`;
}
