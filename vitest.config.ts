import { defineConfig } from 'vitest/config';

// The Worker inside workerd, a second Worker calling it over a service binding (RPC), the content
// build/importer in Node, and the deployable bundle over real HTTP.
export default defineConfig({
  test: {
    // A passing run prints no stack trace and no error log (tests/clean-output.ts).
    reporters: ['default', './tests/clean-output.ts'],
    projects: ['tests/worker/vitest.config.ts', 'tests/rpc/vitest.config.ts', 'tests/build/vitest.config.ts', 'tests/runtime/vitest.config.ts'],
  },
});
