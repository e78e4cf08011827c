import { paths } from '../../src/content/paths';
import { MEDIA_TYPES } from '../../src/http/media-types';
import { ORIGIN } from '../../src/store/bundle';
import { tagPage, tagsPage } from '../../src/views/tag-pages';
import { listKeys, type DocumentProducer, type DocumentSource } from './documents';
import { archivePages, lazily } from './paging';

/**
 * The tag pages as documents: `/tags` (every tag with its count), and each tag's pages (the
 * newest at `/tags/<tag>`, archive pages `?page=n` from the oldest) in packs of their own, so
 * serving a tag reads only that tag's pages.
 */
export const tagPages: DocumentProducer = (input) => {
  const { tags, context } = input;
  const counts = [...tags].map(([tag, articles]) => [tag, articles.length] as const);
  const index: DocumentSource = { path: paths.tags, contentType: MEDIA_TYPES.html, kind: 'list', pages: [tagsPage(counts, { ...context, canonical: `${ORIGIN}${paths.tags}` }).toString()] };
  const perTag = [...tags].map(([tag, articles]): DocumentSource => {
    return {
      path: paths.tag(tag),
      contentType: MEDIA_TYPES.html,
      kind: 'list',
      pages: lazily(archivePages(articles), ({ items, paging }) => tagPage(tag, items, paging, { ...context, canonical: `${ORIGIN}${paths.tag(tag, paging.page ?? undefined)}` }).toString(), listKeys(input, paths.tag(tag))),
    };
  });
  return [[index], ...perTag.map((document) => [document])];
};
