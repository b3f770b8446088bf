/**
 * The campaign side's live part: joins the stream of each campaign a panel or report shows, and
 * tells its subscribers once per burst (debounced: a mailing's opens come in bursts, and each
 * re-read of the statistics is a request), so they re-read. The page's own writes join the burst
 * (one re-read for them), and their echo on the stream is dropped (no second one).
 */
import type { LiveChange, LiveOperations } from '../../adapter/live-types.js';
import { LiveHub, type LiveState } from './live-hub.js';

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

export class CampaignLive {
  readonly #hub: LiveHub;
  readonly #options: CampaignLiveOptions;
  #enabled: boolean;
  #bursts = new Map<string, { changes: LiveChange[]; others: boolean; timer: ReturnType<typeof setTimeout> }>();

  constructor(options: CampaignLiveOptions) {
    this.#options = options;
    this.#hub = new LiveHub({ follow: options.follow });
    this.#enabled = options.enabled;
  }

  get state(): LiveState {
    return this.#hub.state;
  }

  get enabled(): boolean {
    return this.#enabled;
  }

  set enabled(on: boolean) {
    this.#enabled = on;
    if (!on) this.#hub.closeAll();
  }

  join(campaignId: string): () => void {
    if (!this.#enabled || !this.#hub.available) return () => undefined;
    return this.#hub.join({ campaignId }, (news) => {
      if (news.kind === 'change' && !this.#options.isEcho(news.change)) this.#gather(campaignId, [news.change], true);
      else if (news.kind === 'reset') this.#gather(campaignId, [], true);
    });
  }

  /** This page wrote to the campaign (a send, a bulk entry, a delete): its subscribers re-read once. */
  ownWrite(campaignId: string): void {
    this.#gather(campaignId, [], false);
  }

  /** Runs a read of the campaign's statistics or reports, so its stream starts after it (see LiveHub.read). */
  read<T>(campaignId: string, run: () => Promise<T>): Promise<T> {
    return this.#enabled ? this.#hub.read({ campaignId }, run) : run();
  }

  close(): void {
    this.#hub.closeAll();
    for (const burst of this.#bursts.values()) clearTimeout(burst.timer);
    this.#bursts.clear();
  }

  /** `others`: news from the stream (others' changes, a reset), not only this page's writes. */
  #gather(campaignId: string, changes: LiveChange[], others: boolean): void {
    const burst = this.#bursts.get(campaignId);
    if (burst) {
      burst.changes.push(...changes);
      burst.others ||= others;
      return;
    }
    const timer = setTimeout(() => {
      const gathered = this.#bursts.get(campaignId);
      this.#bursts.delete(campaignId);
      if (!gathered) return;
      if (gathered.others) this.#options.notify(campaignId, gathered.changes);
      else this.#options.notifyOwn(campaignId);
    }, this.#options.debounceMs ?? 400);
    this.#bursts.set(campaignId, { changes: [...changes], others, timer });
  }
}
