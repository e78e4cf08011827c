import type { InvalidParameter } from '../http/problem';

/** What an RPC method's options object may hold: each query parameter's name and type. */
export type OptionTypes = Readonly<Record<string, 'string' | 'number'>>;

/**
 * An RPC method's options as the query string the HTTP route would read, and the options of the
 * wrong type (named like the API's problems); `shape` names the object in the error for a non-object.
 * Absent and null options are left out, as absent parameters.
 */
export function optionsAsParams(options: unknown, types: OptionTypes, shape: string): { params: URLSearchParams; errors: InvalidParameter[] } | { params: null; errors: InvalidParameter[] } {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) return { params: null, errors: [{ parameter: 'options', detail: `must be an object ${shape}` }] };
  const params = new URLSearchParams();
  const errors: InvalidParameter[] = [];
  for (const [name, type] of Object.entries(types)) {
    const value: unknown = Reflect.get(options, name);
    if (value === undefined || value === null) continue;
    if (typeof value === type) params.set(name, String(value));
    else errors.push({ parameter: name, detail: `must be a ${type}` });
  }
  return { params, errors };
}
