import { html, nothing } from 'lit';
import { registerEnglish } from '../../i18n/translate.js';
import { enBulk } from '../../i18n/en/bulk.js';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Campaign, Recipient, ResponseVocabulary } from '../../model/types.js';
import { zonedLocalToInstant } from '../../i18n/datetime.js';
import { BulkSavedEvent } from '../../events/bulk-saved.js';
import { CrDataElement } from '../base/cr-data-element.js';
import { errorMessage, renderFailure, renderNoClient } from '../base/states.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { styles } from './bulk-response-entry.styles.js';
import { BulkFlow } from './bulk-flow.js';
import { renderScope } from './scope-fields.js';
import { renderRecipients } from './recipients-input.js';
import { announcement } from './outcome.js';
import { BulkInput } from './bulk-input.js';
import { renderAfterCheck } from './after-check.js';

/**
 * @tagname bulk-response-entry
 * @summary Records one response for many recipients at once (a booth, a call list): a pasted list
 * of emails, ids or names, or a CSV file (Excel's too), matched to recipients, duplicates left out,
 * saved through the data client (queued on this device when offline) with progress, Cancel, a
 * summary, Retry failed, and Undo where the backend restores.
 *
 * The campaign comes from the host (`campaign`); recipients are looked up through the data client,
 * or matched against `recipients` when the host has a list (names, and offline).
 *
 * @csspart title - The heading.
 * @csspart status - The live region: progress, the preview's counts, the summary.
 * @csspart scope - The fieldset of what applies to every line.
 * @csspart recipients - The fieldset of the list (paste or file).
 * @csspart legend - A fieldset's legend.
 * @csspart field - A label with its control.
 * @csspart label - A field's label.
 * @csspart control - A select, input or textarea.
 * @csspart event-select - The campaign event.
 * @csspart detail-select - The response detail.
 * @csspart paste - The pasted list.
 * @csspart file - The CSV file input.
 * @csspart column-select - Which column of the file holds the recipients.
 * @csspart hint - A field's hint (time zone, rows read).
 * @csspart field-error - Why a file could not be read.
 * @csspart message - What is missing before the list can be checked.
 * @csspart check-button - Check the list.
 * @csspart progress - The progress bar, its label and Cancel.
 * @csspart progress-label - The words beside the bar.
 * @csspart progress-bar - The native progress bar.
 * @csspart cancel-button - Cancel (the check, or the save).
 * @csspart preview - The preview section.
 * @csspart preview-title - Its heading.
 * @csspart counts - Found, not found, ambiguous, duplicates, to be saved.
 * @csspart include-unchecked-button - Keep every row not checked (offline): shown while some are left out.
 * @csspart list - The scrolling (virtualized) list of rows.
 * @csspart row - One row.
 * @csspart row-include - Its checkbox: saved or left out.
 * @csspart row-key - What the person wrote.
 * @csspart row-recipient - The recipient found.
 * @csspart row-status - Not found, or ambiguous (also `row-not-found`, `row-ambiguous`).
 * @csspart row-not-found - Not found.
 * @csspart row-ambiguous - Ambiguous: its choices follow.
 * @csspart choice - The select of an ambiguous row's choices.
 * @csspart row-reason - Why a row is a duplicate (also `reason-repeated`, `reason-existing`, `reason-unchecked`).
 * @csspart reason-repeated - Twice in the list.
 * @csspart reason-existing - Already has this response on this event.
 * @csspart reason-unchecked - Not checked (offline).
 * @csspart actions - A row of buttons.
 * @csspart back-button - Back to the list.
 * @csspart save-button - Save the included rows.
 * @csspart summary - The outcome of the save.
 * @csspart failed-list - The failed lines with the server's reason.
 * @csspart failed-line - One failed line.
 * @csspart retry-button - Retry failed (also the error state's Retry).
 * @csspart send-rest-button - Send the lines not sent after Cancel.
 * @csspart undo-button - Undo the whole batch (where the backend restores).
 * @csspart undo-message - The batch was undone, or could not be.
 * @csspart new-button - Start a new list.
 * @csspart error - No campaign, no data source, or a failed check (also `auth`, `not-found`).
 * @csspart auth - The check failed for a missing permission.
 * @csspart not-found - The check failed: something was not found.
 * @csspart read-only - The person may not add responses.
 *
 * @cssprop [--cr-bulk-response-entry-list-height=20rem] - Height of the preview's scrolling list.
 * @cssprop [--cr-bulk-response-entry-row-padding=var(--cr-space-s) var(--cr-space-m)] - Space inside a preview row.
 * @cssprop [--cr-bulk-response-entry-left-out-color=var(--cr-color-text-muted)] - The text of a row left out.
 *
 * @fires {BulkSavedEvent} cr-bulk-saved - A save or Retry ended: each line's outcome, and how many duplicates were skipped.
 * @fires {AuthRequiredEvent} cr-auth-required - The backend answered 401/403; `retryAfter()` retries.
 */
export class BulkResponseEntry extends CrDataElement {
  static {
    // The element's own English strings (the rest of the table stays out of its bundle).
    registerEnglish(enBulk);
  }

  static override styles = [sharedStyles, styles];

  /** The campaign whose event gets the responses (with its events). */
  @property({ attribute: false }) campaign: Campaign | undefined;

  /** The event chosen at first, e.g. the trade show's. */
  @property({ attribute: 'event-id' }) eventId: string | undefined;

  /** Recipients the host already has: matched first (names too, and offline), before asking the backend. */
  @property({ attribute: false }) recipients: Recipient[] | undefined;

  /** The response vocabulary; loaded through the client when not given. */
  @property({ attribute: false }) vocabulary: ResponseVocabulary | undefined;

  @state() private message: string | undefined;
  @state() private undoMessage: string | undefined;

  protected readonly flow = new BulkFlow(this);
  #input = new BulkInput(this);
  #vocabularyAsked = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.#input.fillDefaults(changed.has('eventId') ? this.eventId : undefined, this.localizer.timeZone);
    const client = this.data.client;
    if (client && !this.vocabulary && !this.#vocabularyAsked) {
      this.#vocabularyAsked = true;
      client.getVocabulary().then((vocabulary) => (this.vocabulary = vocabulary), () => (this.#vocabularyAsked = false));
    }
  }

  #check = async (event?: Event) => {
    event?.preventDefault();
    const client = this.data.client;
    const { eventId, detailId } = this.#input.scope;
    if (!client || !this.campaign || !eventId || !detailId || !this.#input.anyRows) {
      this.message = this.t('bulk.missing');
      return;
    }
    this.message = undefined;
    await this.updateComplete;
    this.#focus('[part~="cancel-button"]');
    await this.flow.check(client, (signal) => this.#input.rows(signal), { campaignId: this.campaign.id, eventId, detailId }, this.recipients);
    this.#focus(this.flow.phase === 'preview' ? '#bulk-preview-title' : '[part~="check-button"]');
  };

  #save = async () => {
    const client = this.data.client;
    const respondedAt = zonedLocalToInstant(this.#input.scope.respondedAtLocal, this.localizer.timeZone);
    if (!client || !this.campaign || !respondedAt) return;
    const { eventId, detailId, note } = this.#input.scope;
    this.undoMessage = undefined;
    this.#afterSave(this.flow.save(client, { campaignId: this.campaign.id, eventId, detailId, respondedAt, note }));
  };

  #retry = (which: 'failed' | 'cancelled') => {
    const client = this.data.client;
    if (client) this.#afterSave(this.flow.retry(client, which));
  };

  async #afterSave(saving: Promise<void>): Promise<void> {
    await this.updateComplete;
    this.#focus('[part~="cancel-button"]');
    await saving;
    this.emit(new BulkSavedEvent(this.flow.outcomes, this.flow.skipped));
    this.#focus('[part~="summary"] button');
  }

  #undo = async () => {
    try {
      await this.flow.undo();
      this.undoMessage = this.t('bulk.undone');
    } catch (error) {
      this.undoMessage = this.t('bulk.undoFailed', { message: errorMessage(error, this.localizer) });
    }
    this.#focus('[part~="new-button"]');
  };

  #newList = () => {
    this.#input.clearList();
    this.undoMessage = undefined;
    this.flow.back();
    this.#focus('#bulk-paste');
  };

  /** Moves focus to what comes next, so the flow goes on by keyboard without hunting for it. */
  async #focus(selector: string): Promise<void> {
    await this.updateComplete;
    const target = this.renderRoot.querySelector<HTMLElement>(selector);
    if (target && target.tabIndex < 0 && !target.matches('button, input, select, textarea')) target.tabIndex = -1;
    target?.focus();
  }

  override render(): TemplateResult {
    if (!this.data.client) return renderNoClient(this.localizer, 'dataClient', this.data.waiting);
    return html`<h2 part="title">${this.t('bulk.title')}</h2>
      <p part="status" class="status" role="status">${announcement(this.localizer, this.flow, this.undoMessage)}</p>
      ${this.#renderBody()}`;
  }

  #renderBody(): TemplateResult | typeof nothing {
    const client = this.data.client!;
    if (!this.campaign) return html`<div class="state error" part="error"><p>${this.t('bulk.noCampaign')}</p></div>`;
    if (!client.can('write')) return html`<p part="read-only">${this.t('bulk.noWrite')}</p>`;
    const { phase } = this.flow;
    const listShown = phase === 'input';
    // The form stays in the page, hidden from the check on: a 10,000-line textarea is laid out anew
    // (hundreds of ms, the browser's own) whenever it is disabled, made read-only, or the form
    // around it changes; hidden, it costs nothing until the person goes back to it.
    const form = html`<form @submit=${this.#check} novalidate ?hidden=${!listShown}>
      ${renderScope({ l: this.localizer, campaign: this.campaign, vocabulary: this.vocabulary, values: this.#input.scope, disabled: phase !== 'input', set: this.#input.setScope })}
      ${renderRecipients({
        l: this.localizer, paste: this.#input.paste, csv: this.#input.csv, fileError: this.#input.fileError, disabled: phase !== 'input',
        onPaste: this.#input.onPaste,
        onFile: (file) => void this.#input.readFile(file, this.localizer),
        onColumn: this.#input.onColumn,
      })}
      ${this.message ? html`<p class="message" part="message" role="alert">${this.message}</p>` : nothing}
      ${this.flow.error ? renderFailure(this.localizer, this.flow.error, () => void this.#check()) : nothing}
      <div class="actions" part="actions"><button type="submit" class="primary" part="check-button">${this.t('bulk.check')}</button></div>
    </form>`;
    return html`${form}${listShown ? nothing : this.#renderAfterCheck()}`;
  }

  #renderAfterCheck(): TemplateResult {
    return renderAfterCheck({
      l: this.localizer, flow: this.flow, undoMessage: this.undoMessage,
      onIncludeUnchecked: () => {
        this.flow.includeUnchecked();
        void this.#focus('[part~="save-button"]');
      },
      onChoose: (index, recipientId) => this.#choose(index, recipientId),
      onSave: this.#save, onRetry: this.#retry, onUndo: this.#undo, onNew: this.#newList,
    });
  }

  #choose(index: number, recipientId: string): void {
    const row = this.flow.preview[index];
    const client = this.data.client;
    const recipient = row?.match.status === 'ambiguous' ? row.match.choices.find((r) => r.id === recipientId) : undefined;
    if (client && recipient) void this.flow.resolve(client, index, recipient);
  }
}
