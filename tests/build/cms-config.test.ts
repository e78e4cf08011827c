import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { cmsConfig, COLLECTION_SCHEMAS, drift, fieldsFor, type CmsField, type CollectionName } from '../../scripts/build/cms-config';
import { frontMatterSchema } from '../../src/content/schema';

const COLLECTIONS = Object.keys(COLLECTION_SCHEMAS) as CollectionName[];

/** Every field of a list, nested ones too, with its path. */
function* everyField(prefix: string, fields: readonly CmsField[]): Generator<[string, CmsField]> {
  for (const field of fields) {
    yield [`${prefix}.${field.name}`, field];
    yield* everyField(`${prefix}.${field.name}`, field.fields ?? []);
  }
}

describe('the editor\'s configuration (/admin/config.yml), made from the schemas', () => {
  it.each(COLLECTIONS)('has a field for every field of the %s schema, and no widget for a field that is gone', (collection) => {
    expect(drift(collection, COLLECTION_SCHEMAS[collection], fieldsFor(collection))).toEqual({ missing: [], staleWidgets: [] });
  });

  it('fails the drift check for a schema field the configuration does not have', () => {
    const grown = frontMatterSchema.extend({ kicker: z.string().optional(), byline: z.strictObject({ dateline: z.string() }).optional() });
    expect(drift('articles', grown, fieldsFor('articles'))).toEqual({ missing: ['articles.kicker', 'articles.byline', 'articles.byline.dateline'], staleWidgets: [] });
    const shrunk = z.strictObject(Object.fromEntries(Object.entries(frontMatterSchema.shape).filter(([name]) => name !== 'wire' && name !== 'description')));
    expect(drift('articles', shrunk, fieldsFor('articles', shrunk)).staleWidgets).toEqual(['articles.description', 'articles.wire']);
  });

  it('gives every field a widget and a hint, and marks what the build does not require as optional (an optional object\'s own fields: needed once it is filled in)', () => {
    for (const collection of COLLECTIONS) {
      for (const [path, field] of everyField(collection, fieldsFor(collection))) {
        expect({ path, widget: typeof field.widget, hint: typeof field.hint }).toEqual({ path, widget: 'string', hint: 'string' });
      }
    }
    const articles = Object.fromEntries(everyField('articles', fieldsFor('articles')));
    expect(Object.entries(articles).filter(([, { required }]) => required !== false).map(([path]) => path)).toEqual([
      'articles.title',
      'articles.datePublished',
      'articles.corrections.date',
      'articles.corrections.text',
    ]);
    // Decap holds every entry to an object's required fields, filled in or not (check:cms found it): the editor asks for them once it is.
    expect(['withdrawn.date', 'withdrawn.reason', 'image.src', 'image.alt', 'image.credit'].map((path) => [path, articles[`articles.${path}`]!.hint!.endsWith(`Needed once ${path.startsWith('image') ? 'Image' : 'Withdrawn'} is filled in.`)])).toEqual(
      ['withdrawn.date', 'withdrawn.reason', 'image.src', 'image.alt', 'image.credit'].map((path) => [path, true]),
    );
  });

  it('edits each kind of field with the widget and pattern the build checks', () => {
    const articles = Object.fromEntries(everyField('articles', fieldsFor('articles')));
    expect(articles['articles.datePublished']).toMatchObject({ widget: 'datetime' });
    expect(articles['articles.featured']).toMatchObject({ widget: 'boolean', default: false, required: false });
    expect(articles['articles.authors']).toMatchObject({ widget: 'relation', collection: 'authors', value_field: '{{slug}}', multiple: true });
    expect(articles['articles.tags']!.field).toMatchObject({ widget: 'string', pattern: ['^[a-z0-9]+(?:-[a-z0-9]+)*$', 'Must be lowercase a-z, 0-9 and single hyphens.'] });
    expect(articles['articles.image.src']).toMatchObject({ widget: 'image', label: 'File' });
    expect(articles['articles.image.alt']).toMatchObject({ pattern: ['^[\\s\\S]{0,250}$', 'At most 250 characters.'] });
    expect(articles['articles.title']).toMatchObject({ widget: 'string', pattern: ['^(?=[\\s\\S]*\\S)[\\s\\S]*$', 'Must not be empty.'] });
    const settings = Object.fromEntries(everyField('settings', fieldsFor('settings')));
    expect(settings['settings.footer.url']).toMatchObject({ pattern: ['^(?:\\/(?!\\/)[^\\s]*|https?://\\S+)$', 'Not in the form the hint describes.'] });
    const pattern = new RegExp(settings['settings.footer.url']!.pattern![0]);
    expect(['/about', 'https://example.org/x', '//evil.example', 'ftp://x'].map((url) => pattern.test(url))).toEqual([true, true, false, false]);
  });

  it('is YAML naming the four collections and where it saves: the repository on GitHub, or decap-server in npm run dev', () => {
    type Config = { backend: unknown; local_backend?: boolean; collections: { name: string; folder?: string; files?: { file: string }[]; fields?: CmsField[] }[] };
    const config = parse(cmsConfig({ kind: 'github', repo: 'newsroom/site', branch: 'main' })) as Config;
    expect(config.backend).toEqual({ name: 'github', repo: 'newsroom/site', branch: 'main' });
    expect(config.local_backend).toBeUndefined();
    expect((parse(cmsConfig({ kind: 'github', repo: 'newsroom/site', branch: 'live', authUrl: 'https://auth.example' })) as Config).backend).toEqual({ name: 'github', repo: 'newsroom/site', branch: 'live', base_url: 'https://auth.example' });
    expect((parse(cmsConfig({ kind: 'local', url: 'http://localhost:8081/api/v1' })) as Config).backend).toEqual({ name: 'proxy', proxy_url: 'http://localhost:8081/api/v1', branch: 'main' });
    expect(config.collections.map(({ name, folder, files }) => [name, folder ?? files![0]!.file])).toEqual([
      ['articles', 'content/articles'],
      ['authors', 'content/authors'],
      ['pages', 'content/pages'],
      ['settings', 'content/site.yml'],
    ]);
    expect(config.collections[0]!.fields!.at(-1)).toMatchObject({ name: 'body', widget: 'markdown' });
  });
});
