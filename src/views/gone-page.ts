import { html } from 'hono/html';
import { paths } from '../content/paths';
import { formatInstant, type ViewContext } from './format';
import { layout } from './layout';

/** The page a withdrawn article's URLs answer with (410 Gone): its headline, when and why it was withdrawn. */
export function gonePage(withdrawn: { title: string; date: string; timed: boolean; reason: string }, context: ViewContext) {
  const main = html`<h1>This article was withdrawn</h1>
<p class="withdrawn">“${withdrawn.title}” was withdrawn on <time datetime="${withdrawn.date}">${formatInstant(withdrawn.date, withdrawn.timed, context.site)}</time>.</p>
<p>${withdrawn.reason}</p>
<p><a href="${paths.home}">See the latest articles</a>.</p>`;
  const meta = { title: `Withdrawn · ${context.site.name}`, description: `This article was withdrawn: ${withdrawn.reason}`, lang: context.site.language, canonical: null, alternates: [] };
  return layout(meta, context, main);
}
