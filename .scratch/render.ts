// What filtering per request would cost the front page: rendering it (Node 24, same views the build uses).
import { buildContent } from '../scripts/build/index';
import { renderContext, toSummary } from '../scripts/build/represent';
import { frontPage } from '../scripts/build/front-page';
import { archivePages } from '../scripts/build/paging';
import { indexPage } from '../src/views/index-page';
import { readFile } from 'node:fs/promises';
const root = process.argv[2]!;
const r = await buildContent({ root, threads: 0 });
if (!r.ok) throw new Error('build');
// Rebuild newsroom + site for the context
const { readSite } = await import('../scripts/build/site');
const site = await readSite(`${root}/content`, root);
if (!site.ok) throw new Error('site');
const newsroom = { site: site.value, authors: [], pages: [], catalog: { authors: new Map(), sections: site.value.settings.sections } } as never;
const sources = { stylesheet: await readFile('src/views/site.css', 'utf8'), favicon: await readFile('src/views/favicon.svg', 'utf8'), embed: { stylesheet: '', script: '', resizer: '' } };
const summaries = r.articles.map((line) => line.summary);
const { context } = renderContext([], newsroom, sources as never);
const front = frontPage(summaries, new Set(), site.value.settings.sections);
const page = archivePages(summaries)[0]!;
const render = () => indexPage(page.items.filter((i) => i !== front.lead), page.paging, { ...context, canonical: '/' }, front).toString();
const count = Number(process.argv[3] ?? 20000);
if (process.argv[3] !== undefined) { let bytes = 0; for (let i = 0; i < count; i++) bytes += render().length; console.log(bytes); process.exit(0); }
for (let i = 0; i < 2000; i++) render();
const n = 20000; const t = process.hrtime.bigint();
let bytes = 0; for (let i = 0; i < n; i++) bytes += render().length;
const us = Number(process.hrtime.bigint() - t) / 1000 / n;
console.log(`articles ${summaries.length}, front page ${render().length} chars, ${us.toFixed(1)} µs per render (Node ${process.version})`);
