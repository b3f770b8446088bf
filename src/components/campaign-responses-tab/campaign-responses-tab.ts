import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { RecipientCampaign } from '../../model/types.js';
import type { DataChange } from '../../data/changes.js';
import { asOfOf } from '../../data/marks.js';
import { CrDataElement } from '../base/cr-data-element.js';
import { LoadController } from '../base/load-controller.js';
import { renderEmpty, renderFailure, renderLoading, renderNoClient } from '../base/states.js';
import { syncMarkStyles } from '../base/sync-mark.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { styles } from './campaign-responses-tab.styles.js';
import { narrowStyles } from './narrow.styles.js';
import { rowContext, renderCampaignCells, renderCampaignRow, renderCampaignRowInline, renderCampaignTable, renderColumnHeaders } from './campaign-rows.js';
import type { CampaignRowContext } from './campaign-rows.js';
import { DeleteLauncher } from './delete-launcher.js';
import { loadTabData, type TabData } from './tab-data.js';
import { tableClickListener } from './table-click.js';
import { SavedNotice } from './saved-notice.js';
import { TabPreloader } from './preload.js';
import { CampaignExpansion } from './expansion.js';
import { DialogOpener } from './dialog-opener.js';
import { renderToolbar } from './toolbar.js';
import { registerEnglish } from '../../i18n/translate.js';
import { enTab } from '../../i18n/en/tab.js';

/**
 * @tagname campaign-responses-tab
 * @summary The Campaigns subtab of a recipient's record: the campaigns sent to the recipient, the
 * most recent response to each, Add Response, Update Status per campaign event, the history of each
 * campaign, and Delete (Update Status → Actions → Delete) with Undo.
 *
 * Works alone with `api-base` (and `token` or `getToken`), or with a `dataClient`, a
 * `<campaign-data-provider>` around it, or `configureCampaignKit()`.
 *
 * Render pieces a subclass may override (to add a column, say): `renderColumns()`, `renderRow()`,
 * `renderCells()`.
 *
 * @slot empty - Shown when no campaign has been sent to the recipient.
 * @slot actions - Host buttons in the toolbar, after Add Response.
 *
 * @csspart toolbar - The row holding Add Response, the host's actions and the notices.
 * @csspart add-button - Add Response.
 * @csspart read-only-reason - Why Add Response is disabled, beside it: the person may only read, or the backend takes no new responses.
 * @csspart table - The `<table>` of campaigns.
 * @csspart head - The table's `<thead>`.
 * @csspart column-header - A column's header cell.
 * @csspart campaign - A campaign's `<tbody>` (its row and, expanded, its history).
 * @csspart row - A campaign's row.
 * @csspart campaign-title - The cell with the campaign's title and disclosure button.
 * @csspart disclosure - The button that shows or hides the campaign's history.
 * @csspart events-cell - The cell of the campaign's events.
 * @csspart events - The list of the campaign's events.
 * @csspart event - One campaign event with its Update Status button.
 * @csspart update-button - Update Status.
 * @csspart response - The Response cell.
 * @csspart response-detail - The most recent response detail.
 * @csspart response-category - Its category (left out when it reads the same as the detail).
 * @csspart delay-note - "Sent and Bounced may be reported with a delay."
 * @csspart date - The date cell.
 * @csspart history-row - The row holding `<response-history>` (its parts are exported as `history__*`).
 * @csspart confirm-dialog - The Delete confirmation.
 * @csspart confirm-cancel-button - Cancel in the confirmation.
 * @csspart confirm-delete-button - Delete in the confirmation.
 * @csspart confirm-note - In the confirmation, what this backend's Delete removes beyond the responses (the person's membership of the campaign).
 * @csspart snackbar - The message after Delete, with Undo.
 * @csspart undo-button - Undo.
 * @csspart restore-button - Restore, once a Delete was sent: brings back all it deleted.
 * @csspart kept-note - After a Delete was sent: how many lines added since the person looked were kept.
 * @csspart loading - The loading placeholder.
 * @csspart empty - The empty state.
 * @csspart error - The error state (also `auth`, `not-found`).
 * @csspart auth - The error is a missing permission.
 * @csspart not-found - The recipient was not found.
 * @csspart retry-button - Retry.
 * @csspart sync-mark - The mark of a response not yet confirmed by the server (also one of the four below).
 * @csspart sync-pending - A mark: waiting to be sent.
 * @csspart sync-syncing - A mark: being sent.
 * @csspart sync-failed - A mark: the server refused it.
 * @csspart sync-conflict - A mark: the server holds another version.
 * @csspart sync-reason - The server's reason beside a failed or conflicted response.
 * @csspart sync-retry - Retry beside a failed or conflicted response.
 * @csspart offline-notice - "Offline edits are not available in this browser" (when offline edits were asked for and the browser refuses storage).
 * @csspart stale-notice - "Offline: showing what was last seen, as of …".
 * @csspart queued-notice - After a save: "Saved" once the server has it, "Saved on this device…" while it waits for the connection.
 * @exportparts-doc dialog add-response-dialog The dialog's
 * @exportparts-doc history response-history An expanded history's
 *
 * @cssprop [--cr-campaign-responses-tab-row-gap=var(--cr-space-m)] - Space inside cells.
 * @cssprop [--cr-campaign-responses-tab-header-background=var(--cr-color-surface-alt)] - Background of the header row.
 * @cssprop [--cr-campaign-responses-tab-row-border-color=var(--cr-color-border)] - The rule under each row.
 * @cssprop [--cr-campaign-responses-tab-title-font-weight=var(--cr-font-weight-strong)] - Weight of the campaign titles.
 * @cssprop [--cr-campaign-responses-tab-columns=minmax(8rem, 2.5fr) minmax(12rem, 4.5fr) minmax(8rem, 2.5fr) minmax(8rem, 2fr)] - The four columns' tracks (a `grid-template-columns` value). In a container narrower than 36rem each campaign is laid out as a block instead, its fields one under another, each labelled with its column's name; a table wider than its container (a subclass's columns) scrolls sideways.
 * @cssprop [--cr-campaign-responses-tab-extra-column=minmax(6rem, 2fr)] - The track of each column a subclass adds.
 * @cssprop-globals The kit's global tokens, documented once in scripts/manifest-shared-docs.mjs.
 *
 * @fires {ResponseSubmitEvent} cr-response-submit - From the dialog, before saving; cancelable.
 * @fires {ResponseSavedEvent} cr-response-saved - From the dialog: the backend stored a response line (without offline edits; with them, `<campaign-sync-status>` fires it on delivery).
 * @fires {RequestCloseEvent} cr-request-close - The dialog is asked to close; cancelable.
 * @fires {DeleteRequestEvent} cr-delete-request - Actions → Delete; cancelable (the tab then asks nothing).
 * @fires {ResponsesDeletedEvent} cr-responses-deleted - The backend deleted the responses (after Undo time).
 * @fires {ResponseQueuedEvent} cr-response-queued - With offline edits: a save or a Delete (after Undo time) was stored on this device, to be sent later.
 * @fires {AuthRequiredEvent} cr-auth-required - The backend answered 401/403; `retryAfter()` retries.
 */
export class CampaignResponsesTab extends CrDataElement {
  static {
    // The element's own English strings (the rest of the table stays out of its bundle).
    registerEnglish(enTab);
  }

  static override styles = [sharedStyles, styles, narrowStyles, syncMarkStyles];

  /**
   * How long, in ms, a Delete waits for Undo before it is sent; unset: the data client's
   * `undoDelayMs` (5000 by default). The time stands still while a person is at the notice (focus
   * on Undo, or the pointer over it), so anyone can take longer (WCAG 2.2.1, Timing Adjustable).
   */
  @property({ type: Number, attribute: 'undo-delay-ms' }) undoDelayMs: number | undefined;

  /** The last data shown, kept while a reload runs so the table does not jump to a skeleton. */
  get #shown(): TabData | undefined {
    return this.#load.value;
  }

  #delete = new DeleteLauncher(this, {
    localizer: () => this.localizer,
    undoDelayMs: () => this.undoDelayMs,
    client: () => this.data.client,
    campaigns: () => this.#shown?.campaigns,
  });
  /** Add Response and Update Status open the dialog, rendered the first time one is asked for. */
  #dialog = new DialogOpener(this, () => this.performUpdate());
  #expansion = new CampaignExpansion(this);

  #load = new LoadController(this, {
    args: () => [this.data.client, this.recipientId, this.token] as const,
    load: async ([client, recipientId], signal) => (client && recipientId ? loadTabData(client, recipientId, signal) : undefined),
    failed: (error, retry) => this.announceFailure(error, retry),
  });
  #savedNotice = new SavedNotice(this);

  constructor() {
    super();
    // The dialog and the history load on demand; this warms them (idle time, hover, focus).
    new TabPreloader(this, () => this.#shown !== undefined);
  }

  /** Reloads the campaigns (e.g. after the host changed data behind the kit's back). */
  reload(): Promise<void> {
    return this.#load.run();
  }

  protected override dataChanged(_change: DataChange): void {
    void this.#load.run();
  }

  #onTableClick = tableClickListener({
    retry: (opId) => void this.data.client?.retryEdit(opId).catch(() => void this.#load.run()),
    update: (campaignId, eventId, button) => {
      this.#delete.preload(button);
      this.#dialog.showUpdate(campaignId, eventId, button);
    },
    toggle: (campaignId) => this.#expansion.toggle(campaignId),
  });

  override render(): TemplateResult {
    const client = this.data.client;
    if (!client) return renderNoClient(this.localizer, 'dataClient', this.data.waiting);
    const shown = this.#shown;
    return html`${renderToolbar({ l: this.localizer, client, loaded: shown !== undefined, asOf: asOfOf(shown), saved: this.#savedNotice.state, onAdd: this.#dialog.onAdd })}
      <div class="content" aria-busy=${this.#load.pending ? 'true' : 'false'}>${this.#renderContent()}</div>
      ${this.#dialog.render({
        client,
        campaigns: shown?.campaigns,
        vocabulary: shown?.vocabulary,
        recipientId: this.recipientId,
        onDeleteRequest: this.#delete.onRequest,
        onQueued: (event) => this.#savedNotice.queued(client, event.opId),
      })}
      ${this.#delete.render()}`;
  }

  /**
   * The header cells, one per column. A subclass adds a column by adding a `<th scope="col">` here
   * and a `<td role="cell">` in `renderCells()` (the roles keep the table's semantics in browsers that
   * drop them for a table laid out as a grid; the column gets the `--cr-campaign-responses-tab-extra-column` track):
   * `return html\`${super.renderColumns()}<th scope="col" role="columnheader">Owner</th>\`;`
   */
  protected renderColumns(): TemplateResult {
    return renderColumnHeaders(this.localizer);
  }

  /**
   * A campaign's `<tbody part="campaign">`: its `<tr part="row">` of `renderCells()` and, when
   * expanded, the row holding its `<response-history>`. Keep `data-campaign` on the `<tbody>`: the
   * table's click listener finds the campaign from it.
   */
  protected renderRow(campaign: RecipientCampaign, row: CampaignRowContext): TemplateResult {
    return this.#ownCells ? renderCampaignRowInline(campaign, row) : renderCampaignRow(campaign, row, this.renderCells(campaign, row));
  }

  /** Whether `renderCells()` is the tab's own: then its cells go straight into the row's template. */
  #ownCells = this.renderCells === CampaignResponsesTab.prototype.renderCells;

  /**
   * The cells of a campaign's row: title with its disclosure button, events with Update Status,
   * latest response, its date. `row` holds what every row shares (labels, the vocabulary, which
   * campaigns are expanded). A subclass appends its own cells after `super.renderCells()`.
   */
  protected renderCells(campaign: RecipientCampaign, row: CampaignRowContext): TemplateResult {
    return renderCampaignCells(campaign, row);
  }

  /** The table's columns as last rendered (a subclass may add some), for the history row's span. */
  #columnCount(): number {
    return this.renderRoot?.querySelector?.('thead tr')?.children.length || 4;
  }

  #renderContent(): unknown {
    const shown = this.#shown;
    const client = this.data.client;
    if (shown && client) {
      if (shown.campaigns.length === 0) return renderEmpty(this.t('tab.empty'));
      const row = rowContext(
        { l: this.localizer, client, recipient: shown.recipient, campaigns: shown.campaigns, vocabulary: shown.vocabulary, expanded: this.#expansion.expanded, undoDelayMs: this.undoDelayMs },
        this.#columnCount(),
      );
      return renderCampaignTable(row, this.renderColumns(), (campaign) => this.renderRow(campaign, row), this.#onTableClick);
    }
    return this.#load.render({
      initial: () => (this.recipientId ? renderLoading(this.localizer, 4) : nothing),
      pending: () => renderLoading(this.localizer, 4),
      error: (error) => renderFailure(this.localizer, error, () => void this.#load.run()),
      complete: () => nothing,
    });
  }
}
