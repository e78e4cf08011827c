import type { ZodType } from 'zod';
import { frontMatterSchema, slugSchema } from '../../src/content/schema';

/** `--name: message` for each rule `value` breaks; none when the option was not given. */
function problems(name: string, schema: ZodType, value: string | undefined): string[] {
  if (value === undefined) return [];
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => `--${name}: ${issue.message}`);
}

/**
 * Every problem with the options' values, one line each, checked by the content build's own
 * schema: the importer never writes an article the build would reject for its slug or date.
 */
export function optionProblems(values: { slug?: string | undefined; date?: string | undefined }): string[] {
  return [...problems('slug', slugSchema, values.slug), ...problems('date', frontMatterSchema.shape.datePublished, values.date)];
}
