/**
 * Adding one hand-entered response line: the checks, the insert and its audit record, in one place
 * that both `PUT /responses/{id}` and `POST /responses/batch` call, so whatever a later change hangs
 * on an added line (a change log, a roll-up) has one place to sit and the two routes cannot drift.
 */
import * as v from 'valibot';
import { fieldIssues, NewResponseLineSchema, type FieldIssue } from '../../src/model/schemas.js';
import { FUTURE_TOLERANCE_MS, type NewResponseLine, type ResponseLine } from '../../src/model/types.js';
import { detailAppliesTo, findDetail } from '../../src/model/vocabulary.js';
import { earliestResponseMs, RESPONSE_FLOOR } from '../../src/model/response-dates.js';
import type { Queryable } from '../db/db.js';
import { ProblemError, validationProblem } from '../http/problems.js';
import { findLine, LINE_COLUMNS, toResponseLine } from '../db/repo.js';
import { writeAudit, type Actor } from '../audit/audit-log.js';
import { recordChange } from '../live/change-log.js';
import { applyToRollups, rollupLineOf } from '../stats/rollups.js';
import { referenceLookups, type ReferenceLookups } from './reference-lookups.js';

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

/**
 * A line as a client sent it: canonical when the schema accepts it, and every issue that refuses it
 * (fields it does not have among them, so a line may come with issues too). Refused unless `issues`
 * is empty.
 */
export function parseNewLine(body: unknown): { line?: NewResponseLine; issues: FieldIssue[] } {
  const parsed = v.safeParse(NewResponseLineSchema, body);
  const issues = parsed.success ? [] : fieldIssues(parsed.issues);
  issues.push(...unknownFields(body));
  return { line: parsed.success ? canonical(parsed.output) : undefined, issues };
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
async function earlinessIssue(lookups: ReferenceLookups, line: NewResponseLine): Promise<FieldIssue | null> {
  const first = await lookups.firstDatedEvent(line.campaignId);
  if (Date.parse(line.respondedAt) >= earliestResponseMs(first?.date ?? null)) return null;
  const message = first
    ? `lies before the campaign's first event (${first.name}, ${first.date.slice(0, 10)})`
    : `lies before ${RESPONSE_FLOOR.slice(0, 4)}`;
  return { field: 'respondedAt', message };
}

/** What the schema cannot know: that the records exist, belong together, and allow this detail. */
async function referenceIssues(lookups: ReferenceLookups, line: NewResponseLine, now: Date): Promise<FieldIssue[]> {
  const issues: FieldIssue[] = [];
  if (Date.parse(line.respondedAt) > now.getTime() + FUTURE_TOLERANCE_MS) {
    issues.push({ field: 'respondedAt', message: 'lies in the future' });
  }
  const recipient = await lookups.recipient(line.recipientId);
  if (!recipient) issues.push({ field: 'recipientId', message: 'is not a known recipient' });
  if (!(await lookups.campaignExists(line.campaignId))) {
    issues.push({ field: 'campaignId', message: 'is not a known campaign' });
  } else if (recipient && !(await lookups.campaignSentTo(line.recipientId, line.campaignId))) {
    issues.push({ field: 'campaignId', message: 'was not sent to this recipient' });
  }
  const tooEarly = await earlinessIssue(lookups, line);
  if (tooEarly) issues.push(tooEarly);
  const event = await lookups.event(line.eventId);
  if (!event) issues.push({ field: 'eventId', message: 'is not a known campaign event' });
  else if (event.campaignId !== line.campaignId) issues.push({ field: 'eventId', message: 'is not an event of this campaign' });
  const detail = findDetail(await lookups.vocabulary(), line.detailId);
  if (!detail) issues.push({ field: 'detailId', message: 'is not a known response detail' });
  else if (detail.entry === 'tracked') issues.push({ field: 'detailId', message: `"${detail.label}" is set by tracking only, not by hand` });
  else if (event && !detailAppliesTo(detail, event)) {
    const kind = event.channel === 'email' && event.legacyEmail ? 'older email' : event.channel;
    issues.push({ field: 'detailId', message: `"${detail.label}" does not apply to a ${kind} event` });
  }
  return issues;
}

/** Who adds the line, when, and (for a batch) the reads its lines share. */
export interface AddLineContext {
  /** The line's author: the calling principal's name, never what the request says. */
  author: string;
  actor: Actor;
  at: Date;
  /** Reads of the records a line names; a batch passes one set so each record is read once. */
  lookups?: ReferenceLookups;
  /**
   * The line stored under this id, when the caller has read it already (a batch reads all its ids
   * in one query): null for none. Undefined: read here.
   */
  stored?: ResponseLine | null;
  /**
   * A batch collects its new lines here and updates the roll-ups and the change log once for all of
   * them, in the same transaction (per line, a thousand lines took a thousand more round trips).
   */
  deferred?: ResponseLine[];
}

export interface AddedLine {
  line: ResponseLine;
  /** The line was stored before (a repeat): nothing new was written. */
  replayed: boolean;
}

function replayOrConflict(stored: ResponseLine, line: NewResponseLine): AddedLine {
  if (!sameLine(stored, line)) {
    throw new ProblemError('conflict', `Response line ${line.id} already exists with other content; lines are append-only.`);
  }
  return { line: stored, replayed: true };
}

/**
 * Adds `line` (parsed by parseNewLine) inside `tx`, with its audit record; a line already stored
 * with the same content is answered as it is (an id is never used twice, deleted or not). Throws a
 * ProblemError to refuse: a conflict (409) or references that do not hold (422).
 */
export async function addResponseLine(tx: Queryable, line: NewResponseLine, context: AddLineContext): Promise<AddedLine> {
  const existing = context.stored === undefined ? await findLine(tx, line.id) : context.stored;
  if (existing) return replayOrConflict(existing, line);
  const problems = await referenceIssues(context.lookups ?? referenceLookups(tx), line, context.at);
  if (problems.length > 0) throw validationProblem(problems);
  const inserted = await tx.query(
    `INSERT INTO response_lines (id, recipient_id, campaign_id, event_id, detail_id, category_id,
       responded_at, recorded_at, note, author, source)
     SELECT $1::uuid, $2, $3, $4, d.id, d.category_id, $6::timestamptz, $7::timestamptz, $8, $9, 'manual'
       FROM response_details d WHERE d.id = $5
     ON CONFLICT (id) DO NOTHING
     RETURNING ${LINE_COLUMNS}`,
    [line.id, line.recipientId, line.campaignId, line.eventId, line.detailId, line.respondedAt, context.at.toISOString(), line.note, context.author],
  );
  if (inserted.length === 0) {
    // A twin request committed between the read above and this insert.
    const twin = await findLine(tx, line.id);
    if (!twin) throw new Error(`Response line ${line.id} was neither inserted nor found`);
    return replayOrConflict(twin, line);
  }
  const stored = toResponseLine(inserted[0]);
  await writeAudit(tx, context.actor, {
    action: 'add', at: context.at, recipientId: stored.recipientId, campaignId: stored.campaignId, lineIds: [stored.id], after: stored,
  });
  if (context.deferred) context.deferred.push(stored);
  else await afterAdding(tx, [stored], context.at);
  return { line: stored, replayed: false };
}

/** What every added line updates beside itself: the statistics' roll-ups, then the change log (last: it locks until commit). */
export async function afterAdding(tx: Queryable, lines: readonly ResponseLine[], at: Date): Promise<void> {
  if (lines.length === 0) return;
  await applyToRollups(tx, lines.map(rollupLineOf), 1);
  const [first] = lines;
  const oneRecord = lines.every((line) => line.recipientId === first.recipientId && line.campaignId === first.campaignId);
  // Null: each line's own recipient and campaign, read from the lines.
  await recordChange(tx, { kind: 'line-added', recipientId: oneRecord ? first.recipientId : null, campaignId: oneRecord ? first.campaignId : null, lineIds: lines.map((line) => line.id), at });
}
