/**
 * POST /responses/batch: many hand-entered lines in one request (a booth's list, a call sheet). Each
 * line is what a PUT of it would be: the same checks, idempotent by its id (a repeat answers
 * "already stored", the id with other content is refused as a conflict), the same audit record. One
 * line's refusal does not refuse the others: the answer gives every line's outcome, with 200.
 */
import type { Context } from 'hono';
import * as v from 'valibot';
import { fieldIssues } from '../../src/model/schemas.js';
import type { NewResponseLine, ResponseLine } from '../../src/model/types.js';
import { readJsonBody } from '../http/http.js';
import { ProblemError, validationProblem, type ProblemBody } from '../http/problems.js';
import { principalOf } from '../auth/principal.js';
import { actorOf } from '../audit/audit-log.js';
import { addResponseLine, afterAdding, parseNewLine } from './add-line.js';
import { referenceLookups } from './reference-lookups.js';
import { findLines } from '../db/repo.js';
import type { Api, RouteDeps } from './context.js';

export const MAX_BATCH_LINES = 1000;

/**
 * Room for MAX_BATCH_LINES lines each at its largest: a note of NOTE_MAX_LENGTH (4,000) characters
 * that take three bytes each in UTF-8, four ids of 200 such characters, the UUID, the instant and the
 * keys: about 14.7 KB a line, 14.7 MB in all, so 16 MiB. Far above the ordinary limit, which a
 * single line needs only a fraction of: this route alone gets it.
 */
export const BATCH_BODY_BYTES = 16 * 1024 * 1024;

export type BatchLineResult =
  | { id: string; outcome: 'stored' | 'already-stored'; line: unknown }
  | { id: string | null; outcome: 'refused'; problem: ProblemBody };

export interface BatchAnswer {
  results: BatchLineResult[];
  stored: number;
  alreadyStored: number;
  refused: number;
}

const BatchSchema = v.strictObject({
  lines: v.pipe(
    v.array(v.unknown()),
    v.minLength(1, 'must name at least one line'),
    v.maxLength(MAX_BATCH_LINES, `may hold at most ${MAX_BATCH_LINES} lines`),
  ),
});

async function readBatch(c: Context): Promise<unknown[]> {
  const parsed = v.safeParse(BatchSchema, await readJsonBody(c));
  if (!parsed.success) {
    throw validationProblem(fieldIssues(parsed.issues));
  }
  return parsed.output.lines;
}

const idOf = (body: unknown): string | null => {
  const id = (body as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : null;
};

export function registerBatchRoute(api: Api, { db, now }: RouteDeps): void {
  api.post('/responses/batch', async (c) => {
    const author = principalOf(c).name;
    const bodies = await readBatch(c);
    const results: BatchLineResult[] = new Array(bodies.length);
    const valid: { index: number; line: NewResponseLine }[] = [];
    bodies.forEach((body, index) => {
      const { line, issues } = parseNewLine(body);
      if (line && issues.length === 0) valid.push({ index, line });
      else results[index] = { id: idOf(body), outcome: 'refused', problem: validationProblem(issues).body };
    });
    // Inserted in id order, the same in every batch: two batches naming the same lines then never
    // wait on each other in a circle (a deadlock). The sort is stable, so of two lines with one id
    // the first in the list is the one stored.
    valid.sort((a, b) => (a.line.id < b.line.id ? -1 : a.line.id > b.line.id ? 1 : 0));
    const at = now();
    // One transaction: a thousand lines cost one commit, not a thousand. A refusal is caught per
    // line before it reaches the database, so it never aborts the others.
    await db.transaction(async (tx) => {
      const lookups = referenceLookups(tx);
      const known = await findLines(tx, valid.map(({ line }) => line.id));
      const deferred: ResponseLine[] = [];
      for (const { index, line } of valid) {
        // A line's audit record carries its id as its key: what makes the line idempotent here.
        const context = { author, actor: actorOf(c, line.id), at, lookups, stored: known.get(line.id) ?? null, deferred };
        try {
          const added = await addResponseLine(tx, line, context);
          // The same id later in this batch is then a repeat (or a conflict) of this line.
          known.set(line.id, added.line);
          results[index] = { id: line.id, outcome: added.replayed ? 'already-stored' : 'stored', line: added.line };
        } catch (error) {
          if (!(error instanceof ProblemError)) throw error;
          results[index] = { id: line.id, outcome: 'refused', problem: error.body };
        }
      }
      await afterAdding(tx, deferred, at);
    });
    const count = (outcome: BatchLineResult['outcome']) => results.filter((result) => result.outcome === outcome).length;
    const answer: BatchAnswer = { results, stored: count('stored'), alreadyStored: count('already-stored'), refused: count('refused') };
    return c.json(answer, 200);
  });
}

