/**
 * What the REST adapters check answers against, and the check itself: Valibot and the schemas of
 * the recipient side (the model's, the batch, lookup and responded answers, GET /me, the audit, a
 * change of the stream). Loaded with the adapter's first request, while that request runs, not
 * before an element's first paint, which shows no answer. Every answer is still checked before it
 * reaches the model; a page pays for Valibot's code once the first answer is on its way.
 *
 * Only `contract-load.ts` imports this module (with `import()`); a static import anywhere in the
 * recipient side would bring Valibot back into the first chunk.
 */
import * as v from 'valibot';
import type { FieldIssue } from '../model/schemas.js';
import { fieldIssues, RecipientSchema, ResponseLineSchema } from '../model/schemas.js';

export {
  DeleteAllResultSchema,
  NewResponseLineSchema,
  RecipientCampaignsSchema,
  ResponseLinePageSchema,
  ResponseLineSchema,
  ResponseVocabularySchema,
} from '../model/schemas.js';
export { AuditPageSchema, RestoreResultSchema } from '../model/audit.js';
export { MeSchema } from '../model/principal.js';

/** The answer of POST /responses/batch: each line stored (or already), or refused with its problem. */
export const BatchAnswerSchema = v.object({
  results: v.array(
    v.variant('outcome', [
      v.object({ id: v.string(), outcome: v.picklist(['stored', 'already-stored']), line: ResponseLineSchema }),
      v.object({ id: v.nullable(v.string()), outcome: v.literal('refused'), problem: v.looseObject({ status: v.number() }) }),
    ]),
  ),
});

export const LookupPageSchema = v.object({
  items: v.array(v.object({ key: v.string(), status: v.picklist(['found', 'not-found', 'ambiguous']), recipients: v.array(RecipientSchema) })),
  nextCursor: v.nullable(v.string()),
});

export const RespondedSchema = v.object({ recipientIds: v.array(v.string()) });

/** One `change` event's data of GET /changes (its line, if any, is checked apart: a bad one is left out). */
export const ChangeSchema = v.object({
  id: v.union([v.string(), v.number()]),
  kind: v.picklist(['line-added', 'line-updated', 'line-deleted', 'line-restored', 'line-purged', 'tracked-open', 'tracked-click', 'stats-changed']),
  recipientId: v.nullable(v.string()),
  campaignId: v.string(),
  lineId: v.nullable(v.string()),
  at: v.string(),
  line: v.optional(v.unknown()),
});

export type Checked<T> = { success: true; output: T } | { success: false; issues: FieldIssue[] };

/** `value` against `schema`: the typed output, or the problems by field path. */
export function check<T>(schema: v.GenericSchema<unknown, T>, value: unknown): Checked<T> {
  const result = v.safeParse(schema, value);
  return result.success ? { success: true, output: result.output } : { success: false, issues: fieldIssues(result.issues) };
}
