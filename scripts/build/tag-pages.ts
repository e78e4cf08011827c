import { paths } from '../../src/content/paths';
import { MEDIA_TYPES } from '../../src/http/media-types';
import { ORIGIN } from '../../src/store/bundle';
import { tagPage, tagsPage } from '../../src/views/tag-pages';
import type { DocumentProducer, DocumentSource } from './documents';
import { paginate } from './paging';

/**
 * The tag pages as documents: `/tags` (every tag with its count) in one body file, and each
 * tag's pages (`/tags/<tag>`, `?page=` past the first) in a body file of their own, so serving a
 * tag reads only that tag's pages.
 */
export const tagPages: DocumentProducer = ({ tags, context }) => {
  const counts = [...tags].map(([tag, articles]) => [tag, articles.length] as const);
  const index: DocumentSource = { path: paths.tags, contentType: MEDIA_TYPES.html, kind: 'list', pages: [tagsPage(counts, { ...context, canonical: `${ORIGIN}${paths.tags}` }).toString()] };
  const perTag = [...tags].map(([tag, articles]): DocumentSource => {
    const pages = paginate(articles);
    return {
      path: paths.tag(tag),
      contentType: MEDIA_TYPES.html,
      kind: 'list',
      pages: pages.map((items, at) => tagPage(tag, items, { page: at + 1, pages: pages.length }, { ...context, canonical: `${ORIGIN}${paths.tag(tag, at + 1)}` }).toString()),
    };
  });
  return [[index], ...perTag.map((document) => [document])];
};
