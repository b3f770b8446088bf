// What the example pages get from `npm start`: the API base, its token, and the seeded recipients.
import type { Recipient } from '../../src/model/types.js';
import { demoSession } from '../demo-session.js';

export interface DemoSetup {
  apiBase: string;
  token: string;
  recipients: Recipient[];
}

export async function loadDemoSetup(): Promise<DemoSetup> {
  // The example pages sign in as the demo's first person (every right) without asking.
  const session = await demoSession({ ask: false });
  const { apiBase } = session;
  const token = await session.getToken();
  const answer = await fetch(`${apiBase}/recipients`, { headers: { Authorization: `Bearer ${token}` } });
  if (!answer.ok) throw new Error(`The server answered ${answer.status} for the list of recipients.`);
  return { apiBase, token, recipients: ((await answer.json()) as { items: Recipient[] }).items };
}
