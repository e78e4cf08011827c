import { resolve } from 'node:path';
import { workerdProject } from '../fixtures/workerd-project.ts';

// Runs the real Worker (wrangler.toml: main, vars, compatibility date) inside workerd, serving the
// seed fixture (tests/fixtures/seed/content), never the newsroom's content/.
export default workerdProject('seed', {
  // examples/ import the client by its package name, as a consumer would.
  resolve: { alias: { 'edgewire/client': resolve(import.meta.dirname, '../../src/client/index.ts') } },
  test: {
    name: 'worker',
    include: ['**/*.test.ts'],
    globalSetup: ['./site-url-setup.ts'],
  },
});
