import { workerdProject } from '../fixtures/workerd-project.ts';

// The Worker inside workerd serving the judged search collection (tests/fixtures/search/content):
// the search page, the search API, OpenSearch, canonical redirects and hostile queries (issue 20).
export default workerdProject('search', { test: { name: 'search', include: ['**/*.test.ts'] } });
