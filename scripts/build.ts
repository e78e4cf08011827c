/**
 * `npm run build`: validates the articles and writes what the Worker serves: the index module
 * (src/generated/content.txt, bundled) and the body files (.edgewire/assets/, static assets).
 * Exit 1 with one `file: field: message` line per problem when the content is bad.
 * Drafts are included only when EDGEWIRE_DRAFTS=include (set by `npm run dev`); EDGEWIRE_CONTENT
 * names another articles folder (the benchmark's synthetic archive).
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildContent } from './build/index';
import { formatProblem } from './build/problems';
import { contentText, writeBodyFiles, writeModule } from './build/writer';

const { values } = parseArgs({
  options: {
    root: { type: 'string', default: '.' },
    content: { type: 'string', default: process.env.EDGEWIRE_CONTENT ?? 'content/articles' },
    out: { type: 'string', default: 'src/generated/content.txt' },
    assets: { type: 'string', default: '.edgewire/assets' },
  },
});
const started = performance.now();
const root = resolve(values.root);
const includeDrafts = process.env.EDGEWIRE_DRAFTS === 'include';
const result = await buildContent({ root, articlesDir: values.content, includeDrafts });
if (!result.ok) {
  console.error(`Content build failed: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}`);
  for (const problem of result.problems) console.error(formatProblem(problem));
  process.exit(1);
}
const changed = await writeModule(resolve(root, values.out), contentText(result));
const files = await writeBodyFiles(resolve(root, values.assets), result.files);
const drafts = includeDrafts ? ' (drafts included)' : '';
const seconds = ((performance.now() - started) / 1000).toFixed(2);
console.log(
  `Built ${result.articles.length} article(s)${drafts} in ${seconds} s -> ${values.out}${changed ? '' : ' (unchanged)'}, ` +
    `${values.assets} (${result.files.length} files: ${files.written} written, ${files.removed} removed)`,
);
