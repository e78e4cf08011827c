import { defineConfig } from 'vitest/config';

// The Worker inside workerd, a second Worker calling it over a service binding (RPC), the content
// build/importer in Node, and the deployable bundle over real HTTP; the Worker serving fixture
// corpora (tests/fixtures/), never content/. A corpus with a suite of its own is one more project
// here (tests/fixtures/workerd-project.ts).
export default defineConfig({
  test: {
    // A passing run prints no stack trace and no error log (tests/clean-output.ts).
    reporters: ['default', './tests/clean-output.ts'],
    projects: ['tests/worker/vitest.config.ts', 'tests/newsroom/vitest.config.ts', 'tests/pictures/vitest.config.ts', 'tests/scheduled/vitest.config.ts', 'tests/search/vitest.config.ts', 'tests/rpc/vitest.config.ts', 'tests/build/vitest.config.ts', 'tests/runtime/vitest.config.ts'],
  },
});
