/**
 * The campaign side's live part: joins the stream of each campaign a panel or report shows, and
 * tells its subscribers once per burst (400 ms: each re-read of the statistics is a request), so
 * they re-read. The page's own writes join the burst (one re-read for them), and their echo on
 * the stream is dropped (no second one).
 */
import type { LiveChange, LiveFilter, LiveNews, LiveOperations } from '../../adapter/live-types.js';
import { LiveSide, type Burst } from './live-side.js';

export interface CampaignLiveOptions {
  follow: LiveOperations['followChanges'] | undefined;
  /** Tells the campaign's subscribers: the changes of one burst, or a reset (read everything again). */
  notify(campaignId: string, changes: LiveChange[]): void;
  /** Tells them of a burst of this page's own writes only. */
  notifyOwn(campaignId: string): void;
  /** Whether a change is the echo of this page's own write. */
  isEcho(change: LiveChange): boolean;
  enabled: boolean;
  /** How long a burst gathers before its subscribers hear of it. Default 400 ms. */
  debounceMs?: number;
}

export class CampaignLive extends LiveSide {
  readonly #options: CampaignLiveOptions;

  constructor(options: CampaignLiveOptions) {
    super({ follow: options.follow, enabled: options.enabled, burstMs: options.debounceMs ?? 400 });
    this.#options = options;
  }

  /** This page wrote to the campaign (a send, a bulk entry, a delete): its subscribers re-read once. */
  ownWrite(campaignId: string): void {
    this.gather(campaignId, [], false);
  }

  protected override filterOf(campaignId: string): LiveFilter {
    return { campaignId };
  }

  protected override hear(campaignId: string, news: LiveNews): void {
    if (news.kind === 'change' && !this.#options.isEcho(news.change)) this.gather(campaignId, [news.change], true);
    else if (news.kind === 'reset') this.gather(campaignId, [], true);
  }

  protected override flush(campaignId: string, burst: Burst): void {
    if (burst.others) this.#options.notify(campaignId, burst.changes);
    else this.#options.notifyOwn(campaignId);
  }
}
