import { ContextConsumer, type Context } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { onDefaultDataClientChange } from '../../data/configure.js';

/**
 * How long an element inside a provider that has no client yet shows itself loading rather than a
 * configuration error: a host often makes the client only after its own sign-in.
 */
export const PROVIDER_WAIT_MS = 10_000;

/** What every kit client offers its elements: changes of one record. */
export interface KitClient<Change> {
  subscribe(listener: (change: Change) => void, key?: string, options?: { live?: boolean }): () => void;
}

/** What an element offers the controller to find its client. */
export interface ClientHost extends ReactiveControllerHost, HTMLElement {
  apiBase: string | undefined;
  token: string | undefined;
  getToken: (() => Promise<string | null | undefined>) | undefined;
  /** Whether others' changes are followed as they happen (the client's change stream). */
  live: boolean;
}

/** Where a kind of client comes from: the recipient side's data client, or the campaign side's. */
export interface ClientSource<Client> {
  context: Context<unknown, Client | undefined>;
  /** The element's own property (`dataClient`, `reportsClient`). */
  fromHost(host: ClientHost): Client | undefined;
  /** The page-wide client of `configureCampaignKit()`. */
  configured(): Client | undefined;
  /** A REST client of the element's own, from `api-base`. */
  createRest(config: { apiBase: string; getToken: () => Promise<string | null | undefined> }): Client;
}

/**
 * Finds an element's client, in this order: its own property, a provider above it (context,
 * including providers that upgrade later), the client of `configureCampaignKit()`, and last a REST
 * client of its own made from `api-base` (with `token` / `getToken`), and reports changes of its
 * record (`key`: a recipient or a campaign). An element's requests are cancelled by its
 * LoadController, the one place that does.
 */
export class ClientController<Client extends KitClient<Change>, Change> implements ReactiveController {
  #host: ClientHost;
  #source: ClientSource<Client>;
  #fromContext: Client | undefined;
  #own: { apiBase: string; client: Client } | undefined;
  #subscription: { client: Client; key: string; live: boolean; unsubscribe: () => void } | undefined;
  #stopDefault: (() => void) | undefined;
  #onChange: (change: Change) => void;
  #key: () => string | undefined;
  #providerAnsweredAt: number | undefined;
  #waitTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: ClientHost, source: ClientSource<Client>, key: () => string | undefined, onChange: (change: Change) => void) {
    this.#host = host;
    this.#source = source;
    this.#key = key;
    this.#onChange = onChange;
    host.addController(this);
    new ContextConsumer(host, {
      context: source.context,
      subscribe: true,
      callback: (client) => {
        this.#fromContext = client;
        this.#providerAnsweredAt ??= Date.now();
        host.requestUpdate();
      },
    });
  }

  /** The client the element uses now, or undefined when nothing configures one. */
  get client(): Client | undefined {
    const host = this.#host;
    // A removed element may still run an update it had scheduled; it must not start loads.
    if (!host.isConnected) return undefined;
    const found = this.#source.fromHost(host) ?? this.#fromContext ?? this.#source.configured();
    if (found) return found;
    if (!host.apiBase) return undefined;
    if (this.#own?.apiBase !== host.apiBase) {
      this.#own = {
        apiBase: host.apiBase,
        client: this.#source.createRest({
          apiBase: host.apiBase,
          // Read at each request, so a new token from the host is used without a new client.
          getToken: async () => host.token ?? (await host.getToken?.()),
        }),
      };
    }
    return this.#own.client;
  }

  /**
   * True while a provider above has answered without a client, for a while (`PROVIDER_WAIT_MS`):
   * the element shows itself loading; past it, or with no provider at all, the configuration error.
   */
  get waiting(): boolean {
    const since = this.#providerAnsweredAt;
    if (since === undefined || this.client) return false;
    const left = since + PROVIDER_WAIT_MS - Date.now();
    if (left <= 0) return false;
    this.#waitTimer ??= setTimeout(() => {
      this.#waitTimer = undefined;
      this.#host.requestUpdate();
    }, left);
    return true;
  }

  hostConnected(): void {
    this.#stopDefault = onDefaultDataClientChange(() => this.#host.requestUpdate());
    // Re-evaluate the client after a move in the DOM (it may now sit under another provider).
    this.#host.requestUpdate();
  }

  hostUpdated(): void {
    const client = this.client;
    const key = this.#key();
    const live = this.#host.live;
    const current = this.#subscription;
    if (current?.client === client && current?.key === key && current?.live === live) return;
    // Subscribed anew before the old one is left, so a shared stream is not closed and reopened.
    this.#subscription =
      client && key ? { client, key, live, unsubscribe: client.subscribe((change) => this.#onChange(change), key, { live }) } : undefined;
    current?.unsubscribe();
  }

  hostDisconnected(): void {
    this.#stopDefault?.();
    clearTimeout(this.#waitTimer);
    this.#waitTimer = undefined;
    // Moved elsewhere, it may sit under another provider, or none: it waits anew only if one answers.
    this.#providerAnsweredAt = undefined;
    this.#subscription?.unsubscribe();
    this.#subscription = undefined;
  }
}
