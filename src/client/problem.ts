import type { components } from '../generated/openapi';

type Schemas = components['schemas'];

/**
 * Every RFC 9457 problem document the API sends a GET, told apart by `status`. (Other methods get
 * a 405, which the OpenAPI document states in prose; the client sends GET only.)
 */
export type Problem =
  | Schemas['BadRequestProblem']
  | Schemas['NotFoundProblem']
  | Schemas['NotAcceptableProblem']
  | Schemas['GoneProblem']
  | Schemas['InternalServerErrorProblem']
  | Schemas['ServiceUnavailableProblem'];

/** A status the API answers with a problem document. */
export type ProblemStatus = Problem['status'];

// `satisfies` ties this list to the OpenAPI document: a status added there fails the type check here.
const STATUSES = { 400: true, 404: true, 406: true, 410: true, 500: true, 503: true } as const satisfies Record<ProblemStatus, true>;

/**
 * A problem document as an Error: its members (`status`, `title`, `detail`, `instance`, `type`)
 * typed from the OpenAPI schemas, and the whole `document` for the extension members (`errors`
 * on a 400, `alternatives` on a 406, `requestId` on a 5xx): narrow it with `is(status)`. Not
 * generic: `instanceof` narrows a caught `unknown` to a generic class with `any` type arguments,
 * which would lose every member's type.
 */
export class EdgewireProblem extends Error {
  override readonly name = 'EdgewireProblem';
  readonly type: Problem['type'];
  readonly title: Problem['title'];
  readonly status: ProblemStatus;
  readonly detail: string;
  readonly instance: string;
  readonly document: Problem;

  // Fields assigned one by one, not parameter properties: the file stays erasable TypeScript.
  constructor(document: Problem) {
    super(`${document.status} ${document.title}: ${document.detail}`);
    this.document = document;
    this.type = document.type;
    this.title = document.title;
    this.status = document.status;
    this.detail = document.detail;
    this.instance = document.instance;
  }

  /** Narrows to the problem of one status, whose extension members `document` then has. */
  is<S extends ProblemStatus>(status: S): this is this & { status: S; document: Extract<Problem, { status: S }> } {
    return this.status === status;
  }
}

/**
 * The error for a response that is not a success: an EdgewireProblem when the body is one of the
 * API's problem documents (checked by the members every one of them has), else a plain Error
 * naming the status, since a proxy or an outage can answer with anything.
 */
export function errorOf(body: unknown, response: Response): Error {
  if (isProblem(body, response.status)) return new EdgewireProblem(body);
  return new Error(`${response.status} ${response.statusText}: ${response.url} did not answer with a problem document.`, { cause: response });
}

function isProblem(body: unknown, status: number): body is Problem {
  if (typeof body !== 'object' || body === null || !(status in STATUSES)) return false;
  const { type, status: stated, title, detail, instance } = body as Record<string, unknown>;
  return type === 'about:blank' && stated === status && [title, detail, instance].every((member) => typeof member === 'string');
}
