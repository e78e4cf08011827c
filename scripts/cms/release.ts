import { join } from 'node:path';

/** The Decap CMS release the editor runs (decap.ts fetches it; the content build serves it at /admin/). */

/** The release served, and the sha512 of its tarball as the registry published it (`npm view decap-cms@3.16.3 dist.integrity`). */
export const DECAP = {
  version: '3.16.3',
  integrity: 'sha512-hf+dPlCh7TJmWl8+6VRzHYOWhri5xgUknrZbDewaWe4s9B7xJ8PQugp2QHeSldMUKzav6+z0oIpwUYhUJDYtYw==',
} as const;

/** Where the unpacked bundle is kept, under the project root. */
export const decapDir = (root: string): string => join(root, '.edgewire/cms', `decap-cms-${DECAP.version}`);

/** The files of `dist/` served: the bundle and the chunks and WebAssembly it loads beside it, not the maps nor the `cms.js` copy of it. */
export const isServed = (name: string): boolean => !name.endsWith('.map') && !name.startsWith('cms.js') && !/^\d+\.cms\.js/.test(name);

