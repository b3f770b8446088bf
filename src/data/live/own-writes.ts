/**
 * What this page itself just wrote, so that the stream's echo of it changes nothing: the page
 * already shows its own save. Marked before the request goes out, since the echo may arrive
 * before the answer does. Lines are remembered by id (a queued save may go out minutes later);
 * a delete-all by its recipient and campaign, and a send of an email event by its campaign and
 * event, briefly (their lines' ids are the server's to say).
 */
import type { LiveChange } from '../../adapter/live-types.js';

const LINE_MS = 10 * 60_000;
const CAMPAIGN_MS = 30_000;
const MAX_LINES = 1000;

export class OwnWrites {
  #lines = new Map<string, number>();
  #campaigns = new Map<string, number>();
  #sends = new Map<string, number>();
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  markLine(lineId: string): void {
    this.#lines.delete(lineId);
    this.#lines.set(lineId, this.#now() + LINE_MS);
    // A Map keeps insertion order: the oldest marks go first.
    for (const oldest of this.#lines.keys()) {
      if (this.#lines.size <= MAX_LINES) break;
      this.#lines.delete(oldest);
    }
  }

  markCampaign(recipientId: string, campaignId: string): void {
    this.#campaigns.set(JSON.stringify([recipientId, campaignId]), this.#now() + CAMPAIGN_MS);
  }

  /** An email event being sent: the Sent and bounce lines it adds come back on the campaign's stream. */
  markSend(campaignId: string, eventId: string): void {
    this.#sends.set(JSON.stringify([campaignId, eventId]), this.#now() + CAMPAIGN_MS);
  }

  /** Whether `change` is the echo of something this page wrote (a tracked hit never is). */
  isEcho(change: LiveChange): boolean {
    if (change.kind === 'tracked-open' || change.kind === 'tracked-click' || change.kind === 'stats-changed') return false;
    const now = this.#now();
    if (change.lineId !== null && (this.#lines.get(change.lineId) ?? 0) > now) return true;
    const line = change.line;
    if (change.kind === 'line-added' && line?.source === 'tracked') {
      return (this.#sends.get(JSON.stringify([change.campaignId, line.eventId])) ?? 0) > now;
    }
    if (change.kind !== 'line-deleted' && change.kind !== 'line-restored') return false;
    return (this.#campaigns.get(JSON.stringify([change.recipientId, change.campaignId])) ?? 0) > now;
  }
}
