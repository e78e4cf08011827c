import { exports } from 'cloudflare:workers';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { expect } from 'vitest';
import { RESERVED_PAGE_SLUGS } from '../../src/content/paths';

/**
 * The OpenAPI contract, checked on every response the Worker tests obtain: its status must be one
 * the served document (/api/openapi.json) lists for that path and method, its media type one the
 * response declares, its headers present and matching their schemas, and a JSON body valid against
 * the response's JSON Schema (Ajv, draft 2020-12, with formats). Ajv compiles validators with
 * `new Function`, which workerd forbids in a deployed Worker; the test pool routes `Function` to
 * its unsafe-eval binding (for @vitest/snapshot), so Ajv runs here unchanged and never ships.
 */

type Json = Record<string, any>;

/** Fetched straight from the Worker's export, so checking it is not itself checked. */
const documentPromise: Promise<Json> = exports.default.fetch(new Request('http://localhost:8787/api/openapi.json')).then((response) => response.json<Json>());
const ajv = addFormats(new Ajv2020({ allErrors: true, strict: true }));
const compiled = new Map<string, ValidateFunction>();

/** A validator for a schema of the document; `#/components/schemas/X` becomes `#/$defs/X`. */
function validatorOf(schema: Json, document: Json): ValidateFunction {
  const key = JSON.stringify(schema);
  let validate = compiled.get(key);
  if (validate === undefined) {
    const local = (value: unknown) => JSON.parse(JSON.stringify(value).replaceAll('"#/components/schemas/', '"#/$defs/'));
    validate = ajv.compile({ ...local(schema), $defs: local(document.components.schemas) });
    compiled.set(key, validate);
  }
  return validate;
}

const resolve = (value: Json, document: Json): Json => (typeof value.$ref === 'string' ? value.$ref.slice(2).split('/').reduce((node: Json, key: string) => node[key], document) : value);

/**
 * A reserved first segment (`/api`, `/tags`…) is never a static page: the build refuses such a page
 * slug, and the Worker answers there as the route that owns it (`/api` with the API's problem 404).
 */
const isReservedPage = (template: string, pathname: string) => template === '/{slug}' && RESERVED_PAGE_SLUGS.includes(pathname.slice(1));

/** The path template naming `pathname`: a literal path first, else the most specific template. */
function templateOf(pathname: string, document: Json): Json | undefined {
  const templates = Object.keys(document.paths).filter(
    (template) => new RegExp(`^${template.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '[^/]+')}$`).test(pathname) && !isReservedPage(template, pathname),
  );
  const best = templates.sort((a, b) => b.replace(/\{[^}]+\}/g, '').length - a.replace(/\{[^}]+\}/g, '').length)[0];
  return best === undefined ? undefined : document.paths[best];
}

/**
 * The path item for `pathname`. A path with a trailing slash is its path's (the document names no
 * path ending in a slash, as Redocly's no-path-trailing-slash rule asks; `/articles/{slug}` says
 * its trailing-slash spelling redirects to it).
 */
function pathItemOf(pathname: string, document: Json): Json | undefined {
  return templateOf(pathname, document) ?? (pathname.length > 1 && pathname.endsWith('/') ? templateOf(pathname.slice(0, -1), document) : undefined);
}

/**
 * Any method but GET, HEAD and OPTIONS: the 405 that `info.description` states in prose (these
 * methods are no operation of any path), written out here as the response it describes.
 */
function methodNotAllowed(document: Json): Json {
  const schema = {
    type: 'object',
    properties: { type: { const: 'about:blank' }, title: { const: 'Method Not Allowed' }, status: { const: 405 }, detail: { type: 'string' }, instance: { type: 'string' } },
    required: ['type', 'title', 'status', 'detail', 'instance'],
    additionalProperties: false,
  };
  const allow = /`Allow: ([^`]+)`/.exec(document.info.description)![1]!;
  return {
    description: 'Method Not Allowed',
    headers: { 'Cache-Control': { $ref: '#/components/headers/Cache-Control.clientError' }, Allow: { required: true, schema: { type: 'string', const: allow } } },
    content: { 'application/problem+json': { schema } },
  };
}

/** What the document lets `method pathname` answer, by status: its operation's, or the shared answers for no operation. */
function responsesOf(method: string, pathname: string, document: Json): Json {
  const { responses } = document.components;
  if (method !== 'GET' && method !== 'HEAD') return { 405: methodNotAllowed(document) };
  const operation = pathItemOf(pathname, document)?.get;
  if (operation !== undefined) return operation.responses;
  const api = pathname === '/api' || pathname.startsWith('/api/');
  return { 404: api ? responses.NotFound : responses.NotFoundPage, 500: responses.InternalServerError, 503: responses.ServiceUnavailable };
}

/** The documented response for a status, or undefined when the document does not list it. */
export async function documentedResponse(method: string, url: string, status: number): Promise<Json | undefined> {
  const document = await documentPromise;
  const responses = responsesOf(method, new URL(url).pathname, document);
  const response = responses[String(status)] ?? responses[`${String(status)[0]}XX`];
  return response === undefined ? undefined : resolve(response, document);
}

/** The Ajv errors of `body` against the schema a documented response gives `mediaType`; null when valid. */
export async function contractErrors(documented: Json, mediaType: string, body: unknown): Promise<string | null> {
  const validate = validatorOf(documented.content[mediaType].schema, await documentPromise);
  return validate(body) ? null : ajv.errorsText(validate.errors);
}

const isJson = (mediaType: string) => mediaType === 'application/json' || mediaType.endsWith('+json');

/** Asserts that `response` (to `method url`) is one the document describes, body and headers. */
export async function expectContract(method: string, url: string, response: Response): Promise<void> {
  if (method === 'OPTIONS') return;
  const where = `${method} ${url} ${response.status}`;
  const documented = await documentedResponse(method, url, response.status);
  expect(documented, `${where}: status not in the OpenAPI document`).toBeDefined();
  const document = await documentPromise;
  for (const [name, reference] of Object.entries<Json>(documented!.headers ?? {})) {
    const header = resolve(reference, document);
    const value = response.headers.get(name);
    if (header.required) expect(value, `${where}: ${name} missing`).not.toBeNull();
    if (value !== null) expect(validatorOf(header.schema, document)(value), `${where}: ${name}: ${value}`).toBe(true);
  }
  // Bytes: a picture's body is no text.
  const body = new Uint8Array(await response.arrayBuffer());
  if (documented!.content === undefined || method === 'HEAD') return void expect(body.byteLength, `${where}: a body the document does not describe`).toBe(0);
  const mediaType = (response.headers.get('Content-Type') ?? '').split(';', 1)[0]!.trim();
  expect(Object.keys(documented!.content), `${where}: media type`).toContain(mediaType);
  if (isJson(mediaType)) expect(await contractErrors(documented!, mediaType, JSON.parse(new TextDecoder().decode(body))), where).toBeNull();
}

/** The shared response of each problem status (components/responses). */
const PROBLEM_RESPONSES: Readonly<Record<number, string>> = { 400: 'BadRequest', 404: 'NotFound', 406: 'NotAcceptable', 410: 'Gone', 500: 'InternalServerError', 501: 'NotImplemented', 503: 'ServiceUnavailable' };

/** Asserts that a problem document is valid against the document's schema for its status. */
export async function expectProblemContract(body: { status: number }): Promise<void> {
  const document = await documentPromise;
  const documented = body.status === 405 ? methodNotAllowed(document) : document.components.responses[PROBLEM_RESPONSES[body.status] ?? 'none'];
  expect(documented, `no problem response for ${body.status}`).toBeDefined();
  expect(await contractErrors(documented, 'application/problem+json', body)).toBeNull();
}
