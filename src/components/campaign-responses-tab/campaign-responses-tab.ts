import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { RecipientCampaign, RecipientCampaigns, ResponseVocabulary } from '../../model/types.js';
import type { DataChange } from '../../data/changes.js';
import type { DeleteRequestEvent } from '../../events/delete-request.js';
import type { ResponseQueuedEvent } from '../../events/response-queued.js';
import { asOfOf } from '../../data/marks.js';
import { CrDataElement } from '../base/cr-data-element.js';
import { LoadController } from '../base/load-controller.js';
import { renderEmpty, renderFailure, renderLoading, renderNoClient } from '../base/states.js';
import { SYNC_RETRY_ATTRIBUTE, syncMarkStyles } from '../base/sync-mark.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { styles } from './campaign-responses-tab.styles.js';
import { narrowStyles } from './narrow.styles.js';
import {
  CAMPAIGN_ATTRIBUTE,
  EVENT_ATTRIBUTE,
  renderCampaignCells,
  renderCampaignRow,
  renderCampaignRowInline,
  renderCampaignTable,
  renderColumnHeaders,
  rowContext,
} from './campaign-rows.js';
import type { CampaignRowContext } from './campaign-rows.js';
import type { DeleteFlow } from './delete-flow.js';
import { SavedNotice } from './saved-notice.js';
import { preloadElements } from '../base/lazy-elements.js';
import { HISTORY_TAG, TabPreloader } from './preload.js';
import { DialogOpener } from './dialog-opener.js';
import { renderToolbar } from './toolbar.js';
import { registerEnglish } from '../../i18n/translate.js';
import { enTab } from '../../i18n/en/tab.js';

// Nothing before the first Delete needs it: a chunk of its own in a bundler, out of the first paint.
const loadDeleteFlow = () => import('./delete-flow.js');

type TabData = RecipientCampaigns & { vocabulary: ResponseVocabulary };

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
 * @csspart dialog__dialog - The dialog's `dialog`: The native `<dialog>`.
 * @csspart dialog__form - The dialog's `form`: The `<form>`.
 * @csspart dialog__header - The dialog's `header`: Title bar with the close button.
 * @csspart dialog__title - The dialog's `title`: The dialog's heading.
 * @csspart dialog__close-button - The dialog's `close-button`: The × button.
 * @csspart dialog__body - The dialog's `body`: The fields' area.
 * @csspart dialog__form-error - The dialog's `form-error`: The announced message above the fields (save failed, correct the fields).
 * @csspart dialog__field - The dialog's `field`: A label with its control, hint and error.
 * @csspart dialog__label - The dialog's `label`: A field's `<label>`.
 * @csspart dialog__control - The dialog's `control`: A field's `<select>`, `<input>` or `<textarea>`.
 * @csspart dialog__field-error - The dialog's `field-error`: A field's error message.
 * @csspart dialog__time-zone - The dialog's `time-zone`: The time zone the date and time are entered in.
 * @csspart dialog__note-count - The dialog's `note-count`: The note's character count.
 * @csspart dialog__target - The dialog's `target`: In Update Status: the campaign and event being updated.
 * @csspart dialog__footer - The dialog's `footer`: The buttons row (also `discard` while asking).
 * @csspart dialog__save-button - The dialog's `save-button`: Save / Save New Response.
 * @csspart dialog__cancel-button - The dialog's `cancel-button`: Cancel.
 * @csspart dialog__menu-button - The dialog's `menu-button`: The Actions menu button (Update Status).
 * @csspart dialog__menu - The dialog's `menu`: The Actions menu.
 * @csspart dialog__menu-item - The dialog's `menu-item`: An item of the Actions menu.
 * @csspart dialog__discard - The dialog's `discard`: The footer while it asks "discard the response you started?".
 * @csspart dialog__discard-question - The dialog's `discard-question`: The question.
 * @csspart dialog__discard-confirm-button - The dialog's `discard-confirm-button`: Discard.
 * @csspart dialog__discard-keep-button - The dialog's `discard-keep-button`: Keep editing.
 * @csspart dialog__loading - The dialog's `loading`: The loading placeholder (campaigns and vocabulary not given and not yet loaded).
 * @csspart dialog__error - The dialog's `error`: Their loading failed (also `auth` or `not-found`).
 * @csspart dialog__auth - The dialog's `auth`: The failure is a missing permission.
 * @csspart dialog__not-found - The dialog's `not-found`: The recipient was not found.
 * @csspart dialog__retry-button - The dialog's `retry-button`: Retry.
 * @csspart history__filters - An expanded history's `filters`: The filter bar.
 * @csspart history__category-filter - An expanded history's `category-filter`: The response category select.
 * @csspart history__note-filter - An expanded history's `note-filter`: The note text input.
 * @csspart history__zone-toggle - An expanded history's `zone-toggle`: The "recipient's time zone" checkbox label.
 * @csspart history__count - An expanded history's `count`: How many lines are shown of how many.
 * @csspart history__history-note - An expanded history's `history-note`: What the backend does not keep ("only the latest status"), above the list.
 * @csspart history__list - An expanded history's `list`: The scrolling list of lines.
 * @csspart history__line - An expanded history's `line`: One line.
 * @csspart history__line-head - An expanded history's `line-head`: Its first row: detail, category, time and sync mark.
 * @csspart history__line-detail - An expanded history's `line-detail`: Its response detail.
 * @csspart history__line-category - An expanded history's `line-category`: Its category (left out where it reads the same as the detail).
 * @csspart history__line-time - An expanded history's `line-time`: When it happened.
 * @csspart history__line-campaign - An expanded history's `line-campaign`: Its campaign event, after its campaign where the history is not of one (without `campaign-id`).
 * @csspart history__line-meta - An expanded history's `line-meta`: When recorded, author, source.
 * @csspart history__line-source - An expanded history's `line-source`: Manual, tracked or imported.
 * @csspart history__line-link - An expanded history's `line-link`: The link clicked (tracked clicks).
 * @csspart history__line-note - An expanded history's `line-note`: The note.
 * @csspart history__loading-more - An expanded history's `loading-more`: "Loading more…" while the next page loads.
 * @csspart history__loading - An expanded history's `loading`: The loading placeholder.
 * @csspart history__empty - An expanded history's `empty`: The empty state (or no line matches the filters).
 * @csspart history__error - An expanded history's `error`: The error state (also `auth`, `not-found`).
 * @csspart history__auth - An expanded history's `auth`: The error is a missing permission.
 * @csspart history__not-found - An expanded history's `not-found`: The recipient was not found.
 * @csspart history__retry-button - An expanded history's `retry-button`: Retry.
 * @csspart history__sync-mark - An expanded history's `sync-mark`: The mark of a line not yet confirmed by the server (also one of the four below).
 * @csspart history__sync-pending - An expanded history's `sync-pending`: A mark: waiting to be sent.
 * @csspart history__sync-syncing - An expanded history's `sync-syncing`: A mark: being sent.
 * @csspart history__sync-failed - An expanded history's `sync-failed`: A mark: the server refused it.
 * @csspart history__sync-conflict - An expanded history's `sync-conflict`: A mark: the server holds another version.
 * @csspart history__sync-reason - An expanded history's `sync-reason`: The server's reason beside a failed or conflicted line.
 * @csspart history__sync-retry - An expanded history's `sync-retry`: Retry beside a failed or conflicted line.
 * @csspart history__stale-notice - An expanded history's `stale-notice`: "Offline: showing what was last seen, as of …", or that only the edits on this device are shown.
 * @csspart history__line-actions - An expanded history's `line-actions`: A line's actions: its menu, Restore of a deleted line, Changes.
 * @csspart history__menu-button - An expanded history's `menu-button`: A line's Actions menu button (Delete).
 * @csspart history__menu - An expanded history's `menu`: A line's Actions menu.
 * @csspart history__menu-item - An expanded history's `menu-item`: An item of that menu.
 * @csspart history__line-deleted - An expanded history's `line-deleted`: On a deleted line (shown to people who may restore): who deleted it, when.
 * @csspart history__line-restore - An expanded history's `line-restore`: Restore on a deleted line.
 * @csspart history__line-changes-button - An expanded history's `line-changes-button`: Changes: opens a line's changes from the audit trail (administrators).
 * @csspart history__line-changes - An expanded history's `line-changes`: A line's changes, newest first.
 * @csspart history__line-change - An expanded history's `line-change`: One change: who added, deleted or restored the line, when.
 * @csspart history__line-notice - An expanded history's `line-notice`: The notice after a line's Delete: Undo while it waits, Restore once sent.
 * @csspart history__notice-undo - An expanded history's `notice-undo`: Undo in that notice.
 * @csspart history__notice-restore - An expanded history's `notice-restore`: Restore in that notice, once the delete was sent.
 * @csspart history__notice-close - An expanded history's `notice-close`: Close in that notice.
 *
 * @cssprop [--cr-campaign-responses-tab-row-gap=var(--cr-space-m)] - Space inside cells.
 * @cssprop [--cr-campaign-responses-tab-header-background=var(--cr-color-surface-alt)] - Background of the header row.
 * @cssprop [--cr-campaign-responses-tab-row-border-color=var(--cr-color-border)] - The rule under each row.
 * @cssprop [--cr-campaign-responses-tab-title-font-weight=var(--cr-font-weight-strong)] - Weight of the campaign titles.
 * @cssprop [--cr-campaign-responses-tab-columns=minmax(8rem, 2.5fr) minmax(12rem, 4.5fr) minmax(8rem, 2.5fr) minmax(8rem, 2fr)] - The four columns' tracks (a `grid-template-columns` value). In a container narrower than 36rem each campaign is laid out as a block instead, its fields one under another, each labelled with its column's name; a table wider than its container (a subclass's columns) scrolls sideways.
 * @cssprop [--cr-campaign-responses-tab-extra-column=minmax(6rem, 2fr)] - The track of each column a subclass adds.
 * @cssprop [--cr-color-surface=#fff] - Global: background of the element, fields and buttons.
 * @cssprop [--cr-color-surface-alt=#f3f4f6] - Global: header rows, skeleton, hovered items.
 * @cssprop [--cr-color-text=#1b1b1b] - Global: text.
 * @cssprop [--cr-color-text-muted=#4a4a4a] - Global: secondary text (at least 4.5:1 on the surfaces).
 * @cssprop [--cr-color-border=#c4c7cc] - Global: dividing lines and frames.
 * @cssprop [--cr-color-border-control=#767b84] - Global: borders of buttons and form controls (at least 3:1).
 * @cssprop [--cr-color-accent=#0b5cad] - Global: primary buttons, links, the first chart series.
 * @cssprop [--cr-color-on-accent=#fff] - Global: text on the accent.
 * @cssprop [--cr-color-danger=#a4001d] - Global: errors, failed edits, destructive buttons.
 * @cssprop [--cr-color-on-danger=#fff] - Global: text on the danger colour.
 * @cssprop [--cr-color-success=#2e7d32] - Global: status colour for good news (online, a chart series).
 * @cssprop [--cr-color-warning=#8a4b00] - Global: status colour for caution (offline, conflicts, a chart series).
 * @cssprop [--cr-color-focus=#1a5fd0] - Global: the focus ring.
 * @cssprop [--cr-color-inverse-surface=#1f1f1f] - Global: background of snackbars.
 * @cssprop [--cr-color-on-inverse=#fff] - Global: text on the inverse surface.
 * @cssprop [--cr-color-backdrop=rgb(0 0 0 / 0.4)] - Global: behind modal dialogs.
 * @cssprop [--cr-shadow-raised=0 2px 8px rgb(0 0 0 / 0.2)] - Global: shadow of menus and snackbars.
 * @cssprop [--cr-font-family=inherit] - Global: the font (the page's by default).
 * @cssprop [--cr-font-size-s=0.875em] - Global: small text (notes, hints, marks).
 * @cssprop [--cr-font-size-heading=1.15rem] - Global: section and dialog headings.
 * @cssprop [--cr-font-size-title=1.25rem] - Global: an element's title.
 * @cssprop [--cr-font-weight-strong=600] - Global: emphasised text (labels, titles, totals).
 * @cssprop [--cr-space=0.5rem] - Global: the base unit of space; the steps below follow it.
 * @cssprop [--cr-space-xs=calc(var(--cr-space) * 0.25)] - Global: the smallest gap.
 * @cssprop [--cr-space-s=calc(var(--cr-space) * 0.5)] - Global: small gaps, block padding of buttons.
 * @cssprop [--cr-space-m=var(--cr-space)] - Global: the usual gap and padding.
 * @cssprop [--cr-space-l=calc(var(--cr-space) * 2)] - Global: space between sections.
 * @cssprop [--cr-radius-s=2px] - Global: small corners (legend swatches).
 * @cssprop [--cr-radius-m=4px] - Global: corners of buttons, fields, frames.
 * @cssprop [--cr-radius-round=999px] - Global: round buttons.
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

  @state() private expanded: ReadonlySet<string> = new Set();

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

  /** The Delete flow (confirmation, Undo, Restore): loaded with Update Status, the dialog it starts from. */
  #deleteFlow: DeleteFlow | undefined;
  #focusTargetAfterDelete: HTMLElement | null = null;
  /** Add Response and Update Status open the dialog, rendered the first time one is asked for. */
  #dialog = new DialogOpener(this, () => this.performUpdate());

  #load = new LoadController(this, {
    args: () => [this.data.client, this.recipientId, this.token] as const,
    load: async ([client, recipientId], signal): Promise<TabData | undefined> => {
      if (!client || !recipientId) return undefined;
      const [vocabulary, answer] = await Promise.all([
        client.getVocabulary({ signal }),
        client.getRecipientCampaigns(recipientId, { signal }),
        // Who may add a response: asked once per client, beside the first load.
        client.permissions.load({ signal }),
      ]);
      return { ...answer, vocabulary };
    },
    failed: (error, retry) => this.announceFailure(error, retry),
  });

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

  #toggle(campaignId: string): void {
    const next = new Set(this.expanded);
    if (!next.delete(campaignId)) {
      next.add(campaignId);
      // The history element upgrades in place when its module arrives (at once on a warm page).
      preloadElements(HISTORY_TAG);
    }
    this.expanded = next;
  }

  /** The table's one click listener: a disclosure button or an Update Status button, by its data. */
  #onTableClick = (event: Event) => {
    const button = (event.target as Element).closest('button');
    const campaignId = button?.closest('tbody')?.getAttribute(CAMPAIGN_ATTRIBUTE);
    if (!button || !campaignId) return;
    const retryOp = button.getAttribute(SYNC_RETRY_ATTRIBUTE);
    if (retryOp) {
      void this.data.client?.retryEdit(retryOp).catch(() => void this.#load.run());
      return;
    }
    const eventId = button.getAttribute(EVENT_ATTRIBUTE);
    if (eventId) this.#updateStatus(campaignId, eventId, button);
    else if (button.classList.contains('disclosure')) this.#toggle(campaignId);
  };

  #updateStatus(campaignId: string, eventId: string, opener: HTMLElement): void {
    this.#focusTargetAfterDelete = opener;
    loadDeleteFlow().catch(() => undefined);
    this.#dialog.open((dialog) => void dialog.showUpdate(campaignId, eventId, opener));
  }

  #addResponse = (event: Event) => {
    const opener = event.currentTarget as HTMLElement;
    this.#dialog.open((dialog) => void dialog.showNew(opener));
  };

  #onDeleteRequest = async (event: DeleteRequestEvent) => {
    // Runs after every listener (the host's included) has seen the event, so a host can cancel it.
    await Promise.resolve();
    const client = this.data.client;
    const campaign = this.#shown?.campaigns.find((c) => c.id === event.campaignId);
    if (event.defaultPrevented || !client || !campaign) return;
    const { DeleteFlow } = await loadDeleteFlow();
    this.#deleteFlow ??= new DeleteFlow(
      this,
      () => this.#focusTargetAfterDelete,
      () => this.localizer,
      () => (this.undoDelayMs !== undefined && Number.isFinite(this.undoDelayMs) && this.undoDelayMs >= 0 ? this.undoDelayMs : undefined),
    );
    void this.#deleteFlow.request(client, event.recipientId, campaign);
  };

  override render(): TemplateResult {
    const client = this.data.client;
    if (!client) return renderNoClient(this.localizer);
    const shown = this.#shown;
    return html`${renderToolbar({ l: this.localizer, client, loaded: shown !== undefined, asOf: asOfOf(shown), saved: this.#savedNotice.state, onAdd: this.#addResponse })}
      <div class="content" aria-busy=${this.#load.pending ? 'true' : 'false'}>${this.#renderContent()}</div>
      ${this.#dialog.render({
        client,
        campaigns: shown?.campaigns,
        vocabulary: shown?.vocabulary,
        recipientId: this.recipientId,
        onDeleteRequest: this.#onDeleteRequest,
        onQueued: this.#onQueued,
      })}
      ${this.#deleteFlow?.render() ?? nothing}`;
  }

  #savedNotice = new SavedNotice(this);

  #onQueued = (event: ResponseQueuedEvent) => {
    const client = this.data.client;
    if (client) this.#savedNotice.queued(client, event.opId);
  };

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
        { l: this.localizer, client, recipient: shown.recipient, campaigns: shown.campaigns, vocabulary: shown.vocabulary, expanded: this.expanded, undoDelayMs: this.undoDelayMs },
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
