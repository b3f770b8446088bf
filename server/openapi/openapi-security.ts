/**
 * The parts of the contract that come with principals: GET /me, and the answers every protected
 * operation may give besides its own (403 naming the permission, 422 for unreadable text, 429, 503).
 */
import { ACTIONS } from '../../src/model/principal.js';
import { PROBLEM_CONTENT_TYPE } from '../http/problems.js';
import { json, object, ref, response } from './openapi-schema.js';

const problem = (description: string, headers?: object) => ({
  description,
  ...(headers ? { headers } : {}),
  content: { [PROBLEM_CONTENT_TYPE]: { schema: ref('Problem') } },
});

export const securitySchemas = {
  Me: object({
    id: { type: 'string', minLength: 1, description: '`service`, `oidc:<sub>` or `demo:<sub>`.' },
    name: { type: 'string', description: 'The author of the lines this principal enters.' },
    kind: { enum: ['service', 'user'] },
    permissions: { type: 'array', items: { enum: [...ACTIONS] }, uniqueItems: true },
  }),
};

export const securityResponses = {
  Forbidden: problem('The principal lacks the permission this needs (…/forbidden); `permission` names it.'),
  RateLimited: problem('Too many requests from this principal (…/rate-limited).', {
    'Retry-After': { description: 'Seconds to wait.', schema: { type: 'string', pattern: '^[0-9]+$' } },
  }),
  Unavailable: problem('The identity provider could not be reached (…/unavailable).', {
    'Retry-After': { schema: { type: 'string', pattern: '^[0-9]+$' } },
  }),
};

export const securityPaths = {
  '/me': {
    get: {
      operationId: 'getMe',
      summary: 'The principal of the request and its permissions.',
      responses: {
        '200': { description: 'Who the server takes the caller to be.', content: json(ref('Me')) },
        '401': response('Unauthorized'),
        '500': response('InternalError'),
      },
    },
  },
};

type Operation = { security?: unknown[]; responses: Record<string, unknown> };

/** Adds the shared answers to every operation that needs a token (the public ones say `security: []`). */
export function withSecurityAnswers<Paths extends Record<string, Record<string, unknown>>>(paths: Paths): Paths {
  for (const item of Object.values(paths)) {
    for (const operation of Object.values(item) as Operation[]) {
      if (Array.isArray(operation.security) && operation.security.length === 0) continue;
      operation.responses['403'] ??= response('Forbidden');
      operation.responses['422'] ??= response('ValidationFailed');
      operation.responses['429'] ??= response('RateLimited');
      operation.responses['503'] ??= response('Unavailable');
    }
  }
  return paths;
}
