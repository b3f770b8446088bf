/** What the bulk entry tests share: a campaign, recipients, a fake backend with per-line failures, mounting. */
import { fixture, html } from '@open-wc/testing';
import { FULL_CAPABILITIES, type BackendCapabilities } from '../../src/adapter/capabilities.js';
import '../../src/define/bulk-response-entry.js';
import type { BulkResponseEntry } from '../../src/components/bulk-response-entry/bulk-response-entry.js';
import { CampaignDataClient } from '../../src/data/data-client.js';
import type { Campaign, NewResponseLine, Recipient, ResponseLine } from '../../src/model/types.js';
import type { RespondedQuery } from '../../src/adapter/bulk-operations.js';
import { CAMPAIGNS, FakeAdapter, until } from './fake-adapter.js';
import { $, $$, text } from './helpers.js';

export const CAMPAIGN: Campaign = (({ latestResponse: _unused, ...campaign }) => campaign)(structuredClone(CAMPAIGNS[0]));

export const PEOPLE: Recipient[] = [
  { id: '42', displayName: 'Ada Lovelace', email: 'ada@example.com', timeZone: 'Asia/Tokyo' },
  { id: '43', displayName: 'Jonas Weber', email: 'j.weber@example.com', timeZone: 'Europe/Berlin' },
  { id: '44', displayName: 'Jonas Weber', email: 'jonas@other.example', timeZone: 'Europe/Vienna' },
  { id: '50', displayName: 'Renate Müller', email: 'mueller@example.de', timeZone: 'Europe/Berlin' },
];

/** A backend of `PEOPLE`, where a line can be made to fail once per recipient with a given error. */
export class BulkFakeAdapter extends FakeAdapter {
  failOnce = new Map<string, Error>();
  /** A backend that cannot restore unless a test says so: the batch's Undo is offered only where it can. */
  capabilities: BackendCapabilities = { ...FULL_CAPABILITIES, restore: false };

  constructor(people: Recipient[] = PEOPLE, lines: ResponseLine[] = []) {
    super(lines);
    for (const person of people) this.recipients.set(person.id, person);
  }

  override async addResponse(line: NewResponseLine, options: { signal?: AbortSignal; idempotencyKey?: string } = {}): Promise<ResponseLine> {
    const failure = this.failOnce.get(line.recipientId);
    if (failure) {
      this.failOnce.delete(line.recipientId);
      this.calls.push({ method: 'addResponse', args: [line, { idempotencyKey: options.idempotencyKey }] });
      throw failure;
    }
    return super.addResponse(line, options);
  }
}

/** The same, answering who already responded in bulk (the optional adapter operation). */
export class BulkOpsFakeAdapter extends BulkFakeAdapter {
  async alreadyResponded(query: RespondedQuery): Promise<string[]> {
    await this.enter('getRecipientResponses', [query]);
    const ids = new Set(query.recipientIds);
    return [...new Set(this.lines.filter((l) => ids.has(l.recipientId) && l.eventId === query.eventId && l.detailId === query.detailId).map((l) => l.recipientId))];
  }
}

export async function mountBulk(options: { adapter?: BulkFakeAdapter; recipients?: Recipient[]; client?: CampaignDataClient } = {}) {
  const adapter = options.adapter ?? new BulkFakeAdapter();
  const client = options.client ?? new CampaignDataClient({ adapter });
  const entry = await fixture<BulkResponseEntry>(
    html`<bulk-response-entry event-id="spring-call" .campaign=${CAMPAIGN} .recipients=${options.recipients} .dataClient=${client}></bulk-response-entry>`,
  );
  await until(() => entry.shadowRoot?.querySelector('#bulk-detail option[value="responded"]'));
  return { entry, adapter, client };
}

export const phaseOf = (entry: BulkResponseEntry) => (entry as unknown as { flow: { phase: string } }).flow.phase;

/** Picks the detail, pastes `text`, checks the list and waits for the preview. */
export async function checkList(entry: BulkResponseEntry, pasted: string, detailId = 'responded'): Promise<void> {
  const detail = $<HTMLSelectElement>(entry, '#bulk-detail');
  detail.value = detailId;
  detail.dispatchEvent(new Event('change', { bubbles: true }));
  const paste = $<HTMLTextAreaElement>(entry, '#bulk-paste');
  paste.value = pasted;
  paste.dispatchEvent(new Event('input', { bubbles: true }));
  await entry.updateComplete;
  $<HTMLButtonElement>(entry, '[part~="check-button"]').click();
  await until(() => phaseOf(entry) === 'preview', 5000);
  await until(() => entry.shadowRoot?.querySelector('[part~="row"]'));
}

/** Each shown row as "key | recipient or status | reason | included". */
export function rowsShown(entry: BulkResponseEntry): string[] {
  return $$(entry, '[part~="row"]').map((row) => {
    const status = row.querySelector('[part~="row-recipient"], [part~="row-status"]');
    const reason = row.querySelector('[part~="row-reason"]');
    const box = row.querySelector<HTMLInputElement>('[part~="row-include"]')!;
    return [text(row.querySelector('[part~="row-key"]')!), status ? text(status) : '-', reason ? text(reason) : '-', box.checked ? 'in' : 'out'].join(' | ');
  });
}

export const summaryOf = (entry: BulkResponseEntry) => text($(entry, '[part~="status"]'));
