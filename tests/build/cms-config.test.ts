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

  it('gives every field a widget and a hint, and marks what the build does not require as optional', () => {
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
      'articles.withdrawn.date',
      'articles.withdrawn.reason',
      'articles.image.src',
      'articles.image.alt',
      'articles.image.credit',
    ]);
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

  it('is YAML naming the four collections, the local backend and the repository it saves to', () => {
    const config = parse(cmsConfig({ repo: 'newsroom/site', branch: 'main' })) as { backend: unknown; local_backend: boolean; collections: { name: string; folder?: string; files?: { file: string }[]; fields?: CmsField[] }[] };
    expect(config.backend).toEqual({ name: 'github', repo: 'newsroom/site', branch: 'main' });
    expect(config.local_backend).toBe(true);
    expect(config.collections.map(({ name, folder, files }) => [name, folder ?? files![0]!.file])).toEqual([
      ['articles', 'content/articles'],
      ['authors', 'content/authors'],
      ['pages', 'content/pages'],
      ['settings', 'content/site.yml'],
    ]);
    expect(config.collections[0]!.fields!.at(-1)).toMatchObject({ name: 'body', widget: 'markdown' });
  });
});
