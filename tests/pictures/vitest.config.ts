import { workerdProject } from '../fixtures/workerd-project.ts';

// The Worker inside workerd serving the pictures fixture (tests/fixtures/pictures/content): its
// pictures made before the build, each variant made by the Images binding (run locally on sharp).
export default workerdProject('pictures', { test: { name: 'pictures', include: ['**/*.test.ts'] } });
