import { html } from 'hono/html';

/**
 * Views run in the content build only (scripts/build/represent.ts), never in the Worker: routes
 * serve the pages the build rendered. Nothing under src/routes imports this folder.
 */

/** What a dev build tells the author on every page: a summary line and one line per problem. */
export interface DevNotice {
  summary: string;
  problems: readonly string[];
}

/** The dev build's list of content problems, at the top of `<main>`; every line is escaped text. */
export function devNotice(notice: DevNotice) {
  return html`<aside class="dev-notice" aria-label="Content problems">
<p><strong>${notice.summary}</strong></p>
<ul>
${notice.problems.map((problem) => html`<li>${problem}</li>
`)}</ul>
</aside>
`;
}
