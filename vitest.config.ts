import { defineConfig } from 'vitest/config';

// The Worker inside workerd, a second Worker calling it over a service binding (RPC), the content
// build/importer in Node, and the deployable bundle over real HTTP.
export default defineConfig({
  test: {
    projects: ['tests/worker/vitest.config.ts', 'tests/rpc/vitest.config.ts', 'tests/build/vitest.config.ts', 'tests/runtime/vitest.config.ts'],
  },
});
