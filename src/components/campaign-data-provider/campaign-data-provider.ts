import { css, html } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { ContextProvider } from '@lit/context';
import type { CampaignResponseAdapter } from '../../adapter/types.js';
import { dataClientContext } from '../../data/context.js';
import { createRestDataClient } from '../../data/configure.js';
import { CampaignDataClient } from '../../data/data-client.js';
import { CrElement } from '../base/cr-element.js';

/**
 * @tagname campaign-data-provider
 * @summary Gives one data client to every kit element inside it: from `api-base` (with `token` or
 * `getToken`), from an `adapter`, or a `dataClient` made elsewhere.
 *
 * @slot - The kit's elements (anywhere below, also inside other shadow roots).
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

  #provider = new ContextProvider(this, { context: dataClientContext });
  #made: { from: CampaignResponseAdapter | string; client: CampaignDataClient } | undefined;

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
      this.#made = { from, client };
    }
    return this.#made.client;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.#provider.setValue(this.client);
  }

  override render(): TemplateResult {
    return html`<slot></slot>`;
  }
}
