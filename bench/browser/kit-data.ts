/**
 * Data for the element benchmarks (history, tab), generated in the page, and an in-memory adapter
 * that answers from it at once: what is measured is the element, not a network or a fake's sorting.
 */
import type { CampaignResponseAdapter, CallOptions, HistoryQuery } from '../../src/adapter/types.js';
import { DEFAULT_VOCABULARY } from '../../src/model/vocabulary.js';
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

export const RECIPIENT: Recipient = {
  id: 'r-bench',
  displayName: 'Ada Lovelace',
  email: 'ada@example.com',
  timeZone: 'Asia/Tokyo',
};

const CHANNELS = ['email', 'phone', 'direct-mail'] as const;
const NOTES = [
  '',
  'Spoke at the booth; wants a quote for 40 seats before the end of the quarter.',
  '',
  'Asked to be called back after the holidays.',
];

/** `count` campaigns with 1–3 events each; every other one has a latest response. */
export function campaigns(count: number): RecipientCampaign[] {
  const details = DEFAULT_VOCABULARY.details;
  return Array.from({ length: count }, (_, i): RecipientCampaign => {
    const id = `campaign-${i}`;
    const events = Array.from({ length: 1 + (i % 3) }, (_, e) => ({
      id: `${id}-event-${e}`,
      campaignId: id,
      name: `${['Launch email', 'Follow-up call', 'Letter'][e]} ${i}`,
      channel: CHANNELS[e],
      date: null,
      status: 'completed' as const,
      cost: 10,
      legacyEmail: false,
    }));
    const detail = details[i % details.length];
    const at = new Date(Date.UTC(2026, 0, 1, 9) + i * 3_600_000).toISOString();
    return {
      id,
      title: `Campaign ${i}: Spring launch ${2000 + i}`,
      currency: 'EUR',
      baseCost: 1000,
      expectedRevenue: 5000,
      events,
      latestResponse:
        i % 2
          ? null
          : {
              id: `latest-${i}`,
              recipientId: RECIPIENT.id,
              campaignId: id,
              eventId: events[0].id,
              detailId: detail.id,
              categoryId: detail.categoryId,
              respondedAt: at,
              recordedAt: at,
              note: '',
              author: 'ana.diaz',
              source: 'manual',
              link: null,
              evidence: null,
            },
    };
  });
}

/** `count` history lines of the given campaigns, newest first (as the backend sends them). */
export function historyLines(count: number, of: readonly RecipientCampaign[]): ResponseLine[] {
  const details = DEFAULT_VOCABULARY.details;
  const newest = Date.UTC(2026, 2, 1, 9);
  return Array.from({ length: count }, (_, i): ResponseLine => {
    const detail = details[i % details.length];
    const campaign = of[i % of.length];
    const at = new Date(newest - i * 3_600_000).toISOString();
    return {
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      recipientId: RECIPIENT.id,
      campaignId: campaign.id,
      eventId: campaign.events[i % campaign.events.length].id,
      detailId: detail.id,
      categoryId: detail.categoryId,
      respondedAt: at,
      recordedAt: at,
      note: NOTES[i % NOTES.length],
      author: i % 2 ? 'ana.diaz' : null,
      source: detail.entry === 'tracked' ? 'tracked' : 'manual',
      link: detail.id === 'clicked-through' ? { id: 'link-1', url: 'https://example.com/offer?utm_source=mail' } : null,
      evidence: null,
    };
  });
}

/**
 * A CampaignResponseAdapter over data in memory: lines kept newest first, pages sliced (no sort per
 * call), answers resolved at once. `pageLimit` caps a page as a server would.
 */
export class MemoryAdapter implements CampaignResponseAdapter {
  vocabulary: ResponseVocabulary = DEFAULT_VOCABULARY;

  constructor(
    public recipientCampaigns: RecipientCampaign[],
    /** Newest first. */
    public lines: ResponseLine[] = [],
    public pageLimit = 200,
  ) {}

  async getResponseTypes(_options?: CallOptions): Promise<ResponseVocabulary> {
    return this.vocabulary;
  }

  async getRecipientCampaigns(_recipientId: string, _options?: CallOptions): Promise<RecipientCampaigns> {
    return { recipient: RECIPIENT, campaigns: this.recipientCampaigns };
  }

  async getRecipientResponses(_recipientId: string, query: HistoryQuery = {}): Promise<Page<ResponseLine>> {
    const all = query.campaignId ? this.lines.filter((l) => l.campaignId === query.campaignId) : this.lines;
    const start = query.cursor ? Number(query.cursor) : 0;
    const size = Math.min(query.limit ?? this.pageLimit, this.pageLimit);
    const next = start + size < all.length ? String(start + size) : null;
    return { items: all.slice(start, start + size), nextCursor: next, total: all.length };
  }

  async addResponse(line: NewResponseLine): Promise<ResponseLine> {
    const detail = this.vocabulary.details.find((d) => d.id === line.detailId);
    const saved: ResponseLine = {
      ...line,
      categoryId: detail?.categoryId ?? line.detailId,
      recordedAt: new Date().toISOString(),
      author: 'bench',
      source: 'manual',
      link: null,
      evidence: null,
    };
    // Newest first: a line of "now" goes on top.
    this.lines = [saved, ...this.lines];
    return saved;
  }

  async deleteAllResponses(_recipientId: string, campaignId: string): Promise<DeleteAllResult> {
    const before = this.lines.length;
    this.lines = this.lines.filter((l) => l.campaignId !== campaignId);
    return { deleted: before - this.lines.length };
  }
}
