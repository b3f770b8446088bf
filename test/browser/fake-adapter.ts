import type { CampaignResponseAdapter, HistoryQuery } from '../../src/adapter/types.js';
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
  recipients = new Map<string, Recipient>([[RECIPIENT.id, RECIPIENT]]);
  campaigns: RecipientCampaign[] = structuredClone(CAMPAIGNS);
  lines: ResponseLine[] = [];
  pageSize = 50;
  /** The most lines one page may hold, whatever `limit` asks (the reference server caps at 500). */
  maxLimit = 500;

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
    const all = this.lines
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

  async deleteAllResponses(recipientId: string, campaignId: string): Promise<DeleteAllResult> {
    await this.enter('deleteAllResponses', [recipientId, campaignId]);
    const before = this.lines.length;
    this.lines = this.lines.filter((l) => !(l.recipientId === recipientId && l.campaignId === campaignId));
    return { deleted: before - this.lines.length };
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
