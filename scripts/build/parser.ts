import { parseDocument } from 'yaml';
import type { Result } from './problems';
import type { SourceFile } from './collector';

/** A source file split into its front matter (parsed YAML, not yet validated) and Markdown body. */
export interface ParsedFile extends SourceFile {
  data: unknown;
  body: string;
}

const FRONT_MATTER = /^\uFEFF?---[ \t]*\n([\s\S]*?)\n?^---[ \t]*(?:\n|$)/m;

/**
 * Aliases a front matter may resolve. A news article needs few or none; the limit stops an
 * alias bomb ("billion laughs": nested aliases that expand exponentially) before it expands.
 */
const MAX_ALIAS_COUNT = 20;

/** The `---` block and the body after it; `bodyLine` is the body's first line (1-based). Null without a block. */
export function splitFrontMatter(text: string): { yaml: string; body: string; bodyLine: number } | null {
  const match = FRONT_MATTER.exec(text);
  if (!match || match.index !== 0) return null;
  return { yaml: match[1] ?? '', body: text.slice(match[0].length), bodyLine: match[0].split('\n').length + (match[0].endsWith('\n') ? 0 : 1) };
}

/** Splits off the `---` front matter block and parses it as YAML 1.2 (core schema: no implicit dates). */
export function parse(source: SourceFile): Result<ParsedFile> {
  const split = splitFrontMatter(source.text);
  if (split === null) return fail(source, 'must start the file, between two lines of ---');
  const yaml = parseYaml(split.yaml);
  if (!yaml.ok) return { ok: false, problems: yaml.messages.map((message) => ({ file: source.file, field: 'front matter', message: `invalid YAML: ${message}` })) };
  // An empty block is an empty mapping, so validation can name each missing field.
  const data = yaml.data ?? {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    return fail(source, 'must be a YAML mapping of field: value');
  }
  return { ok: true, value: { ...source, data, body: split.body } };
}

/**
 * YAML to plain data. The yaml package reports syntax errors in `errors` but throws from toJS
 * (an unresolved alias, too many aliases) and overflows the stack on deep nesting: each becomes
 * a message, never an exception.
 */
export function parseYaml(text: string): { ok: true; data: unknown } | { ok: false; messages: string[] } {
  try {
    const document = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
    if (document.errors.length > 0) return { ok: false, messages: [...new Set(document.errors.map((error) => firstLine(error.message)))] };
    return { ok: true, data: document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as unknown };
  } catch (error) {
    return { ok: false, messages: [firstLine(error instanceof Error ? error.message : String(error))] };
  }
}

function fail(source: SourceFile, message: string): Result<ParsedFile> {
  return { ok: false, problems: [{ file: source.file, field: 'front matter', message }] };
}

function firstLine(message: string): string {
  return message.split('\n', 1)[0] ?? message;
}
