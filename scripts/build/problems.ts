/** One thing wrong with the content, reported as `file: field: message`. */
export interface Problem {
  file: string;
  field: string;
  message: string;
}

/** A stage's result: its value, or every problem it found. */
export type Result<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

/** The line the build prints for a problem. */
export function formatProblem({ file, field, message }: Problem): string {
  return `${file}: ${field}: ${message}`;
}
