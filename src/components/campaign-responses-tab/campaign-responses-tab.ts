import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { query, state } from 'lit/decorators.js';
import { Task, TaskStatus } from '@lit/task';
import type { RecipientCampaigns, ResponseVocabulary } from '../../model/types.js';
import type { CampaignDataClient } from '../../data/data-client.js';
import type { DataChange } from '../../data/changes.js';
import type { DeleteRequestEvent } from '../../events/delete-request.js';
import type { ResponseQueuedEvent } from '../../events/response-queued.js';
import { asOfOf } from '../../data/marks.js';
import { formatInstant } from '../../i18n/datetime.js';
import { t } from '../../i18n/translate.js';
import { CrDataElement } from '../base/cr-data-element.js';
import { renderEmpty, renderFailure, renderLoading, renderNoClient } from '../base/states.js';
import { SYNC_RETRY_ATTRIBUTE, syncMarkStyles } from '../base/sync-mark.js';
import type { AddResponseDialog } from '../add-response-dialog/add-response-dialog.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { styles } from './campaign-responses-tab.styles.js';
import { CAMPAIGN_ATTRIBUTE, EVENT_ATTRIBUTE, renderCampaignTable } from './campaign-rows.js';
import { DeleteFlow } from './delete-flow.js';

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
 * @slot empty - Shown when no campaign has been sent to the recipient.
 *
 * @csspart toolbar - The row holding Add Response.
 * @csspart add-button - Add Response.
 * @csspart table - The `<table>` of campaigns.
 * @csspart campaign - A campaign's `<tbody>` (its row and, expanded, its history).
 * @csspart row - A campaign's row.
 * @csspart campaign-title - The cell with the campaign's title and disclosure button.
 * @csspart disclosure - The button that shows or hides the campaign's history.
 * @csspart events - The list of the campaign's events.
 * @csspart event - One campaign event with its Update Status button.
 * @csspart update-button - Update Status.
 * @csspart response - The Response cell.
 * @csspart response-detail - The most recent response detail.
 * @csspart response-category - Its category.
 * @csspart delay-note - "Sent and Bounced may be reported with a delay."
 * @csspart date - The date cell.
 * @csspart history-row - The row holding `<response-history>`.
 * @csspart confirm-dialog - The Delete confirmation.
 * @csspart confirm-delete-button - Delete in the confirmation.
 * @csspart snackbar - The message after Delete, with Undo.
 * @csspart undo-button - Undo.
 * @csspart loading - The loading placeholder.
 * @csspart empty - The empty state.
 * @csspart error - The error state (also `auth`, `not-found`).
 * @csspart retry-button - Retry.
 * @csspart sync-mark - The mark of a response not yet confirmed by the server (also `sync-pending`, `sync-syncing`, `sync-failed`, `sync-conflict`).
 * @csspart sync-reason - The server's reason beside a failed or conflicted response.
 * @csspart sync-retry - Retry beside a failed or conflicted response.
 * @csspart offline-notice - "Offline edits are not available in this browser" (when offline edits were asked for and the browser refuses storage).
 * @csspart stale-notice - "Offline: showing what was last seen, as of …".
 * @csspart queued-notice - "Saved on this device…" after a save was queued.
 *
 * @cssprop --cr-campaign-responses-tab-row-gap - Space inside cells (default `var(--cr-space, 0.5rem)`).
 * @cssprop --cr-campaign-responses-tab-header-background - Background of the header row.
 * @cssprop --cr-color-border - Borders.
 * @cssprop --cr-color-accent - Add Response and other primary buttons.
 *
 * @fires {ResponseSubmitEvent} cr-response-submit - From the dialog, before saving; cancelable.
 * @fires {ResponseSavedEvent} cr-response-saved - A response line was saved.
 * @fires {RequestCloseEvent} cr-request-close - The dialog is asked to close; cancelable.
 * @fires {DeleteRequestEvent} cr-delete-request - Actions → Delete; cancelable (the tab then asks nothing).
 * @fires {ResponsesDeletedEvent} cr-responses-deleted - The backend deleted the responses (after Undo time).
 * @fires {ResponseQueuedEvent} cr-response-queued - With offline edits: a save or a Delete (after Undo time) was stored on this device, to be sent later.
 * @fires {AuthRequiredEvent} cr-auth-required - The backend answered 401/403; `retryAfter()` retries.
 */
export class CampaignResponsesTab extends CrDataElement {
  static override styles = [sharedStyles, styles, syncMarkStyles];

  @state() private expanded: ReadonlySet<string> = new Set();
  /** Whether Add Response or Update Status has been asked for yet (see #dialog). */
  @state() private dialogWanted = false;
  @query('add-response-dialog') private dialogElement!: AddResponseDialog;
  /** Set when a save was queued on this device rather than sent: said once, politely. */
  @state() private queuedNotice = false;

  /** The last data shown, kept while a reload runs so the table does not jump to a skeleton. */
  #shown: TabData | undefined;

  #deleteFlow = new DeleteFlow(this, () => this.#focusTargetAfterDelete);
  #focusTargetAfterDelete: HTMLElement | null = null;

  #load = new Task(this, {
    args: () => [this.data.client, this.recipientId, this.token] as const,
    task: async ([client, recipientId], { signal }): Promise<TabData | undefined> => {
      if (!client || !recipientId) return undefined;
      const slotSignal = this.data.view?.next('campaigns', signal);
      try {
        const [vocabulary, answer] = await Promise.all([
          client.getVocabulary({ signal: slotSignal }),
          client.getRecipientCampaigns(recipientId, { signal: slotSignal }),
        ]);
        this.#shown = { ...answer, vocabulary };
        return this.#shown;
      } catch (error) {
        this.#shown = undefined;
        return this.reportFailure(error, () => void this.#load.run());
      }
    },
  });

  /** Reloads the campaigns (e.g. after the host changed data behind the kit's back). */
  reload(): Promise<void> {
    return this.#load.run();
  }

  protected override dataChanged(_change: DataChange): void {
    void this.#load.run();
  }

  #toggle(campaignId: string): void {
    const next = new Set(this.expanded);
    if (!next.delete(campaignId)) next.add(campaignId);
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
    void this.#dialog().showUpdate(campaignId, eventId, opener);
  }

  #addResponse = (event: Event) => {
    void this.#dialog().showNew(event.currentTarget as HTMLElement);
  };

  /**
   * The dialog is rendered the first time someone asks for it, not on every mount: closed, it is
   * an element, a shadow root and a form that the table's first paint would wait for. The update
   * that adds it runs at once, so the dialog is there when the click that asked for it returns.
   */
  #dialog(): AddResponseDialog {
    if (!this.dialogWanted) {
      this.dialogWanted = true;
      this.performUpdate();
    }
    return this.dialogElement;
  }

  #onDeleteRequest = async (event: DeleteRequestEvent) => {
    // Runs after every listener (the host's included) has seen the event, so a host can cancel it.
    await Promise.resolve();
    const client = this.data.client;
    const campaign = this.#shown?.campaigns.find((c) => c.id === event.campaignId);
    if (event.defaultPrevented || !client || !campaign) return;
    void this.#deleteFlow.request(client, event.recipientId, campaign);
  };

  override render(): TemplateResult {
    const client = this.data.client;
    if (!client) return renderNoClient();
    const shown = this.#shown;
    return html`<div part="toolbar" class="toolbar">
        <button type="button" part="add-button" class="primary" ?disabled=${!shown} @click=${this.#addResponse}>
          ${t('tab.addResponse')}
        </button>
        ${this.#renderNotices(client)}
      </div>
      <div class="content" aria-busy=${this.#load.status === TaskStatus.PENDING ? 'true' : 'false'}>${this.#renderContent()}</div>
      ${this.dialogWanted
        ? html`<add-response-dialog
            .dataClient=${client}
            .campaigns=${shown?.campaigns}
            .vocabulary=${shown?.vocabulary}
            recipient-id=${this.recipientId ?? ''}
            @cr-delete-request=${this.#onDeleteRequest}
            @cr-response-queued=${this.#onQueued}
          ></add-response-dialog>`
        : nothing}
      ${this.#deleteFlow.render()}`;
  }

  #queuedTimer: ReturnType<typeof setTimeout> | undefined;

  #onQueued = (_event: ResponseQueuedEvent) => {
    this.queuedNotice = true;
    clearTimeout(this.#queuedTimer);
    this.#queuedTimer = setTimeout(() => (this.queuedNotice = false), 8000);
  };

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#queuedTimer);
  }

  /**
   * What a person must know about where their data is: only when it applies (the plain client
   * never has any, and the first paint pays one property read).
   */
  #renderNotices(client: CampaignDataClient): unknown {
    const asOf = asOfOf(this.#shown);
    const unavailable = client.offlineMode === 'unavailable';
    if (asOf === undefined && !unavailable && !this.queuedNotice) return nothing;
    return html`${unavailable ? html`<p part="offline-notice" class="notice" role="note">${t('offline.unavailable')}</p>` : nothing}
      ${asOf !== undefined
        ? html`<p part="stale-notice" class="notice" role="status">${t('offline.asOf', { when: formatInstant(new Date(asOf).toISOString()) })}</p>`
        : nothing}
      <p part="queued-notice" class="notice" role="status">${this.queuedNotice ? t('offline.queued') : nothing}</p>`;
  }

  #renderContent(): unknown {
    const shown = this.#shown;
    const client = this.data.client;
    if (shown && client) {
      if (shown.campaigns.length === 0) return renderEmpty(t('tab.empty'));
      return renderCampaignTable(
        {
          client,
          recipient: shown.recipient,
          campaigns: shown.campaigns,
          vocabulary: shown.vocabulary,
          expanded: this.expanded,
        },
        this.#onTableClick,
      );
    }
    return this.#load.render({
      initial: () => (this.recipientId ? renderLoading(4) : nothing),
      pending: () => renderLoading(4),
      error: (error) => renderFailure(error, () => void this.#load.run()),
      complete: () => nothing,
    });
  }
}
