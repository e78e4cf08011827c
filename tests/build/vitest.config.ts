import { defineConfig } from 'vitest/config';

// The content build and the importer, in Node, against good and bad fixtures.
export default defineConfig({
  test: {
    name: 'build',
    include: ['**/*.test.ts'],
    environment: 'node',
    // Many tests wait on the build script in a child process: running a file's tests at once
    // overlaps the waits (each test has its own temp folder). On a 2-CPU machine running both
    // suites together, one run can take longer than vitest's default 5 s.
    sequence: { concurrent: true },
    testTimeout: 60_000,
  },
});
