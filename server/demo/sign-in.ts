/**
 * The demo's sign-in: "who are you?" answered by picking one of three people, each with other
 * roles, and a 15-minute token of the demo's own issuer for that person. Only for a page at this
 * machine (loopback Host and Origin: a DNS-rebinding page names another host), never in production.
 */
import { Hono } from 'hono';
import type { DemoSigner } from '../auth/demo-keys.js';
import { DEMO_TOKEN_TTL_S } from '../auth/demo-keys.js';
import { isLoopbackHost, isLoopbackOrigin } from '../http/loopback.js';
import { apiSecureHeaders } from '../http/secure-headers.js';

export interface DemoPerson {
  id: string;
  name: string;
  title: string;
  roles: readonly string[];
}

/** The demo's people: what each may do differs visibly in the elements. */
export const DEMO_PEOPLE: readonly DemoPerson[] = [
  { id: 'marketing-manager', name: 'Morgan Reyes', title: 'Marketing manager: every right', roles: ['campaign-admin'] },
  { id: 'sales-rep', name: 'Sam Patel', title: 'Sales rep: reads and adds responses', roles: ['campaign-editor'] },
  { id: 'intern', name: 'Ivy Chen', title: 'Intern: reads only', roles: ['campaign-viewer'] },
];

export const DEMO_SIGN_IN_PATH = '/demo-auth/sign-in';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' } });

export function demoSignInApp(options: { signer: () => Promise<DemoSigner>; now: () => Date }): Hono {
  const app = new Hono();
  app.use('*', apiSecureHeaders());
  app.use('*', async (c, next) => {
    if (!isLoopbackHost(c.req.header('Host')) || !isLoopbackOrigin(c.req.header('Origin'))) {
      return json({ detail: 'The demo sign-in is only for pages opened as localhost.' }, 403);
    }
    await next();
  });
  app.post(DEMO_SIGN_IN_PATH, async (c) => {
    let wanted: unknown;
    try {
      wanted = ((await c.req.json()) as { person?: unknown }).person;
    } catch {
      return json({ detail: 'Send {"person": "<id>"} as JSON.' }, 400);
    }
    const person = DEMO_PEOPLE.find((p) => p.id === wanted);
    if (!person) return json({ detail: `person must be one of ${DEMO_PEOPLE.map((p) => p.id).join(', ')}` }, 422);
    const now = options.now();
    const token = await (await options.signer()).sign({ sub: person.id, name: person.name, roles: person.roles }, now);
    return json({ token, expiresAt: new Date(now.getTime() + DEMO_TOKEN_TTL_S * 1000).toISOString(), person: { id: person.id, name: person.name } });
  });
  app.notFound(() => json({ detail: 'Not found' }, 404));
  return app;
}
