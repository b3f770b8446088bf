/**
 * Which permission each API request needs, in one table rather than spread over the routes: a read
 * needs `read`, a PUT or POST `write`, a DELETE `delete`; the CSV export `export`, sending an email
 * event `send`, recomputing statistics now (`?fresh=1`) `admin`; a restore and the history with
 * deleted lines `delete`; the bulk reads sent as POST (the recipient lookup, the responded query)
 * `read`; the audit trail and a recipient's erasure `admin`. A route added later falls under its
 * method's rule, so it is never open by omission.
 */
import type { MiddlewareHandler } from 'hono';
import { ProblemError } from '../http/problems.js';
import type { Permission } from './permissions.js';
import { principalOf } from './principal.js';

/** The permission a request needs, or undefined for one any signed-in principal may make. */
export function requiredPermission(method: string, path: string, query: URLSearchParams): Permission | undefined {
  const route = path.replace(/^\/api/u, '');
  if (route === '/me') return undefined;
  if (method === 'GET' || method === 'HEAD') {
    if (route === '/audit') return 'admin';
    // Deleted lines are shown to who may delete (and so restore) them.
    if (/^\/recipients\/[^/]+\/responses$/u.test(route) && query.get('include') === 'deleted') return 'delete';
    if (/^\/campaigns\/[^/]+\/responses\.csv$/u.test(route)) return 'export';
    if (/^\/campaigns(\/|$)/u.test(route) && query.has('fresh') && query.get('fresh') !== '0' && query.get('fresh') !== 'false') return 'admin';
    return 'read';
  }
  if (method === 'DELETE') return 'delete';
  if (method === 'POST' && /^\/campaigns\/[^/]+\/events\/[^/]+\/send$/u.test(route)) return 'send';
  if (method === 'POST' && /^\/(deletions|responses)\/[^/]+\/restore$/u.test(route)) return 'delete';
  if (method === 'POST' && /^\/recipients\/[^/]+\/erasure$/u.test(route)) return 'admin';
  // Reads whose list of a thousand ids does not fit a URL: POST, yet they change nothing.
  if (method === 'POST' && (route === '/recipients/lookup' || /^\/campaigns\/[^/]+\/events\/[^/]+\/responded$/u.test(route))) return 'read';
  return 'write';
}

/** 403 problem+json naming the missing permission (`permission`), before the route reads anything. */
export function authorize(): MiddlewareHandler {
  return async (c, next) => {
    const needed = requiredPermission(c.req.method, c.req.path, new URL(c.req.url).searchParams);
    if (needed && !principalOf(c).permissions.includes(needed)) {
      const error = new ProblemError('forbidden', `This needs the "${needed}" permission, which ${principalOf(c).name} does not have.`);
      Object.assign(error.body, { permission: needed });
      throw error;
    }
    await next();
  };
}
