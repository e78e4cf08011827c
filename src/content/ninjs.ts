import type { Article, LeadImage } from './article';
import type { NinjsDocument } from './ninjs-schema';
import { paths } from './paths';

export type { NinjsDocument };

/**
 * An article as IPTC ninjs 3.1 (News in JSON: iptc.org/std/ninjs, the format wire services
 * deliver), made from the article's JSON representation: the same facts, in the wire's own
 * names. A pure function of the article, so the Worker derives it from the body it already keeps
 * (a fifth pre-rendered body would add some 30 % to every pack, issue 17's file budget).
 * tests/build/ninjs.test.ts validates it against IPTC's published JSON Schema.
 */

/** The version of ninjs this follows, and IPTC's schema for it. */
export const NINJS_STANDARD = { name: 'ninjs', version: '3.1', schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json' } as const;

/**
 * Names this mapping in the ETag (with the JSON body's): a change to what `toNinjs` writes must
 * change it, or a cache would keep the old document for bytes it never saw.
 */
export const NINJS_MAPPING = 'n1';

type Picture = NonNullable<NinjsDocument['associations']>[number];
type Rendition = Picture['renditions'][number];
type Party = NonNullable<NinjsDocument['people']>[number];

/** The lead image as a picture associated with the story (ninjs: `associations`, rel `featureimage`), at its width and in each crop. */
function leadPicture(image: LeadImage): Picture {
  const jpeg = (name: string, { url, width, height }: { url: string; width: number; height: number }): Rendition => ({ name, href: url, contentType: 'image/jpeg', width, height });
  return {
    uri: image.url,
    name: 'featureimage',
    rel: 'featureimage',
    type: 'picture',
    ...(image.credit === null ? {} : { by: image.credit }),
    descriptions: [{ role: 'alt', contentType: 'text/plain', value: image.alt }, ...(image.caption === null ? [] : [{ role: 'caption', contentType: 'text/plain', value: image.caption }])],
    renditions: [jpeg('default', image), ...Object.entries(image.crops).map(([ratio, crop]) => jpeg(ratio, crop))],
  };
}

/** The article as ninjs 3.1. `origin` is the site's origin (the article's URLs start with it). */
export function toNinjs(article: Article, origin: string): NinjsDocument {
  const { url, slug, title, alternativeHeadline, description, datePublished, dateModified, authors, source, section, tags, lang, html, text, wordCount, image } = article;
  const people = authors.map(({ name, url: page }): Party => ({ name, rel: 'author', ...(page === undefined ? {} : { uri: page }) }));
  const subjects: Party[] = [...(section === null ? [] : [{ name: section.title, rel: 'section', literal: section.slug }]), ...tags.map((tag) => ({ name: tag, rel: 'tag', literal: tag }))];
  return {
    uri: url,
    standard: NINJS_STANDARD,
    type: 'text',
    representationType: 'full',
    firstCreated: datePublished,
    versionCreated: dateModified ?? datePublished,
    pubStatus: 'usable',
    language: lang,
    slugline: slug,
    headlines: [{ role: 'main', value: title }, ...(alternativeHeadline === null ? [] : [{ role: 'sub', value: alternativeHeadline }])],
    descriptions: [{ role: 'summary', contentType: 'text/plain', value: description }],
    bodies: [
      { role: 'main', contentType: 'text/html', wordCount, value: html },
      { role: 'main', contentType: 'text/plain', wordCount, value: text },
    ],
    ...(people.length === 0 ? {} : { by: authors.map(({ name }) => name).join(', '), people }),
    ...(source === null ? {} : { infoSources: [{ name: source.name, role: 'source', ...(source.url === undefined ? {} : { uri: source.url }) }] }),
    ...(subjects.length === 0 ? {} : { subjects }),
    renditions: [
      { name: 'html', href: url, contentType: 'text/html' },
      { name: 'markdown', href: `${origin}${paths.articleMarkdown(slug)}`, contentType: 'text/markdown' },
      { name: 'json', href: `${origin}${paths.apiArticle(slug)}`, contentType: 'application/json' },
    ],
    ...(image === null ? {} : { associations: [leadPicture(image)] }),
  };
}
