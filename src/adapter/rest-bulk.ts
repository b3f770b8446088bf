/**
 * The REST adapter's bulk operations (capabilities `batchAdd`, `recipientLookup`, `respondedQuery`):
 * lines in batches, the recipient lookup page by page, the responded query. Each splits what it is
 * given into requests of BULK_CALL_SIZE, so a caller need not know the server's limit. Apart from
 * `rest.ts` like the audit operations; paths, methods and overrides adapt them like every other.
 */
import type { NewResponseLine, Recipient } from '../model/types.js';
import { BULK_CALL_SIZE, type BatchLineOutcome, type BulkResponseOperations } from './bulk-operations.js';
import { identity, type RestCaller } from './caller.js';
import type { RestMappers } from './config.js';
import { loadContract } from './contract-load.js';
import { BadRequestError, ValidationError } from './errors.js';
import { errorForStatus, problemFromBody } from './http-problem.js';

export const BULK_PATHS = {
  addResponses: '/responses/batch',
  lookupRecipients: '/recipients/lookup',
  alreadyResponded: '/campaigns/{campaignId}/events/{eventId}/responded',
} as const;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += BULK_CALL_SIZE) out.push(items.slice(start, start + BULK_CALL_SIZE));
  return out;
}

/** Each line of a batch answer through the `responseLine` mapper, before validation. */
const mapBatchLines = (mapLine: (line: unknown) => unknown) => (body: unknown): unknown => {
  const results = (body as { results?: unknown } | null)?.results;
  if (!Array.isArray(results)) return body;
  return { ...(body as object), results: results.map((result: { line?: unknown }) => (result?.line === undefined ? result : { ...result, line: mapLine(result.line) })) };
};

export function bulkOperations(call: RestCaller['call'], mapLine: RestCaller['mapLine'], mappers: RestMappers): Required<BulkResponseOperations> {
  const toServer = mappers.newResponseLine?.toServer ?? identity;

  /** One request of at most BULK_CALL_SIZE lines that passed the model's schema. */
  async function sendBatch(lines: readonly NewResponseLine[], signal: AbortSignal | undefined): Promise<BatchLineOutcome[]> {
    let body: unknown[];
    try {
      body = lines.map((line) => toServer(line));
    } catch (error) {
      throw new BadRequestError('addResponses: a line could not be mapped', { cause: error });
    }
    const answer = await call('addResponses', {}, (contract) => contract.BatchAnswerSchema, mapBatchLines(mapLine), {
      method: 'POST', body: { lines: body }, signal, args: { lines },
    });
    if (answer.results.length !== lines.length) throw new BadRequestError(`addResponses: ${answer.results.length} outcomes for ${lines.length} lines`);
    return answer.results.map((result): BatchLineOutcome =>
      result.outcome === 'refused'
        ? { id: result.id, outcome: 'refused', error: errorForStatus(result.problem.status, problemFromBody(result.problem), 'addResponses') }
        : result,
    );
  }

  return {
    async addResponses(lines, { signal } = {}) {
      const outcomes: (BatchLineOutcome | undefined)[] = new Array(lines.length);
      const valid: { index: number; line: NewResponseLine }[] = [];
      const checks = await loadContract();
      lines.forEach((line, index) => {
        // Refused here as addResponse refuses it: a line the model rejects is never sent.
        const checked = checks.check(checks.NewResponseLineSchema, line);
        if (checked.success) valid.push({ index, line: checked.output });
        else outcomes[index] = { id: line.id ?? null, outcome: 'refused', error: new ValidationError('addResponses: the line is not valid', checked.issues) };
      });
      for (const group of chunks(valid)) {
        const answered = await sendBatch(group.map((item) => item.line), signal);
        group.forEach((item, position) => (outcomes[item.index] = answered[position]));
      }
      return outcomes as BatchLineOutcome[];
    },

    async lookupRecipients(keys, { signal } = {}) {
      const found = new Map<string, Recipient>();
      for (const group of chunks(keys)) {
        let cursor: string | undefined;
        do {
          const page = await call('lookupRecipients', {}, (contract) => contract.LookupPageSchema, identity, {
            method: 'POST', body: { keys: group, limit: BULK_CALL_SIZE, ...(cursor ? { cursor } : {}) }, signal, args: { keys: group, cursor },
          });
          for (const item of page.items) for (const recipient of item.recipients) found.set(recipient.id, recipient);
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
      }
      return [...found.values()];
    },

    async alreadyResponded({ campaignId, eventId, detailId, recipientIds, signal }) {
      const responded: string[] = [];
      for (const group of chunks(recipientIds)) {
        const answer = await call('alreadyResponded', { campaignId, eventId }, (contract) => contract.RespondedSchema, identity, {
          method: 'POST', body: { detailId, recipientIds: group }, signal, args: { campaignId, eventId, detailId, recipientIds: group },
        });
        responded.push(...answer.recipientIds);
      }
      return responded;
    },
  };
}
