import { workerdProject } from '../fixtures/workerd-project.ts';

// The Worker inside workerd serving the scheduled fixture (tests/fixtures/scheduled/content): a
// story scheduled by its datePublished and one embargoed, each test request served as of a moment
// of its own (the EDGEWIRE_NOW var, as a deployment could set it).
export default workerdProject('scheduled', { test: { name: 'scheduled', include: ['**/*.test.ts'] } });
