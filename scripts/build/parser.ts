import { parseDocument } from 'yaml';
import type { Result } from './problems';
import type { SourceFile } from './collector';

/** A source file split into its front matter (parsed YAML, not yet validated) and Markdown body. */
export interface ParsedFile extends SourceFile {
  data: unknown;
  body: string;
}

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n?^---[ \t]*(?:\r?\n|$)/m;

/** Splits off the `---` front matter block and parses it as YAML 1.2 (core schema: no implicit dates). */
export function parse(source: SourceFile): Result<ParsedFile> {
  const match = FRONT_MATTER.exec(source.text);
  if (!match || match.index !== 0) {
    return fail(source, 'must start the file, between two lines of ---');
  }
  const document = parseDocument(match[1] ?? '', { uniqueKeys: true, prettyErrors: false });
  if (document.errors.length > 0) {
    return {
      ok: false,
      problems: document.errors.map((error) => ({ file: source.file, field: 'front matter', message: `invalid YAML: ${firstLine(error.message)}` })),
    };
  }
  // An empty block is an empty mapping, so validation can name each missing field.
  const data: unknown = document.toJS() ?? {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    return fail(source, 'must be a YAML mapping of field: value');
  }
  return { ok: true, value: { ...source, data, body: source.text.slice(match[0].length) } };
}

function fail(source: SourceFile, message: string): Result<ParsedFile> {
  return { ok: false, problems: [{ file: source.file, field: 'front matter', message }] };
}

function firstLine(message: string): string {
  return message.split('\n', 1)[0] ?? message;
}
