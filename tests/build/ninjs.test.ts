import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildContent, type BuildResult } from '../../scripts/build/index';
import { makeFixturePictures } from '../../scripts/fixture-pictures';
import type { Article } from '../../src/content/article';
import { toNinjs } from '../../src/content/ninjs';
import { ninjsSchema } from '../../src/content/ninjs-schema';
import { ORIGIN } from '../../src/store/bundle';
import { fixture, projectRoot } from './helpers';

type Built = Extract<BuildResult, { ok: true }>;
const SITE = 'https://news.example';

/**
 * IPTC's ninjs 3.1 schema (tests/build/schemas/, MIT). It refers to GeoJSON's schema for a place's
 * `geoJSON`, which is not here (no network) and which we never write: a stand-in with its `$id`
 * lets ajv compile it, and any geoJSON in the output would have to be an object.
 */
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
ajv.addSchema({ $id: 'https://geojson.org/schema/GeoJSON.json', type: 'object' });
const iptc = ajv.compile(JSON.parse(await readFile(join(import.meta.dirname, 'schemas', 'ninjs-schema_3.1.json'), 'utf8')));

/** Every fixture project with articles: the build's own, the newsroom's, the pictures' and the seed's. */
const FIXTURES = { good: fixture('good'), newsroom: join(projectRoot, 'tests/fixtures/newsroom'), pictures: join(projectRoot, 'tests/fixtures/pictures'), seed: join(projectRoot, 'tests/fixtures/seed') };

/** Each article of a fixture as the API serves it on SITE. */
async function articlesOf(root: string): Promise<Article[]> {
  await makeFixturePictures(join(root, 'content'));
  const result = (await buildContent({ root })) as Built;
  if (!result.ok) throw new Error('the fixture does not build');
  return result.articles.map((line) => (JSON.parse(result.files.find(({ path }) => path === line.file)!.text.slice(...line.json).split(ORIGIN).join(SITE)) as { data: Article }).data);
}

describe('an article as ninjs 3.1 (src/content/ninjs.ts)', () => {
  it.each(Object.entries(FIXTURES))('is valid against IPTC\'s schema and our own for every article of the %s fixture', async (_name, root) => {
    const articles = await articlesOf(root);
    expect(articles.length).toBeGreaterThan(0);
    for (const article of articles) {
      const ninjs = toNinjs(article, SITE);
      iptc(ninjs);
      expect({ slug: article.slug, errors: iptc.errors ?? [] }).toEqual({ slug: article.slug, errors: [] });
      expect(ninjsSchema.safeParse(ninjs).error?.issues ?? []).toEqual([]);
      expect(Object.keys(ninjs)).toEqual(Object.keys(ninjsSchema.shape).filter((key) => key in ninjs));
    }
  });

  it('maps every field of an article with authors, a section, a source and a lead image', async () => {
    const articles = [...(await articlesOf(FIXTURES.newsroom)), ...(await articlesOf(FIXTURES.pictures))];
    const authored = articles.find((article) => article.authors.length > 1 && article.section !== null)!;
    const ninjs = toNinjs(authored, SITE);
    expect(ninjs.by).toBe(authored.authors.map(({ name }) => name).join(', '));
    expect(ninjs.people).toEqual(authored.authors.map(({ name, url }) => ({ name, rel: 'author', ...(url === undefined ? {} : { uri: url }) })));
    expect(ninjs.subjects).toEqual([{ name: authored.section!.title, rel: 'section', literal: authored.section!.slug }, ...authored.tags.map((tag) => ({ name: tag, rel: 'tag', literal: tag }))]);
    const pictured = articles.find((article) => article.image !== null)!;
    const image = pictured.image!;
    expect(toNinjs(pictured, SITE).associations).toEqual([
      {
        uri: image.url,
        name: 'featureimage',
        rel: 'featureimage',
        type: 'picture',
        by: image.credit,
        descriptions: [{ role: 'alt', contentType: 'text/plain', value: image.alt }, ...(image.caption === null ? [] : [{ role: 'caption', contentType: 'text/plain', value: image.caption }])],
        renditions: [
          { name: 'default', href: image.url, contentType: 'image/jpeg', width: image.width, height: image.height },
          ...(['16x9', '4x3', '1x1'] as const).map((ratio) => ({ name: ratio, href: image.crops[ratio].url, contentType: 'image/jpeg', width: image.crops[ratio].width, height: image.crops[ratio].height })),
        ],
      },
    ]);
    const withSource = articles.find((article) => article.source !== null)!;
    expect(toNinjs(withSource, SITE).infoSources).toEqual([{ name: withSource.source!.name, role: 'source', ...(withSource.source!.url === undefined ? {} : { uri: withSource.source!.url }) }]);
  });
});
