import { css, html } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { ContextProvider } from '@lit/context';
import type { CampaignReportsAdapter, CampaignResponseAdapter } from '../../adapter/types.js';
import { dataClientContext, reportsClientContext } from '../../data/context.js';
import { createRestDataClient, makeReportsClient, type ReportsSource } from '../../data/configure.js';
import { CampaignDataClient } from '../../data/data-client.js';
// Type only: the provider must not bundle the campaign side for pages that show only a recipient's tab.
import type { CampaignReportsClient } from '../../data/reports-client.js';
import { CrElement } from '../base/cr-element.js';
import { syncDomEvent, syncNewsClaimed } from '../base/sync-news.js';

/**
 * @tagname campaign-data-provider
 * @summary Gives one data client to every kit element inside it: from `api-base` (with `token` or
 * `getToken`), from an `adapter`, or a `dataClient` made elsewhere. Campaign elements (statistics,
 * reports) get a campaign-side client the same way: `reportsClient`, else one made from
 * `reportsAdapter`, else from `api-base`, made when one of them first asks.
 *
 * The two clients it shares are linked (`linkDataClient`): a save, delete or bulk entry of the data
 * client is the page's own write, so the campaign's panels re-read once and not again for its echo.
 *
 * With offline edits and no `<campaign-sync-status>` on the page, the provider announces the
 * client's delivery news itself, so the host hears it either way (once: a status, when present,
 * announces instead).
 *
 * @slot - The kit's elements (anywhere below, also inside other shadow roots).
 *
 * @fires {ResponseSavedEvent} cr-response-saved - A queued response line reached the backend (`event.line`, as stored), when no `<campaign-sync-status>` shows this client.
 * @fires {SyncCompleteEvent} cr-sync-complete - The queue has nothing left to send now (likewise).
 * @fires {SyncFailedEvent} cr-sync-failed - Sending an edit failed (likewise).
 * @fires {AuthRequiredEvent} cr-auth-required - The server answered 401 to a queued edit (likewise); `retryAfter(promise)` resumes sending.
 */
export class CampaignDataProvider extends CrElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** The client to share; when set, `api-base` and `adapter` are ignored. */
  @property({ attribute: false }) dataClient: CampaignDataClient | undefined;

  /** Any adapter implementing CampaignResponseAdapter (another backend); used when no dataClient is set. */
  @property({ attribute: false }) adapter: CampaignResponseAdapter | undefined;

  /** Base URL of the REST backend, e.g. `/api`. */
  @property({ attribute: 'api-base' }) apiBase: string | undefined;

  /** The bearer token; read at each request, so replacing it needs no new client. */
  @property({ attribute: false }) token: string | undefined;

  /** Supplies the bearer token per request (e.g. refreshing it). */
  @property({ attribute: false }) getToken: (() => Promise<string | null | undefined>) | undefined;

  /** The campaign-side client to share; when set, `reportsAdapter` and `api-base` are ignored for it. */
  @property({ attribute: false }) reportsClient: CampaignReportsClient | undefined;

  /** Any adapter implementing CampaignReportsAdapter, for the campaign side; used when no reportsClient is set. */
  @property({ attribute: false }) reportsAdapter: CampaignReportsAdapter | undefined;

  /**
   * Whether the clients the provider makes follow the backend's change stream, so others' changes
   * and tracked hits show as they happen; `false` (attribute `live="off"`) turns it off. A client
   * handed in (`dataClient`, `reportsClient`) keeps its own setting.
   */
  @property({ converter: { fromAttribute: (value: string | null) => value !== 'off' && value !== 'false' } }) live = true;

  #provider = new ContextProvider(this, { context: dataClientContext });
  #made: { from: CampaignResponseAdapter | string; client: CampaignDataClient } | undefined;

  #syncNews: { client: CampaignDataClient; unsubscribe: () => void } | undefined;
  #reportsProvider: ContextProvider<typeof reportsClientContext>;
  #madeReports: { from: CampaignReportsAdapter | string; source: ReportsSource; client: CampaignReportsClient } | undefined;
  #linked: { data: CampaignDataClient; reports: CampaignReportsClient; unlink: () => void } | undefined;

  /** The client the provider currently shares. */
  get client(): CampaignDataClient | undefined {
    if (this.dataClient) return this.dataClient;
    const from = this.adapter ?? this.apiBase;
    if (!from) return undefined;
    if (this.#made?.from !== from) {
      const client =
        typeof from === 'string'
          ? createRestDataClient({ apiBase: from, getToken: async () => this.token ?? (await this.getToken?.()) })
          : new CampaignDataClient({ adapter: from });
      client.live = this.live;
      this.#made = { from, client };
    }
    return this.#made.client;
  }

  constructor() {
    super();
    /*
     * The campaign-side client is made when a campaign element first asks (its module is loaded by
     * then): this listener runs before the context provider's own, which then answers with it.
     */
    this.addEventListener('context-request', (event) => {
      if (event.context !== reportsClientContext) return;
      this.#reportsProvider.setValue(this.currentReportsClient);
      this.#link();
    });
    this.#reportsProvider = new ContextProvider(this, { context: reportsClientContext });
  }

  /** The campaign-side client the provider currently shares (undefined until a campaign element is loaded). */
  get currentReportsClient(): CampaignReportsClient | undefined {
    if (this.reportsClient) return this.reportsClient;
    const from = this.reportsAdapter ?? this.apiBase;
    if (!from) return undefined;
    if (this.#madeReports?.from !== from) {
      const source: ReportsSource =
        typeof from === 'string'
          ? { rest: { apiBase: from, getToken: async () => this.token ?? (await this.getToken?.()) } }
          : { adapter: from };
      const client = makeReportsClient(source);
      if (!client) return undefined;
      client.live = this.live;
      this.#madeReports = { from, source, client };
    }
    return this.#madeReports.client;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.#made && !this.dataClient) this.#made.client.live = this.live;
    if (this.#madeReports && !this.reportsClient) this.#madeReports.client.live = this.live;
    this.#provider.setValue(this.client);
    this.#reportsProvider.setValue(this.currentReportsClient);
    this.#listenToSync(this.isConnected ? this.client : undefined);
    this.#link();
  }

  /** Links the data client shared with the campaign-side one, once both exist (again when either changes). */
  #link(): void {
    const data = this.isConnected ? this.client : undefined;
    const reports = data && (this.reportsClient ?? this.#madeReports?.client);
    if (this.#linked?.data === data && this.#linked?.reports === reports) return;
    this.#linked?.unlink();
    this.#linked = data && reports ? { data, reports, unlink: reports.linkDataClient(data) } : undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#listenToSync(this.client);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#listenToSync(undefined);
    this.#link();
  }

  #listenToSync(client: CampaignDataClient | undefined): void {
    if (this.#syncNews?.client === client) return;
    this.#syncNews?.unsubscribe();
    this.#syncNews = client
      ? {
          client,
          unsubscribe: client.subscribeSync((event) => {
            // A status showing this client announces it instead: the host hears it once.
            const announced = syncNewsClaimed(client) ? undefined : syncDomEvent(client, event);
            if (announced) this.emit(announced);
          }),
        }
      : undefined;
  }

  override render(): TemplateResult {
    return html`<slot></slot>`;
  }
}
