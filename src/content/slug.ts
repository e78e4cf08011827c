/** Slugs and tags: lowercase a-z, 0-9 and single hyphens (safe in URLs, one spelling each). */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_RULE = 'lowercase a-z, 0-9 and single hyphens';
