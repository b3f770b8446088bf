/**
 * RFC 9457 problem details. Each kind has a stable `type` URI that clients may switch on; the
 * adapter maps them to its typed errors (src/adapter/errors.ts).
 */
import type { FieldIssue } from '../../src/model/schemas.js';

export const PROBLEM_BASE = 'https://campaign-response-kit.dev/problems/';
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export const PROBLEM_KINDS = {
  'malformed-request': { status: 400, title: 'The request could not be read' },
  unauthorized: { status: 401, title: 'Authentication required' },
  forbidden: { status: 403, title: 'Permission missing' },
  'not-found': { status: 404, title: 'Not found' },
  conflict: { status: 409, title: 'Conflicts with what is stored' },
  gone: { status: 410, title: 'No longer available' },
  'payload-too-large': { status: 413, title: 'Request body too large' },
  'unsupported-media-type': { status: 415, title: 'Unsupported media type' },
  validation: { status: 422, title: 'Validation failed' },
  'idempotency-key-reused': { status: 422, title: 'Idempotency-Key reused for another request' },
  'rate-limited': { status: 429, title: 'Too many requests' },
  internal: { status: 500, title: 'Internal server error' },
  unavailable: { status: 503, title: 'Service unavailable' },
} as const;

export type ProblemKind = keyof typeof PROBLEM_KINDS;

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: FieldIssue[];
}

export function problemBody(kind: ProblemKind, detail: string, errors?: FieldIssue[]): ProblemBody {
  const { status, title } = PROBLEM_KINDS[kind];
  return { type: PROBLEM_BASE + kind, title, status, detail, ...(errors ? { errors } : {}) };
}

/** Thrown anywhere in a handler; the app's error handler answers with it. */
export class ProblemError extends Error {
  readonly body: ProblemBody;
  readonly headers: Record<string, string>;

  constructor(kind: ProblemKind, detail: string, errors?: FieldIssue[], headers: Record<string, string> = {}) {
    super(detail);
    this.body = problemBody(kind, detail, errors);
    this.headers = headers;
  }
}

export function problemResponse(body: ProblemBody, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status: body.status,
    headers: { 'Content-Type': PROBLEM_CONTENT_TYPE, 'Cache-Control': 'no-store', ...headers },
  });
}

/** A 422 naming one field. */
export function fieldProblem(field: string, message: string): ProblemError {
  return new ProblemError('validation', `${field}: ${message}`, [{ field, message }]);
}

export function validationProblem(errors: FieldIssue[]): ProblemError {
  const summary = errors.map((e) => `${e.field}: ${e.message}`).join('; ');
  return new ProblemError('validation', summary, errors);
}
