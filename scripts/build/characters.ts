import type { Problem } from './problems';

/** The character ORIGIN (src/store/bundle.ts) is made of: where the Worker puts SITE_URL. */
const RESERVED = '\uE000';

/**
 * What no output may carry from content. U+E000, so content can never spell the origin marker;
 * and the control characters: C0 but tab and line feed, DEL, and C1 (U+0080 to U+009F). CR is
 * one of them because sources are read with CRLF normalised to LF: a CR left is a lone one.
 */
const FORBIDDEN = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uE000]/g;

function codePoint(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

function describe(char: string): string {
  return char === RESERVED ? 'contains U+E000, which the build reserves' : `contains the control character ${codePoint(char)}`;
}

/** Each distinct forbidden character of `text`, with the index of its first appearance. */
function forbidden(text: string): Map<string, number> {
  const found = new Map<string, number>();
  for (const match of text.matchAll(FORBIDDEN)) if (!found.has(match[0])) found.set(match[0], match.index);
  return found;
}

/** Every string in `value` with its field path, spelt as zod spells one (`authors.1.url`). */
function* strings(value: unknown, path: string): Generator<[path: string, text: string]> {
  const at = (key: string | number) => (path === '' ? String(key) : `${path}.${key}`);
  if (typeof value === 'string') yield [path, value];
  else if (Array.isArray(value)) for (const [index, item] of value.entries()) yield* strings(item, at(index));
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) yield* strings(item, at(key));
}

/**
 * The raw source: each forbidden character once, at the line where it first appears, in the
 * front matter or the body (`bodyLine` is the body's first line; null when there is no front matter).
 */
export function sourceCharacterProblems(file: string, text: string, bodyLine: number | null): Problem[] {
  return [...forbidden(text)].map(([char, index]): Problem => {
    const line = text.slice(0, index).split('\n').length;
    const field = bodyLine === null ? 'file' : line < bodyLine ? 'front matter' : 'body';
    return { file, field, message: `${describe(char)} (line ${line})` };
  });
}

/** Strings as YAML decoded them (escapes such as "\uE000" or "\x07" undone), each field named. */
export function fieldCharacterProblems(file: string, fields: unknown): Problem[] {
  const problems: Problem[] = [];
  for (const [field, text] of strings(fields, '')) {
    for (const char of forbidden(text).keys()) problems.push({ file, field: field || 'front matter', message: describe(char) });
  }
  return problems;
}

/**
 * The rendered body (HTML and text): CommonMark decodes character references, so `&#xE000;` or
 * `&#12;` in a clean source renders as the character itself. Reported once per character.
 */
export function renderedCharacterProblems(file: string, rendered: readonly string[]): Problem[] {
  const chars = new Set(rendered.flatMap((text) => [...forbidden(text).keys()]));
  return [...chars].map((char) => ({ file, field: 'body', message: `${describe(char)} (from a character reference such as &#x${(char.codePointAt(0) ?? 0).toString(16).toUpperCase()};)` }));
}

/**
 * The last guard before the build puts its own markers in: no content string may hold U+E000.
 * Throws, because the checks above have a hole if it fires; the output would be misread.
 */
export function assertNoReservedCharacter(value: unknown, what: string): void {
  for (const [field, text] of strings(value, '')) {
    if (text.includes(RESERVED)) throw new Error(`${what}: ${field} contains U+E000 after every content check; nothing was written`);
  }
}
