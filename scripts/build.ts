/**
 * `npm run build`: validates content/ and writes src/generated/content.ts for the Worker.
 * Exit 1 with one `file: field: message` line per problem when the content is bad.
 * Drafts are included only when EDGEWIRE_DRAFTS=include (set by `npm run dev`).
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { buildContent } from './build/index';
import { formatProblem } from './build/problems';
import { moduleText, writeModule } from './build/writer';

const { values } = parseArgs({
  options: {
    root: { type: 'string', default: '.' },
    out: { type: 'string', default: 'src/generated/content.ts' },
  },
});
const root = resolve(values.root);
const includeDrafts = process.env.EDGEWIRE_DRAFTS === 'include';
const result = await buildContent({ root, includeDrafts });
if (!result.ok) {
  console.error(`Content build failed: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}`);
  for (const problem of result.problems) console.error(formatProblem(problem));
  process.exit(1);
}
const changed = await writeModule(resolve(root, values.out), moduleText(result.bundle));
const drafts = includeDrafts ? ' (drafts included)' : '';
console.log(`Built ${result.bundle.articles.length} article(s)${drafts} -> ${values.out}${changed ? '' : ' (unchanged)'}`);
