/**
 * Vitest global setup of the runtime project: the fixtures its tests serve, built once in vitest's
 * own process (the test files run in processes of their own) and handed to them (`provide`): the
 * seed, the build tests' hostile article (its fields against the page's markup), and an archive
 * of generated articles several list pages long.
 */
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { hostile } from '../build/fixtures/hostile';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { generateCorpus, writeCorpus } from '../../scripts/bench/corpus';
import { buildFixture, fixtureBuildDir, type SeparateBuild } from '../fixtures/corpora';
import { ARCHIVE_ARTICLES } from './archive';

interface RuntimeFixtures {
  seed: SeparateBuild;
  hostile: SeparateBuild;
  archive: SeparateBuild;
}

export type RuntimeFixture = keyof RuntimeFixtures;

declare module 'vitest' {
  export interface ProvidedContext {
    fixtures: RuntimeFixtures;
  }
}

/** The archive fixture's content: ARCHIVE_ARTICLES generated articles (scripts/bench/corpus.ts), written afresh. */
async function archiveContent(): Promise<string> {
  const root = join(fixtureBuildDir('archive'), '../archive-content');
  await rm(root, { recursive: true, force: true });
  await mkdir(join(root, 'content/articles'), { recursive: true });
  await writeFile(join(root, 'content/site.yml'), 'name: edgewire\n');
  await writeCorpus(join(root, 'content/articles'), generateCorpus(ARCHIVE_ARTICLES));
  return join(root, 'content');
}

export default async function buildFixtures(project: TestProject): Promise<void> {
  const [seed, hostileBuild, archive] = await Promise.all([buildFixture('seed'), buildFixture('hostile', join(hostile.root, 'content')), archiveContent().then((content) => buildFixture('archive', content))]);
  project.provide('fixtures', { seed, hostile: hostileBuild, archive });
}
