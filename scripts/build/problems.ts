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

function count(problems: number): string {
  return `${problems} problem${problems === 1 ? '' : 's'}`;
}

/** The first line of a failed build's report. */
export function failureHeadline(problems: number): string {
  return `Content build failed: ${count(problems)}`;
}

/** The first line of a dev build's report, and the notice on its pages. */
export function devHeadline(problems: number): string {
  return `Content build: ${count(problems)} (serving the last good version of each broken article)`;
}
