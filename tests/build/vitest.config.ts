import { defineConfig } from 'vitest/config';

// The content build and the importer, in Node, against good and bad fixtures.
export default defineConfig({
  test: {
    name: 'build',
    include: ['**/*.test.ts'],
    environment: 'node',
  },
});
