/** PUT /responses/{id}: add one response line by hand (Add Response, Update Status). */
import * as v from 'valibot';
import { fieldIssues, NewResponseLineSchema, type FieldIssue } from '../../src/model/schemas.js';
import { FUTURE_TOLERANCE_MS, type NewResponseLine, type ResponseLine } from '../../src/model/types.js';
import { detailAppliesTo, findDetail } from '../../src/model/vocabulary.js';
import { earliestResponseMs, RESPONSE_FLOOR } from '../../src/model/response-dates.js';
import type { Queryable } from '../db/db.js';
import { readJsonBody } from '../http/http.js';
import { idempotencyKeyOf, runIdempotent, type WriteReply } from '../http/idempotency.js';
import { ProblemError, validationProblem } from '../http/problems.js';
import { campaignExists, campaignSentTo, findEvent, findLine, findRecipient, LINE_COLUMNS, readVocabulary, toResponseLine } from '../db/repo.js';
import { principalOf } from '../auth/principal.js';
import { actorOf, writeAudit } from '../audit/audit-log.js';
import { applyToRollups, rollupLineOf } from '../stats/rollups.js';
import type { Api, RouteDeps } from './context.js';

const KNOWN_FIELDS = new Set(Object.keys(NewResponseLineSchema.entries));

/**
 * Fields the line does not have are refused, not dropped: an `author` (or any field a client thinks
 * it may set) would otherwise look accepted while the server ignored it.
 */
function unknownFields(body: unknown): FieldIssue[] {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return [];
  return Object.keys(body)
    .filter((key) => !KNOWN_FIELDS.has(key))
    .map((key) => ({ field: key, message: 'is not a field of a response line' }));
}

/** One spelling per meaning: ids lowercase, the instant in UTC with milliseconds (what is stored). */
function canonical(line: NewResponseLine): NewResponseLine {
  return {
    id: line.id.toLowerCase(),
    recipientId: line.recipientId,
    campaignId: line.campaignId,
    eventId: line.eventId,
    detailId: line.detailId,
    respondedAt: new Date(Date.parse(line.respondedAt)).toISOString(),
    note: line.note,
  };
}

function sameLine(stored: ResponseLine, line: NewResponseLine): boolean {
  return (
    stored.source === 'manual' &&
    stored.recipientId === line.recipientId &&
    stored.campaignId === line.campaignId &&
    stored.eventId === line.eventId &&
    stored.detailId === line.detailId &&
    stored.respondedAt === line.respondedAt &&
    stored.note === line.note
  );
}

/**
 * A response before its campaign reached anyone is a typing slip (`26` for 2026 was stored as
 * 1926): refused, a day looser than the dialog (see earliestResponseMs).
 */
async function earlinessIssue(tx: Queryable, line: NewResponseLine): Promise<FieldIssue | null> {
  const [first] = await tx.query<{ name: string; date: Date | string }>(
    'SELECT name, date FROM campaign_events WHERE campaign_id = $1 AND date IS NOT NULL ORDER BY date LIMIT 1',
    [line.campaignId],
  );
  const firstDate = first ? new Date(first.date).toISOString() : null;
  if (Date.parse(line.respondedAt) >= earliestResponseMs(firstDate)) return null;
  const message = first && firstDate
    ? `lies before the campaign's first event (${first.name}, ${firstDate.slice(0, 10)})`
    : `lies before ${RESPONSE_FLOOR.slice(0, 4)}`;
  return { field: 'respondedAt', message };
}

/** What the schema cannot know: that the records exist, belong together, and allow this detail. */
async function referenceIssues(tx: Queryable, line: NewResponseLine, now: Date): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  if (Date.parse(line.respondedAt) > now.getTime() + FUTURE_TOLERANCE_MS) {
    issues.push({ field: 'respondedAt', message: 'lies in the future' });
  }
  const recipient = await findRecipient(tx, line.recipientId);
  if (!recipient) issues.push({ field: 'recipientId', message: 'is not a known recipient' });
  if (!(await campaignExists(tx, line.campaignId))) {
    issues.push({ field: 'campaignId', message: 'is not a known campaign' });
  } else if (recipient && !(await campaignSentTo(tx, line.recipientId, line.campaignId))) {
    issues.push({ field: 'campaignId', message: 'was not sent to this recipient' });
  }
  const tooEarly = await earlinessIssue(tx, line);
  if (tooEarly) issues.push(tooEarly);
  const event = await findEvent(tx, line.eventId);
  if (!event) issues.push({ field: 'eventId', message: 'is not a known campaign event' });
  else if (event.campaignId !== line.campaignId) issues.push({ field: 'eventId', message: 'is not an event of this campaign' });
  const detail = findDetail(await readVocabulary(tx), line.detailId);
  if (!detail) issues.push({ field: 'detailId', message: 'is not a known response detail' });
  else if (detail.entry === 'tracked') issues.push({ field: 'detailId', message: `"${detail.label}" is set by tracking only, not by hand` });
  else if (event && !detailAppliesTo(detail, event)) {
    const kind = event.channel === 'email' && event.legacyEmail ? 'older email' : event.channel;
    issues.push({ field: 'detailId', message: `"${detail.label}" does not apply to a ${kind} event` });
  }
  return issues;
}

export function registerResponseRoutes(api: Api, { db, now }: RouteDeps): void {
  api.put('/responses/:id', async (c) => {
    const pathId = c.req.param('id');
    // The author is who is calling, never what the request says: a header or field could be anyone's name.
    const author = principalOf(c).name;
    const key = idempotencyKeyOf(c);
    const actor = actorOf(c, key);
    const body = await readJsonBody(c);
    const parsed = v.safeParse(NewResponseLineSchema, body);
    const issues = parsed.success ? [] : fieldIssues(parsed.issues);
    issues.push(...unknownFields(body));
    const bodyId = parsed.success ? parsed.output.id : undefined;
    if (bodyId !== undefined && bodyId.toLowerCase() !== pathId.toLowerCase()) {
      issues.push({ field: 'id', message: 'must equal the id in the path' });
    }
    if (!parsed.success || issues.length > 0) throw validationProblem(issues);
    const line = canonical(parsed.output);
    const request = { principal: principalOf(c).id, key, method: 'PUT', path: `/api/responses/${line.id}`, canonicalBody: JSON.stringify(line) };

    const replayOrConflict = (stored: ResponseLine): WriteReply & { replayed: true } => {
      if (!sameLine(stored, line)) {
        throw new ProblemError('conflict', `Response line ${line.id} already exists with other content; lines are append-only.`);
      }
      return { status: 201, body: stored, replayed: true };
    };

    return runIdempotent(
      db,
      request,
      async (tx) => {
        const existing = await findLine(tx, line.id);
        if (existing) return replayOrConflict(existing);
        const at = now();
        const problems = await referenceIssues(tx, line, at);
        if (problems.length > 0) throw validationProblem(problems);
        const inserted = await tx.query(
          `INSERT INTO response_lines (id, recipient_id, campaign_id, event_id, detail_id, category_id,
             responded_at, recorded_at, note, author, source)
           SELECT $1::uuid, $2, $3, $4, d.id, d.category_id, $6::timestamptz, $7::timestamptz, $8, $9, 'manual'
             FROM response_details d WHERE d.id = $5
           ON CONFLICT (id) DO NOTHING
           RETURNING ${LINE_COLUMNS}`,
          [line.id, line.recipientId, line.campaignId, line.eventId, line.detailId, line.respondedAt, at.toISOString(), line.note, author],
        );
        if (inserted.length === 0) {
          // A twin request committed between the read above and this insert.
          const twin = await findLine(tx, line.id);
          if (!twin) throw new Error(`Response line ${line.id} was neither inserted nor found`);
          return replayOrConflict(twin);
        }
        const stored = toResponseLine(inserted[0]);
        await applyToRollups(tx, [rollupLineOf(stored)], 1);
        await writeAudit(tx, actor, {
          action: 'add', at, recipientId: stored.recipientId, campaignId: stored.campaignId, lineIds: [stored.id], after: stored,
        });
        return { status: 201, body: stored };
      },
      { Location: `/api/responses/${line.id}` },
    );
  });
}
