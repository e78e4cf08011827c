import { workerdProject } from '../fixtures/workerd-project.ts';

// The Worker inside workerd serving the newsroom fixture (tests/fixtures/newsroom/content): site
// settings, sections, authors, static pages, corrections, a withdrawn and a renamed article.
export default workerdProject('newsroom', { test: { name: 'newsroom', include: ['**/*.test.ts'] } });
