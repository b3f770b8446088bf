/**
 * The campaign side's live part: joins the stream of each campaign a panel or report shows, and
 * tells its subscribers once per burst (400 ms: each re-read of the statistics is a request), so
 * they re-read. The page's own writes join the burst (one re-read for them), and their echo on
 * the stream is dropped (no second one): its own sends, and the writes of the data clients linked
 * to it (a bulk entry, a delete, an undo on the recipient side of the same page).
 */
import type { LiveChange, LiveFilter, LiveNews, LiveOperations } from '../../adapter/live-types.js';
import type { DataChange, DataChangeListener } from '../changes.js';
import { LiveSide, type Burst } from './live-side.js';
import { OwnWrites } from './own-writes.js';

export interface CampaignLiveOptions {
  follow: LiveOperations['followChanges'] | undefined;
  /** Tells the campaign's subscribers: the changes of one burst, or a reset (read everything again). */
  notify(campaignId: string, changes: LiveChange[]): void;
  /** Tells them of a burst of this page's own writes only. */
  notifyOwn(campaignId: string): void;
  enabled: boolean;
  /** How long a burst gathers before its subscribers hear of it. Default 400 ms. */
  debounceMs?: number;
}

/** What the campaign side needs of the page's `CampaignDataClient`. */
export interface LinkedDataClient {
  subscribe(listener: DataChangeListener): () => void;
  isOwnWrite(change: LiveChange): boolean;
}

/** The data client's news that means the server's lines changed (a queued edit's delivery is `sync`). */
const WRITES: ReadonlySet<DataChange['kind']> = new Set(['added', 'deleted', 'restored', 'sync']);

export class CampaignLive extends LiveSide {
  /** What this page sent itself (an email event), marked before it goes out. */
  readonly ownWrites = new OwnWrites();
  readonly #options: CampaignLiveOptions;
  #linked = new Map<LinkedDataClient, () => void>();

  constructor(options: CampaignLiveOptions) {
    super({ follow: options.follow, enabled: options.enabled, burstMs: options.debounceMs ?? 400 });
    this.#options = options;
  }

  /** This page wrote to the campaign (a send, a bulk entry, a delete): its subscribers re-read once. */
  ownWrite(campaignId: string): void {
    this.gather(campaignId, [], false);
  }

  /** Takes `dataClient`'s writes as this page's own (see `ownWrite`), and their echo as an echo. Returns the unlink. */
  link(dataClient: LinkedDataClient): () => void {
    const linked = this.#linked.get(dataClient);
    if (linked) return linked;
    const stop = dataClient.subscribe((change) => {
      if (WRITES.has(change.kind) && 'campaignId' in change) this.ownWrite(change.campaignId);
    });
    const unlink = () => {
      stop();
      this.#linked.delete(dataClient);
    };
    this.#linked.set(dataClient, unlink);
    return unlink;
  }

  /** Closes the streams, and unlinks the data clients. */
  override close(): void {
    super.close();
    for (const unlink of [...this.#linked.values()]) unlink();
  }

  /** Whether `change` is the echo of this page's own write: its own send, or a linked data client's write. */
  #isEcho(change: LiveChange): boolean {
    return this.ownWrites.isEcho(change) || [...this.#linked.keys()].some((client) => client.isOwnWrite(change));
  }

  protected override filterOf(campaignId: string): LiveFilter {
    return { campaignId };
  }

  protected override hear(campaignId: string, news: LiveNews): void {
    if (news.kind === 'change' && !this.#isEcho(news.change)) this.gather(campaignId, [news.change], true);
    else if (news.kind === 'reset') this.gather(campaignId, [], true);
  }

  protected override flush(campaignId: string, burst: Burst): void {
    if (burst.others) this.#options.notify(campaignId, burst.changes);
    else this.#options.notifyOwn(campaignId);
  }
}
