import type { Article, ArticlePicture } from '../../src/content/article';
import { paths } from '../../src/content/paths';
import type { FrontMatter } from '../../src/content/schema';
import { ORIGIN } from '../../src/store/bundle';
import type { Catalog } from './catalog';
import { renderedCharacterProblems } from './characters';
import type { Problem, Result } from './problems';
import { showsText } from '../../src/content/fields';
import { pictureData } from '../../src/content/pictures';
import { checkArticleImages, leadImage, type Picture } from './article-images';
import { renderBody, type BodyImage, type PictureFor } from './render';
import type { ValidArticle } from './transformer';

type Credit = Article['authors'][number];

/** The article's bylines: an author id becomes the author's name and page; an unknown id is a problem. */
function resolveAuthors(file: string, authors: FrontMatter['authors'], catalog: Catalog, problems: Problem[]): Credit[] {
  return authors.flatMap((author, index): Credit[] => {
    if (typeof author !== 'string') return [author];
    const known = catalog.authors.get(author);
    if (known !== undefined) return [{ id: author, name: known.name, url: `${ORIGIN}${paths.author(author)}` }];
    problems.push({ file, field: `authors.${index}`, message: `unknown author "${author}": there is no content/authors/${author}.md` });
    return [];
  });
}

/** The section named in the front matter, else the first of the site's sections that collects one of the tags. */
function resolveSection(file: string, frontMatter: FrontMatter, catalog: Catalog, problems: Problem[]): Article['section'] {
  if (frontMatter.section !== undefined) {
    const named = catalog.sections.find(({ slug }) => slug === frontMatter.section);
    if (named === undefined) problems.push({ file, field: 'section', message: `unknown section "${frontMatter.section}": site.yml's sections are ${catalog.sections.map(({ slug }) => slug).join(', ') || 'none'}` });
    return named === undefined ? null : { slug: named.slug, title: named.title };
  }
  const found = catalog.sections.find(({ tags }) => tags.some((tag) => frontMatter.tags.includes(tag)));
  return found === undefined ? null : { slug: found.slug, title: found.title };
}

/** The latest of the front matter's dateModified and the corrections' dates (RFC 3339 UTC strings compare as text). */
function lastChange({ dateModified, corrections }: FrontMatter): string | null {
  const dates = [...(dateModified === undefined ? [] : [dateModified]), ...corrections.map(({ date }) => date)];
  return dates.length === 0 ? null : dates.reduce((a, b) => (a > b ? a : b));
}

/**
 * Renders the body and assembles the article exactly as the API serves it (keys in API order),
 * with the places of the pictures it shows (under content/: a build that remembers checks them
 * again when they change). The rendered body is checked before the build's origin marker goes into `url`.
 */
export function deriveArticle({ file, slug, frontMatter, body }: ValidArticle, catalog: Catalog, shown: readonly Picture[] = []): Result<{ article: Article; pictures: Picture[] }> {
  const { firstParagraph, images, problems: bodyProblems, ...facts } = renderBody(body, frontMatter.lang, bodyPictures(shown));
  const problems = [...renderedCharacterProblems(file, [facts.html, facts.text]), ...bodyProblems.map((problem) => ({ file, ...problem }))];
  const authors = resolveAuthors(file, frontMatter.authors, catalog, problems);
  const section = resolveSection(file, frontMatter, catalog, problems);
  // Checked now (their headers once listed: verifyPictures), shown later: the pages, the JSON and the feeds take them in the next step (issue 18).
  const pictures = checkArticleImages(file, frontMatter.image, images, catalog, problems);
  if (problems.length > 0) return { ok: false, problems };
  const article: Article = {
    slug,
    url: `${ORIGIN}${paths.article(slug)}`,
    title: frontMatter.title,
    alternativeHeadline: frontMatter.alternativeHeadline ?? null,
    description: frontMatter.description ?? firstParagraph,
    image: leadImage(shown),
    datePublished: frontMatter.datePublished,
    dateModified: lastChange(frontMatter),
    authors,
    source: frontMatter.source ?? null,
    section,
    tags: frontMatter.tags,
    lang: frontMatter.lang,
    wordCount: facts.wordCount,
    readingTimeMinutes: facts.readingTimeMinutes,
    corrections: frontMatter.corrections.toSorted((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0)),
    html: facts.html,
    text: facts.text,
    images: bodyPictureData(images, shown),
  };
  return { ok: true, value: { article, pictures } };
}

/**
 * The body's pictures as the page shows them, once verified (`shown`: the article's pictures as
 * listed); the URLs are paths on this site, as the body's own links are.
 */
function bodyPictures(shown: readonly Picture[]): PictureFor | undefined {
  const keys = bodyKeys(shown);
  if (keys.size === 0) return undefined;
  return (image) => {
    const key = keys.get(image.src);
    return key === undefined ? undefined : pictureData('', key, pictureText(image));
  };
}

/** The body's pictures as the JSON gives them, in order, their URLs absolute (other sites and apps read them); none until verified. */
function bodyPictureData(images: readonly BodyImage[], shown: readonly Picture[]): ArticlePicture[] {
  const keys = bodyKeys(shown);
  return images.flatMap((image) => {
    const key = keys.get(image.src);
    return key === undefined ? [] : [pictureData(ORIGIN, key, pictureText(image))];
  });
}

/** The verified body pictures' keys, by their source as written. */
const bodyKeys = (shown: readonly Picture[]) => new Map(shown.flatMap(({ lead, written, key }) => (lead || key === undefined ? [] : [[written, key] as const])));

/** A body picture's text: its alt, its title as the caption (none when empty). */
const pictureText = ({ alt, title }: BodyImage) => ({ alt, caption: title !== null && showsText(title) ? title.trim() : null, credit: null });

/** Newest first; the slug breaks ties so the order never depends on file order. */
export function byNewest({ article: a }: { article: Pick<Article, 'datePublished' | 'slug'> }, { article: b }: { article: Pick<Article, 'datePublished' | 'slug'> }): number {
  if (a.datePublished !== b.datePublished) return a.datePublished < b.datePublished ? 1 : -1;
  return a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0;
}
