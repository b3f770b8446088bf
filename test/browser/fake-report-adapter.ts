/**
 * An in-memory CampaignReportsAdapter for the two report elements' tests: a seeded summary, rows
 * and clickthrough per campaign, a log of every call with its query, failures and gates per method,
 * and a CSV export whose chunks the test feeds one at a time (`csvFeed`).
 */
import type { CallOptions, CampaignReportsAdapter, ClickthroughOptions, ReportQuery, SendOptions, StatsOptions } from '../../src/adapter/types.js';
import { NotFoundError } from '../../src/adapter/errors.js';
import type { CampaignResponsePage, CampaignResponseRow, CampaignStats, Clickthrough, ResponseSummary, SendResult } from '../../src/model/campaign-stats.js';
import { DEFAULT_VOCABULARY, findDetail } from '../../src/model/vocabulary.js';
import type { Campaign, Page } from '../../src/model/types.js';
import { FakeCalls, foundCampaign } from './fake-calls.js';

type Method = keyof CampaignReportsAdapter;

export const AS_OF = '2026-04-01T12:00:00.000Z';

/** A row of the detail report (campaign `spring`). */
export function reportRow(overrides: Partial<CampaignResponseRow> & Pick<CampaignResponseRow, 'id'>): CampaignResponseRow {
  const detailId = overrides.detailId ?? 'responded';
  return {
    recipientId: '42',
    recipientName: 'Ada Lovelace',
    campaignId: 'spring',
    eventId: 'spring-call',
    detailId,
    categoryId: findDetail(DEFAULT_VOCABULARY, detailId)?.categoryId ?? 'responded',
    respondedAt: '2026-03-10T09:00:00.000Z',
    recordedAt: '2026-03-10T09:05:00.000Z',
    note: '',
    author: 'sam',
    source: 'manual',
    link: null,
    evidence: null,
    ...overrides,
  };
}

/**
 * Spring: two events. Email: 8 sent, 7 opens by 5 people, 1 purchase; call: 2 purchases, 3
 * responded. Totals (by detail, category, event, all) are the cells' sums, worked out by hand.
 */
export const SPRING_SUMMARY: ResponseSummary = {
  campaignId: 'spring',
  asOf: AS_OF,
  nextRefreshAt: '2026-04-01T14:00:00.000Z',
  events: [
    { id: 'spring-mail', name: 'Launch email', channel: 'email', date: '2026-03-01T09:00:00.000Z' },
    { id: 'spring-call', name: 'Follow-up call', channel: 'phone', date: '2026-03-05T09:00:00.000Z' },
  ],
  cells: [
    { eventId: 'spring-mail', detailId: 'sent', categoryId: 'sent', lines: 8, recipients: 8 },
    { eventId: 'spring-mail', detailId: 'opened', categoryId: 'received', lines: 7, recipients: 5 },
    { eventId: 'spring-mail', detailId: 'purchased', categoryId: 'purchased', lines: 1, recipients: 1 },
    { eventId: 'spring-call', detailId: 'purchased', categoryId: 'purchased', lines: 2, recipients: 2 },
    { eventId: 'spring-call', detailId: 'responded', categoryId: 'responded', lines: 3, recipients: 3 },
  ],
  byDetail: [
    { detailId: 'sent', categoryId: 'sent', lines: 8, recipients: 8 },
    { detailId: 'opened', categoryId: 'received', lines: 7, recipients: 5 },
    { detailId: 'purchased', categoryId: 'purchased', lines: 3, recipients: 2 },
    { detailId: 'responded', categoryId: 'responded', lines: 3, recipients: 3 },
  ],
  byCategory: [
    { categoryId: 'sent', lines: 8, recipients: 8 },
    { categoryId: 'received', lines: 7, recipients: 5 },
    { categoryId: 'purchased', lines: 3, recipients: 2 },
    { categoryId: 'responded', lines: 3, recipients: 3 },
  ],
  byEvent: [
    { eventId: 'spring-mail', lines: 16, recipients: 8 },
    { eventId: 'spring-call', lines: 5, recipients: 4 },
  ],
  total: { lines: 21, recipients: 8 },
};

export const EMPTY_SUMMARY: ResponseSummary = {
  ...SPRING_SUMMARY,
  campaignId: 'bare',
  cells: [],
  byDetail: [],
  byCategory: [],
  byEvent: [],
  total: { lines: 0, recipients: 0 },
};

/** A CSV export the test controls: `push()` a chunk, `close()`, or `fail()`. */
export class CsvFeed {
  readonly stream: ReadableStream<Uint8Array>;
  readonly pushed: Uint8Array[] = [];
  #controller!: ReadableStreamDefaultController<Uint8Array>;
  cancelled = false;

  constructor() {
    this.stream = new ReadableStream<Uint8Array>({
      start: (controller) => {
        this.#controller = controller;
      },
      cancel: () => {
        this.cancelled = true;
      },
    });
  }

  push(text: string): void {
    const bytes = new TextEncoder().encode(text);
    this.pushed.push(bytes);
    this.#controller.enqueue(bytes);
  }

  close(): void {
    this.#controller.close();
  }

  fail(error: Error): void {
    this.#controller.error(error);
  }
}

export class FakeReportAdapter extends FakeCalls<Method> implements CampaignReportsAdapter {
  summaries = new Map<string, ResponseSummary>([
    ['spring', structuredClone(SPRING_SUMMARY)],
    ['bare', structuredClone(EMPTY_SUMMARY)],
  ]);
  rows = new Map<string, CampaignResponseRow[]>([['spring', []], ['bare', []]]);
  clickthrough = new Map<string, Clickthrough>();
  /** Each export answers the next feed made here (a fresh one per call). */
  csvFeeds: CsvFeed[] = [];
  pageSize = 50;

  /** The query (without its signal) of the last detail-report read. */
  lastQuery(): ReportQuery | undefined {
    return this.callsOf('getCampaignResponses').at(-1)?.args[1] as ReportQuery | undefined;
  }

  async getResponseSummary(campaignId: string, options: StatsOptions = {}): Promise<ResponseSummary> {
    await this.enter('getResponseSummary', [campaignId], options.signal);
    return foundCampaign(this.summaries, campaignId);
  }

  async getCampaignResponses(campaignId: string, query: ReportQuery = {}): Promise<CampaignResponsePage> {
    const { signal, ...rest } = query;
    await this.enter('getCampaignResponses', [campaignId, rest], signal);
    const all = foundCampaign(this.rows, campaignId).filter(
      (row) =>
        (!query.detailId || row.detailId === query.detailId) &&
        (!query.categoryId || row.categoryId === query.categoryId) &&
        (!query.eventId || row.eventId === query.eventId) &&
        (!query.source || row.source === query.source) &&
        (query.machine === undefined || (row.evidence?.machine === true) === query.machine) &&
        (!query.from || row.respondedAt >= query.from) &&
        (!query.to || row.respondedAt < query.to) &&
        (!query.q || row.note.toLowerCase().includes(query.q.toLowerCase())),
    );
    const sort = query.sort ?? '-respondedAt';
    const key = sort.replace('-', '') as 'respondedAt' | 'recipient' | 'detail';
    const of = (row: CampaignResponseRow) => (key === 'recipient' ? row.recipientName : key === 'detail' ? row.detailId : row.respondedAt);
    all.sort((a, b) => of(a).localeCompare(of(b)) * (sort.startsWith('-') ? -1 : 1));
    const start = query.cursor ? Number(query.cursor) : 0;
    const size = query.limit ?? this.pageSize;
    return { items: all.slice(start, start + size), nextCursor: start + size < all.length ? String(start + size) : null, total: all.length };
  }

  async exportCampaignResponsesCsv(campaignId: string, query: ReportQuery = {}): Promise<ReadableStream<Uint8Array>> {
    const { signal, ...rest } = query;
    await this.enter('exportCampaignResponsesCsv', [campaignId, rest], signal);
    foundCampaign(this.rows, campaignId);
    const feed = new CsvFeed();
    this.csvFeeds.push(feed);
    signal?.addEventListener('abort', () => feed.fail(new DOMException('aborted', 'AbortError')));
    return feed.stream;
  }

  async getClickthrough(campaignId: string, options: ClickthroughOptions = {}): Promise<Clickthrough> {
    await this.enter('getClickthrough', [campaignId, { eventId: options.eventId }], options.signal);
    return foundCampaign(this.clickthrough, campaignId);
  }

  async listCampaigns(options: CallOptions = {}): Promise<Page<Campaign>> {
    await this.enter('listCampaigns', [], options.signal);
    return { items: [], nextCursor: null };
  }

  async getCampaign(campaignId: string, options: CallOptions = {}): Promise<Campaign> {
    await this.enter('getCampaign', [campaignId], options.signal);
    throw new NotFoundError(`Campaign ${campaignId} not found`);
  }

  async getCampaignStats(campaignId: string, options: StatsOptions = {}): Promise<CampaignStats> {
    await this.enter('getCampaignStats', [campaignId], options.signal);
    throw new NotFoundError(`Campaign ${campaignId} not found`);
  }

  async sendCampaignEvent(campaignId: string, eventId: string, options: SendOptions = {}): Promise<SendResult> {
    await this.enter('sendCampaignEvent', [campaignId, eventId], options.signal);
    throw new NotFoundError(`Campaign ${campaignId} not found`);
  }
}

// ---- Export CSV helpers ----

/** Replaces `window.showSaveFilePicker` for one test (undefined: the browser has none). */
export function withPicker(picker: unknown): () => void {
  const had = Object.getOwnPropertyDescriptor(window, 'showSaveFilePicker');
  Object.defineProperty(window, 'showSaveFilePicker', { value: picker, configurable: true, writable: true });
  return () => {
    if (had) Object.defineProperty(window, 'showSaveFilePicker', had);
    else delete (window as unknown as Record<string, unknown>).showSaveFilePicker;
  };
}

/** Captures the Blob path's download: the object URL's Blob and the anchor's file name, without downloading. */
export function captureDownloads() {
  const blobs: Blob[] = [];
  const names: string[] = [];
  const createObjectURL = URL.createObjectURL;
  const click = HTMLAnchorElement.prototype.click;
  URL.createObjectURL = (blob: Blob | MediaSource) => {
    blobs.push(blob as Blob);
    return createObjectURL.call(URL, blob);
  };
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    if (this.download) names.push(this.download);
    else click.call(this);
  };
  return {
    blobs,
    names,
    restore() {
      URL.createObjectURL = createObjectURL;
      HTMLAnchorElement.prototype.click = click;
    },
  };
}

export const CSV_HEAD = '\uFEFFResponded at (UTC),Recipient,Note\r\n';
export const CSV_ROW_1 = '2026-03-10T09:00:00.000Z,Ada,"called, then ""wrote"""\r\n';
export const CSV_ROW_2 = '2026-03-11T09:00:00.000Z,Élodie,"two\r\nlines"\r\n';
export const CSV_ROW_3 = "2026-03-12T09:00:00.000Z,Bob,'=SUM(A1)\r\n";
