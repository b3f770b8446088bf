/** PUT /responses/{id}: add one response line by hand (Add Response, Update Status). */
import { readJsonBody } from '../http/http.js';
import { idempotencyKeyOf, runIdempotent } from '../http/idempotency.js';
import { validationProblem } from '../http/problems.js';
import { principalOf } from '../auth/principal.js';
import { actorOf } from '../audit/audit-log.js';
import { addResponseLine, parseNewLine } from './add-line.js';
import type { Api, RouteDeps } from './context.js';

export function registerResponseRoutes(api: Api, { db, now }: RouteDeps): void {
  api.put('/responses/:id', async (c) => {
    const pathId = c.req.param('id');
    // The author is who is calling, never what the request says: a header or field could be anyone's name.
    const author = principalOf(c).name;
    const key = idempotencyKeyOf(c);
    const actor = actorOf(c, key);
    const body = await readJsonBody(c);
    const { line, issues } = parseNewLine(body);
    if (line && line.id !== pathId.toLowerCase()) {
      issues.push({ field: 'id', message: 'must equal the id in the path' });
    }
    if (!line || issues.length > 0) throw validationProblem(issues);
    const request = { principal: principalOf(c).id, key, method: 'PUT', path: `/api/responses/${line.id}`, canonicalBody: JSON.stringify(line) };

    return runIdempotent(
      db,
      request,
      async (tx) => {
        const added = await addResponseLine(tx, line, { author, actor, at: now() });
        return { status: 201, body: added.line, replayed: added.replayed };
      },
      { Location: `/api/responses/${line.id}` },
    );
  });
}
