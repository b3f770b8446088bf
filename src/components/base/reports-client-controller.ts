import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { RequestSlots } from '../../data/abort.js';
import { onDefaultDataClientChange } from '../../data/configure.js';
import { reportsClientContext } from '../../data/context.js';
import type { CampaignChange, CampaignReportsClient } from '../../data/reports-client.js';
import { createRestReportsClient, getDefaultReportsClient, installReportsClientFactory } from '../../data/reports-configure.js';

/** What an element offers the controller to find its campaign-side client. */
export interface ReportsClientHost extends ReactiveControllerHost, HTMLElement {
  reportsClient: CampaignReportsClient | undefined;
  apiBase: string | undefined;
  token: string | undefined;
  getToken: (() => Promise<string | null | undefined>) | undefined;
}

/**
 * Finds a campaign element's client the way `DataClientController` finds a recipient element's:
 * its `reportsClient` property, a `<campaign-data-provider>` above it (context, also when the
 * provider upgrades later), the client of `configureCampaignKit()` / `configureCampaignReports()`,
 * and last a REST client of its own from `api-base` (with `token` / `getToken`). Gives the element
 * a request view (aborted when it disconnects) and reports changes of its campaign.
 */
export class ReportsClientController implements ReactiveController {
  #host: ReportsClientHost;
  #fromContext: CampaignReportsClient | undefined;
  #own: { apiBase: string; client: CampaignReportsClient } | undefined;
  #view: { client: CampaignReportsClient; slots: RequestSlots } | undefined;
  #subscription: { client: CampaignReportsClient; campaignId: string; unsubscribe: () => void } | undefined;
  #stopDefault: (() => void) | undefined;
  #onChange: (change: CampaignChange) => void;
  #campaignId: () => string | undefined;

  constructor(host: ReportsClientHost, campaignId: () => string | undefined, onChange: (change: CampaignChange) => void) {
    // A provider makes its campaign-side client only once this side is loaded: it is, now.
    installReportsClientFactory();
    this.#host = host;
    this.#campaignId = campaignId;
    this.#onChange = onChange;
    host.addController(this);
    new ContextConsumer(host, {
      context: reportsClientContext,
      subscribe: true,
      callback: (client) => {
        this.#fromContext = client;
        host.requestUpdate();
      },
    });
  }

  /** The client the element uses now, or undefined when nothing configures one. */
  get client(): CampaignReportsClient | undefined {
    const host = this.#host;
    // A removed element may still run an update it had scheduled; it must not start loads.
    if (!host.isConnected) return undefined;
    const found = host.reportsClient ?? this.#fromContext ?? getDefaultReportsClient();
    if (found) return found;
    if (!host.apiBase) return undefined;
    if (this.#own?.apiBase !== host.apiBase) {
      this.#own = {
        apiBase: host.apiBase,
        client: createRestReportsClient({
          apiBase: host.apiBase,
          // Read at each request, so a new token from the host is used without a new client.
          getToken: async () => host.token ?? (await host.getToken?.()),
        }),
      };
    }
    return this.#own.client;
  }

  /** The element's request slots on the current client: a newer load in a slot aborts the older. */
  get view(): RequestSlots | undefined {
    const client = this.client;
    if (!client) return undefined;
    if (this.#view?.client !== client) {
      this.#view?.slots.abortAll();
      this.#view = { client, slots: client.createView() };
    }
    return this.#view.slots;
  }

  hostConnected(): void {
    this.#stopDefault = onDefaultDataClientChange(() => this.#host.requestUpdate());
    // Re-evaluate the client after a move in the DOM (it may now sit under another provider).
    this.#host.requestUpdate();
  }

  hostUpdated(): void {
    const client = this.client;
    const campaignId = this.#campaignId();
    const current = this.#subscription;
    if (current?.client === client && current?.campaignId === campaignId) return;
    current?.unsubscribe();
    this.#subscription =
      client && campaignId
        ? { client, campaignId, unsubscribe: client.subscribe((change) => this.#onChange(change), campaignId) }
        : undefined;
  }

  hostDisconnected(): void {
    this.#stopDefault?.();
    this.#subscription?.unsubscribe();
    this.#subscription = undefined;
    this.#view?.slots.abortAll();
    this.#view = undefined;
  }
}
