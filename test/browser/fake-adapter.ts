import type { AuditQuery, CampaignResponseAdapter, HistoryQuery, WriteOptions } from '../../src/adapter/types.js';
import type { AuditPage, AuditRecord, RestoreResult } from '../../src/model/audit.js';
import { FULL_CAPABILITIES, type BackendCapabilities } from '../../src/adapter/capabilities.js';
import { DEFAULT_VOCABULARY, findDetail } from '../../src/model/vocabulary.js';
import { NotFoundError } from '../../src/adapter/errors.js';
import { compareNewestFirst } from '../../src/model/history.js';
import type {
  DeleteAllResult,
  NewResponseLine,
  Page,
  Recipient,
  RecipientCampaign,
  RecipientCampaigns,
  ResponseLine,
  ResponseVocabulary,
} from '../../src/model/types.js';
import { FakeCalls } from '../support/browser/fake-calls.js';

type Method = keyof CampaignResponseAdapter;

export const RECIPIENT: Recipient = { id: '42', displayName: 'Ada Lovelace', email: 'ada@example.com', timeZone: 'Asia/Tokyo' };

export const CAMPAIGNS: RecipientCampaign[] = [
  {
    id: 'spring',
    title: 'Spring Launch',
    currency: 'EUR',
    baseCost: 1000,
    expectedRevenue: 5000,
    latestResponse: null,
    events: [
      { id: 'spring-mail', campaignId: 'spring', name: 'Launch email', channel: 'email', date: null, status: 'completed', cost: 10, legacyEmail: false },
      { id: 'spring-call', campaignId: 'spring', name: 'Follow-up call', channel: 'phone', date: null, status: 'completed', cost: 50, legacyEmail: false },
    ],
  },
  {
    id: 'legacy',
    title: 'Old Newsletter',
    currency: 'EUR',
    baseCost: null,
    expectedRevenue: null,
    latestResponse: null,
    events: [
      { id: 'legacy-mail', campaignId: 'legacy', name: 'Newsletter 2019', channel: 'email', date: null, status: 'completed', cost: null, legacyEmail: true },
    ],
  },
];

export function line(overrides: Partial<ResponseLine> & Pick<ResponseLine, 'id'>): ResponseLine {
  const detailId = overrides.detailId ?? 'responded';
  return {
    recipientId: '42',
    campaignId: 'spring',
    eventId: 'spring-call',
    detailId,
    categoryId: findDetail(DEFAULT_VOCABULARY, detailId)?.categoryId ?? 'responded',
    respondedAt: '2026-01-10T09:00:00.000Z',
    recordedAt: '2026-01-10T09:05:00.000Z',
    note: '',
    author: 'sam',
    source: 'manual',
    link: null,
    evidence: null,
    ...overrides,
  };
}

/**
 * An in-memory CampaignResponseAdapter for element tests: seeded data, a log of calls, and per
 * method a delay, a failure to throw, or a gate (a promise the call waits for).
 */
export class FakeAdapter extends FakeCalls<Method> implements CampaignResponseAdapter {
  vocabulary: ResponseVocabulary = DEFAULT_VOCABULARY;
  /** A change stream, where a test gives one (`FakeLive.follow`). */
  followChanges?: CampaignResponseAdapter['followChanges'];
  recipients = new Map<string, Recipient>([[RECIPIENT.id, RECIPIENT]]);
  campaigns: RecipientCampaign[] = structuredClone(CAMPAIGNS);
  lines: ResponseLine[] = [];
  pageSize = 50;
  /** The most lines one page may hold, whatever `limit` asks (the reference server caps at 500). */
  maxLimit = 500;
  /** Soft-deleted lines (restorable), as the reference server keeps them. */
  deletedLines: ResponseLine[] = [];
  /** The audit trail, oldest first; every write here adds to it as `who`. */
  audit: AuditRecord[] = [];
  /** The principal the fake backend records as the author of each change. */
  who = { id: 'demo:morgan', name: 'Morgan Reyes' };

  constructor(lines: ResponseLine[] = []) {
    super();
    this.lines = [...lines];
  }

  async getResponseTypes(options: { signal?: AbortSignal } = {}): Promise<ResponseVocabulary> {
    await this.enter('getResponseTypes', [], options.signal);
    return this.vocabulary;
  }

  async getRecipientCampaigns(recipientId: string, options: { signal?: AbortSignal } = {}): Promise<RecipientCampaigns> {
    await this.enter('getRecipientCampaigns', [recipientId], options.signal);
    const recipient = this.recipients.get(recipientId);
    if (!recipient) throw new NotFoundError(`Recipient ${recipientId} not found`);
    const mine = this.lines.filter((l) => l.recipientId === recipientId);
    return {
      recipient,
      campaigns: this.campaigns.map((c) => ({
        ...c,
        latestResponse: mine.filter((l) => l.campaignId === c.id).sort(compareNewestFirst)[0] ?? null,
      })),
    };
  }

  async getRecipientResponses(recipientId: string, query: HistoryQuery = {}): Promise<Page<ResponseLine>> {
    await this.enter('getRecipientResponses', [recipientId, { ...query, signal: undefined }], query.signal);
    const all = [...this.lines, ...(query.include === 'deleted' ? this.deletedLines : [])]
      .filter(
        (l) =>
          l.recipientId === recipientId &&
          (!query.campaignId || l.campaignId === query.campaignId) &&
          (!query.categoryId || l.categoryId === query.categoryId) &&
          (!query.q || l.note.toLowerCase().includes(query.q.toLowerCase())),
      )
      .sort(compareNewestFirst);
    const start = query.cursor ? Number(query.cursor) : 0;
    const size = Math.min(query.limit ?? this.pageSize, this.maxLimit);
    const items = all.slice(start, start + size);
    const next = start + size < all.length ? String(start + size) : null;
    return { items, nextCursor: next, total: all.length };
  }

  async addResponse(newLine: NewResponseLine, options: { signal?: AbortSignal; idempotencyKey?: string } = {}): Promise<ResponseLine> {
    await this.enter('addResponse', [newLine, { idempotencyKey: options.idempotencyKey }], options.signal);
    const saved = line({ ...newLine, recordedAt: new Date().toISOString(), author: 'me' });
    this.lines.push(saved);
    return saved;
  }

  async deleteAllResponses(recipientId: string, campaignId: string, options: { lineIds?: readonly string[]; idempotencyKey?: string } = {}): Promise<DeleteAllResult> {
    await this.enter('deleteAllResponses', [recipientId, campaignId, ...(options.lineIds ? [{ lineIds: options.lineIds }] : [])]);
    const ofCampaign = this.lines.filter((l) => l.recipientId === recipientId && l.campaignId === campaignId);
    const bound = options.lineIds ? new Set(options.lineIds) : undefined;
    const doomed = ofCampaign.filter((l) => !bound || bound.has(l.id));
    return { ...this.#softDelete(doomed, 'delete-all'), kept: ofCampaign.length - doomed.length };
  }

  async deleteResponse(id: string, options: WriteOptions = {}): Promise<DeleteAllResult> {
    await this.enter('deleteResponse', [id, { idempotencyKey: options.idempotencyKey }], options.signal);
    const found = this.lines.find((l) => l.id === id);
    if (!found) {
      const deleted = this.deletedLines.find((l) => l.id === id);
      if (!deleted) throw new NotFoundError(`Line ${id} not found`);
      return { deleted: 0, kept: 0, deletionId: deleted.deletionId ?? null };
    }
    return { ...this.#softDelete([found], 'delete'), kept: 0 };
  }

  async restoreDeletion(deletionId: string, options: WriteOptions = {}): Promise<RestoreResult> {
    await this.enter('restoreDeletion', [deletionId], options.signal);
    const back = this.deletedLines.filter((l) => l.deletionId === deletionId);
    this.#restore(back, deletionId);
    return { restored: back.length };
  }

  async restoreResponse(id: string, options: WriteOptions = {}): Promise<ResponseLine> {
    await this.enter('restoreResponse', [id], options.signal);
    const live = this.lines.find((l) => l.id === id);
    if (live) return live;
    const back = this.deletedLines.filter((l) => l.id === id);
    if (back.length === 0) throw new NotFoundError(`Line ${id} not found`);
    return this.#restore(back, back[0].deletionId ?? null)[0];
  }

  async getAudit(query: AuditQuery = {}): Promise<AuditPage> {
    await this.enter('getAudit', [{ ...query, signal: undefined }], query.signal);
    const items = this.audit.filter((r) => !query.lineId || r.lineIds.includes(query.lineId)).reverse();
    return { items, nextCursor: null };
  }

  /** Records a change as the reference server does (tests add 'add' records by hand for seeded lines). */
  record(action: AuditRecord['action'], lines: readonly ResponseLine[], deletionId: string | null = null): void {
    this.audit.push({
      id: crypto.randomUUID(), at: new Date(Date.UTC(2026, 0, 11, 8, this.audit.length)).toISOString(), principal: this.who, action,
      recipientId: lines[0]?.recipientId ?? null, campaignId: lines[0]?.campaignId ?? null, lineIds: lines.map((l) => l.id),
      before: null, after: null, requestId: null, idempotencyKey: null, deletionId,
    });
  }

  #softDelete(doomed: readonly ResponseLine[], action: 'delete' | 'delete-all'): DeleteAllResult {
    if (doomed.length === 0) return { deleted: 0, deletionId: null };
    const deletionId = crypto.randomUUID();
    const gone = new Set(doomed.map((l) => l.id));
    this.lines = this.lines.filter((l) => !gone.has(l.id));
    const deletedAt = new Date().toISOString();
    this.deletedLines.push(...doomed.map((l) => ({ ...l, deletedAt, deletedBy: this.who.name, deletionId })));
    this.record(action, doomed, deletionId);
    return { deleted: doomed.length, deletionId };
  }

  #restore(back: readonly ResponseLine[], deletionId: string | null): ResponseLine[] {
    const ids = new Set(back.map((l) => l.id));
    this.deletedLines = this.deletedLines.filter((l) => !ids.has(l.id));
    const restored = back.map(({ deletedAt: _at, deletedBy: _by, deletionId: _id, ...live }) => live);
    this.lines.push(...restored);
    if (restored.length > 0) this.record('restore', restored, deletionId);
    return restored;
  }
}

/** A fake backend that declares what it can do, as a preset's adapter does (only what differs from full). */
export class CapableFakeAdapter extends FakeAdapter {
  readonly capabilities: BackendCapabilities;

  constructor(capabilities: Partial<BackendCapabilities>, lines: ResponseLine[] = []) {
    super(lines);
    this.capabilities = { ...FULL_CAPABILITIES, ...capabilities };
  }
}

/** A promise with its resolve, to hold a call until the test lets it go. */
export function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

/** Waits until `check` holds (polling each frame), or fails after `ms`. */
export async function until(check: () => unknown, ms = 2000): Promise<void> {
  const end = performance.now() + ms;
  while (!check()) {
    if (performance.now() > end) throw new Error(`condition not met within ${ms} ms: ${check.toString()}`);
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}
