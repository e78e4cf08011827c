import type { Article } from '../../src/content/article';
import { paths } from '../../src/content/paths';
import { ORIGIN } from '../../src/store/bundle';
import { renderedCharacterProblems } from './characters';
import type { Result } from './problems';
import { renderBody } from './render';
import type { ValidArticle } from './transformer';

/**
 * Renders the body and assembles the article exactly as the API serves it (keys in API order).
 * The rendered body is checked before the build's origin marker goes into `url`.
 */
export function deriveArticle({ file, slug, frontMatter, body }: ValidArticle): Result<Article> {
  const { firstParagraph, ...facts } = renderBody(body, frontMatter.lang);
  const problems = renderedCharacterProblems(file, [facts.html, facts.text]);
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      slug,
      url: `${ORIGIN}${paths.article(slug)}`,
      title: frontMatter.title,
      alternativeHeadline: frontMatter.alternativeHeadline ?? null,
      description: frontMatter.description ?? firstParagraph,
      datePublished: frontMatter.datePublished,
      dateModified: frontMatter.dateModified ?? null,
      authors: frontMatter.authors,
      source: frontMatter.source ?? null,
      tags: frontMatter.tags,
      lang: frontMatter.lang,
      wordCount: facts.wordCount,
      readingTimeMinutes: facts.readingTimeMinutes,
      html: facts.html,
      text: facts.text,
    },
  };
}

/** Newest first; the slug breaks ties so the order never depends on file order. */
export function byNewest({ article: a }: { article: Article }, { article: b }: { article: Article }): number {
  if (a.datePublished !== b.datePublished) return a.datePublished < b.datePublished ? 1 : -1;
  return a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0;
}
