import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { dataClientContext } from '../../data/context.js';
import { createRestDataClient, getDefaultDataClient, onDefaultDataClientChange } from '../../data/configure.js';
import type { CampaignDataClient } from '../../data/data-client.js';
import type { DataChange } from '../../data/changes.js';
import type { RequestSlots } from '../../data/abort.js';

/** What an element offers the controller to find its client. */
export interface DataClientHost extends ReactiveControllerHost, HTMLElement {
  dataClient: CampaignDataClient | undefined;
  apiBase: string | undefined;
  token: string | undefined;
  getToken: (() => Promise<string | null | undefined>) | undefined;
}

/**
 * Finds an element's data client, in this order: its `dataClient` property, a provider above it
 * (context, including providers that upgrade later), the client of `configureCampaignKit()`, and
 * last a REST client of its own made from `api-base` (with `token` / `getToken`). Gives the element a
 * request view (aborted when it disconnects) and reports changes of its recipient's data.
 */
export class DataClientController implements ReactiveController {
  #host: DataClientHost;
  #fromContext: CampaignDataClient | undefined;
  #own: { apiBase: string; client: CampaignDataClient } | undefined;
  #view: { client: CampaignDataClient; slots: RequestSlots } | undefined;
  #subscription: { client: CampaignDataClient; recipientId: string; unsubscribe: () => void } | undefined;
  #stopDefault: (() => void) | undefined;
  #onChange: (change: DataChange) => void;
  #recipientId: () => string | undefined;

  constructor(host: DataClientHost, recipientId: () => string | undefined, onChange: (change: DataChange) => void) {
    this.#host = host;
    this.#recipientId = recipientId;
    this.#onChange = onChange;
    host.addController(this);
    new ContextConsumer(host, {
      context: dataClientContext,
      subscribe: true,
      callback: (client) => {
        this.#fromContext = client;
        host.requestUpdate();
      },
    });
  }

  /** The client the element uses now, or undefined when nothing configures one. */
  get client(): CampaignDataClient | undefined {
    const host = this.#host;
    // A removed element may still run an update it had scheduled; it must not start loads.
    if (!host.isConnected) return undefined;
    const found = host.dataClient ?? this.#fromContext ?? getDefaultDataClient();
    if (found) return found;
    if (!host.apiBase) return undefined;
    if (this.#own?.apiBase !== host.apiBase) {
      this.#own = {
        apiBase: host.apiBase,
        client: createRestDataClient({
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
    const recipientId = this.#recipientId();
    const current = this.#subscription;
    if (current?.client === client && current?.recipientId === recipientId) return;
    current?.unsubscribe();
    this.#subscription =
      client && recipientId
        ? { client, recipientId, unsubscribe: client.subscribe((change) => this.#onChange(change), recipientId) }
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
