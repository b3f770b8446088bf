/**
 * The REST adapter's bulk operations (capabilities `batchAdd`, `recipientLookup`, `respondedQuery`):
 * lines in batches, the recipient lookup page by page, the responded query. Each splits what it is
 * given into requests of BULK_CALL_SIZE, so a caller need not know the server's limit. Apart from
 * `rest.ts` like the audit operations; paths, methods and overrides adapt them like every other.
 */
import * as v from 'valibot';
import { fieldIssues, NewResponseLineSchema, RecipientSchema, ResponseLineSchema } from '../model/schemas.js';
import type { NewResponseLine, Recipient } from '../model/types.js';
import { BULK_CALL_SIZE, type BatchLineOutcome, type BulkResponseOperations } from './bulk-operations.js';
import { identity, type RestCaller } from './caller.js';
import type { RestMappers } from './config.js';
import { BadRequestError, ValidationError } from './errors.js';
import { errorForStatus, problemFromBody } from './http-problem.js';

export const BULK_PATHS = {
  addResponses: '/responses/batch',
  lookupRecipients: '/recipients/lookup',
  alreadyResponded: '/campaigns/{campaignId}/events/{eventId}/responded',
} as const;

const BatchAnswerSchema = v.object({
  results: v.array(
    v.variant('outcome', [
      v.object({ id: v.string(), outcome: v.picklist(['stored', 'already-stored']), line: ResponseLineSchema }),
      v.object({ id: v.nullable(v.string()), outcome: v.literal('refused'), problem: v.looseObject({ status: v.number() }) }),
    ]),
  ),
});

const LookupPageSchema = v.object({
  items: v.array(v.object({ key: v.string(), status: v.picklist(['found', 'not-found', 'ambiguous']), recipients: v.array(RecipientSchema) })),
  nextCursor: v.nullable(v.string()),
});

const RespondedSchema = v.object({ recipientIds: v.array(v.string()) });

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
    const answer = await call('addResponses', {}, BatchAnswerSchema, mapBatchLines(mapLine), {
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
      lines.forEach((line, index) => {
        // Refused here as addResponse refuses it: a line the model rejects is never sent.
        const checked = v.safeParse(NewResponseLineSchema, line);
        if (checked.success) valid.push({ index, line: checked.output });
        else outcomes[index] = { id: line.id ?? null, outcome: 'refused', error: new ValidationError('addResponses: the line is not valid', fieldIssues(checked.issues)) };
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
          const page = await call('lookupRecipients', {}, LookupPageSchema, identity, {
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
        const answer = await call('alreadyResponded', { campaignId, eventId }, RespondedSchema, identity, {
          method: 'POST', body: { detailId, recipientIds: group }, signal, args: { campaignId, eventId, detailId, recipientIds: group },
        });
        responded.push(...answer.recipientIds);
      }
      return responded;
    },
  };
}
