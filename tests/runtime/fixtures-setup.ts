/**
 * Vitest global setup of the runtime project: the fixtures its tests serve, built once in vitest's
 * own process (the test files run in processes of their own) and handed to them (`provide`): the
 * seed, and the build tests' hostile article (its fields against the page's markup).
 */
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { hostile } from '../build/fixtures/hostile';
import { buildFixture, type SeparateBuild } from '../fixtures/corpora';

interface RuntimeFixtures {
  seed: SeparateBuild;
  hostile: SeparateBuild;
}

export type RuntimeFixture = keyof RuntimeFixtures;

declare module 'vitest' {
  export interface ProvidedContext {
    fixtures: RuntimeFixtures;
  }
}

export default async function buildFixtures(project: TestProject): Promise<void> {
  const [seed, hostileBuild] = await Promise.all([buildFixture('seed'), buildFixture('hostile', join(hostile.root, 'content'))]);
  project.provide('fixtures', { seed, hostile: hostileBuild });
}
