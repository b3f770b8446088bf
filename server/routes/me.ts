/** GET /me: who the server takes the caller to be, and what it may do (the elements show only that). */
import type { Me } from '../../src/model/principal.js';
import { principalOf } from '../auth/principal.js';
import type { Api } from './context.js';

export function registerMeRoute(api: Api): void {
  api.get('/me', (c) => {
    const principal = principalOf(c);
    const me: Me = { id: principal.id, name: principal.name, kind: principal.kind, permissions: [...principal.permissions] };
    return c.json(me, 200, { 'Cache-Control': 'no-store' });
  });
}
