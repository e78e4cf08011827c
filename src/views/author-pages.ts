import { html } from 'hono/html';
import type { ArticleSummary } from '../content/article';
import type { AuthorSummary } from '../content/author';
import { paths } from '../content/paths';
import type { Paging } from './article-list';
import type { FeedLink } from './feeds';
import type { ViewContext } from './format';
import { layout } from './layout';
import { listPage } from './list-page';
import { personData } from './structured-data';
import { trustedArticleHtml, trustedJsonLd } from './trusted';

/** An author's page: name, role, bio, links, then their articles, newest first; the front (the page itself, not an archive page) carries ProfilePage JSON-LD. */
export function authorPage(author: AuthorSummary, bioHtml: string, summaries: readonly ArticleSummary[], paging: Paging, feeds: readonly FeedLink[], context: ViewContext & { canonical: string }) {
  const links = [...(author.website === null ? [] : [{ title: 'Website', url: author.website }]), ...author.sameAs.map((url) => ({ title: new URL(url).hostname, url }))];
  const intro = html`<div class="profile">
${author.role === null ? '' : html`<p class="role">${author.role}</p>
`}<div class="bio">${trustedArticleHtml(bioHtml)}</div>
${links.length === 0 ? '' : html`<ul class="profiles" aria-label="Elsewhere">${links.map(({ title, url }) => html`<li><a href="${url}" rel="me">${title}</a></li>`)}</ul>
`}</div>
`;
  return listPage(summaries, paging, {
    heading: author.name,
    title: author.name,
    description: author.role === null ? `Articles by ${author.name} on ${context.site.name}.` : `${author.name}, ${author.role}: articles on ${context.site.name}.`,
    href: (page) => paths.author(author.id, page),
    alternates: [['application/json', paths.apiAuthor(author.id)]],
    intro,
    listHeading: 'Articles',
    feeds,
    head: html`${trustedJsonLd(personData(author))}
`,
  }, context);
}

/** Every author with a page, by name, with their role and how many articles they have. */
export function authorsPage(authors: readonly AuthorSummary[], context: ViewContext & { canonical: string }) {
  const main = html`<h1>Authors</h1>
${authors.length === 0 ? html`<p>No authors yet.</p>` : html`<ul class="author-index">
${authors.map(({ id, name, role, articleCount }) => html`<li><a href="${paths.author(id)}">${name}</a>${role === null ? '' : html`, ${role}`} · ${articleCount === 1 ? '1 article' : `${articleCount} articles`}</li>
`)}</ul>`}`;
  const meta = {
    title: `Authors · ${context.site.name}`,
    description: `The people who write for ${context.site.name}.`,
    lang: context.site.language,
    canonical: context.canonical,
    alternates: [['application/json', paths.apiAuthors]] as const,
  };
  return layout(meta, context, main);
}
