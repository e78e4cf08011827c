import { defineConfig } from 'vitest/config';

// Two suites: the Worker inside workerd, and the content build/importer in Node.
export default defineConfig({
  test: {
    projects: ['tests/worker/vitest.config.ts', 'tests/build/vitest.config.ts', 'tests/runtime/vitest.config.ts'],
  },
});
