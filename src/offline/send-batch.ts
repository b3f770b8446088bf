/**
 * The adds of one claim in one request, through the sender's `addResponses`. Every line is
 * idempotent by its id on the backend, so a batch sent again after its answer was lost stores
 * nothing twice: the lines already stored come back `already-stored`, and are confirmed like the rest.
 */
import { classify, type Outcome } from './backoff.js';
import type { Claimed } from './store.js';
import type { OutboxSender } from './types.js';

type Claim = Claimed['ops'][number];

export type BatchAnswer =
  /** The request was answered: each line's own outcome (a refused line does not refuse the others). */
  | { kind: 'answered'; lines: { claim: Claim; outcome: Outcome | { kind: 'done' }; result?: unknown }[] }
  /** The request as a whole failed (network, 5xx, 429, 401): every line shares that outcome. */
  | { kind: 'failed'; outcome: Outcome };

export async function sendAddBatch(sender: OutboxSender, claims: readonly Claim[], signal: AbortSignal): Promise<BatchAnswer> {
  const send = sender.addResponses;
  if (!send) throw new TypeError('this sender cannot add lines in a batch');
  try {
    const outcomes = await send.call(sender, claims.map(({ op }) => op.payload.line!), { signal });
    return {
      kind: 'answered',
      lines: claims.map((claim, index) => {
        const answer = outcomes[index];
        return answer.outcome === 'refused' ? { claim, outcome: classify(answer.error) } : { claim, outcome: { kind: 'done' as const }, result: answer.line };
      }),
    };
  } catch (error) {
    return { kind: 'failed', outcome: classify(error) };
  }
}
