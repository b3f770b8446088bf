import { nothing } from 'lit';
import type { ReactiveControllerHost } from 'lit';
import type { CampaignDataClient } from '../../data/data-client.js';
import type { DeleteRequestEvent } from '../../events/delete-request.js';
import type { Localizer } from '../../i18n/localizer.js';
import type { RecipientCampaign } from '../../model/types.js';
import type { DeleteFlow } from './delete-flow.js';

// Nothing before the first Delete needs the flow: a chunk of its own in a bundler, out of the first paint.
const loadDeleteFlow = () => import('./delete-flow.js');

export interface DeleteLauncherOptions {
  localizer: () => Localizer;
  /** The host's `undo-delay-ms`; anything but a finite number ≥ 0 leaves the data client's. */
  undoDelayMs: () => number | undefined;
  client: () => CampaignDataClient | undefined;
  campaigns: () => readonly RecipientCampaign[] | undefined;
}

/** The tab's Delete (confirmation, Undo, Restore), loaded when first wanted (see `preload()`). */
export class DeleteLauncher {
  #host: ReactiveControllerHost & HTMLElement;
  #options: DeleteLauncherOptions;
  #flow: DeleteFlow | undefined;
  /** Where focus goes once the notice is gone: the Update Status button the Delete started from. */
  #focusAfter: HTMLElement | null = null;

  constructor(host: ReactiveControllerHost & HTMLElement, options: DeleteLauncherOptions) {
    this.#host = host;
    this.#options = options;
  }

  /** Update Status (opened from `opener`) is where a Delete starts: opening it starts loading the flow. */
  preload(opener: HTMLElement): void {
    this.#focusAfter = opener;
    loadDeleteFlow().catch(() => undefined);
  }

  /** The dialog's `cr-delete-request`, heard by the tab. */
  onRequest = async (event: DeleteRequestEvent): Promise<void> => {
    // Runs after every listener (the host's included) has seen the event, so a host can cancel it.
    await Promise.resolve();
    const client = this.#options.client();
    const campaign = this.#options.campaigns()?.find((c) => c.id === event.campaignId);
    if (event.defaultPrevented || !client || !campaign) return;
    const { DeleteFlow } = await loadDeleteFlow();
    const { localizer, undoDelayMs } = this.#options;
    this.#flow ??= new DeleteFlow(this.#host, () => this.#focusAfter, localizer, () => {
      const ms = undoDelayMs();
      return ms !== undefined && Number.isFinite(ms) && ms >= 0 ? ms : undefined;
    });
    void this.#flow.request(client, event.recipientId, campaign);
  };

  render(): unknown {
    return this.#flow?.render() ?? nothing;
  }
}
