import type { ZodType } from 'zod';
import { frontMatterSchema, leadImageSchema, slugSchema } from '../../src/content/schema';

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
export function optionProblems(values: { slug?: string | undefined; date?: string | undefined; image?: string | undefined; alt?: string | undefined; credit?: string | undefined; caption?: string | undefined }): string[] {
  const { alt, credit, caption } = leadImageSchema.shape;
  const photo = values.image === undefined ? photoWithout(values) : [...(values.alt === undefined ? ['--image needs --alt: what the picture shows, for readers who cannot see it'] : []), ...(values.credit === undefined ? ['--image needs --credit: who made the picture'] : [])];
  return [
    ...problems('slug', slugSchema, values.slug),
    ...problems('date', frontMatterSchema.shape.datePublished, values.date),
    ...photo,
    ...problems('alt', alt, values.alt),
    ...problems('credit', credit, values.credit),
    ...problems('caption', caption, values.caption),
  ];
}

/** --alt, --credit and --caption describe the --image: alone they are a mistake. */
function photoWithout(values: Record<string, string | undefined>): string[] {
  return ['alt', 'credit', 'caption'].filter((name) => values[name] !== undefined).map((name) => `--${name} describes the --image, and there is none`);
}
