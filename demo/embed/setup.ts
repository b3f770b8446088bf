// What the example pages get from `npm start`: the API base, its token, and the seeded recipients.
import type { Recipient } from '../../src/model/types.js';

export interface DemoSetup {
  apiBase: string;
  token: string;
  recipients: Recipient[];
}

export async function loadDemoSetup(): Promise<DemoSetup> {
  const { apiBase, token } = (await (await fetch('/demo-config.json')).json()) as { apiBase: string; token: string };
  const answer = await fetch(`${apiBase}/recipients`, { headers: { Authorization: `Bearer ${token}` } });
  if (!answer.ok) throw new Error(`The server answered ${answer.status} for the list of recipients.`);
  return { apiBase, token, recipients: ((await answer.json()) as { items: Recipient[] }).items };
}
