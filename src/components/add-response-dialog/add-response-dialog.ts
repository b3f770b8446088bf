import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { NewResponseLine, RecipientCampaign, ResponseVocabulary } from '../../model/types.js';
import { ValidationError, isAbortError } from '../../adapter/errors.js';
import { userTimeZone, toZonedLocal } from '../../i18n/datetime.js';
import { t } from '../../i18n/translate.js';
import { ResponseSubmitEvent } from '../../events/response-submit.js';
import { ResponseSavedEvent } from '../../events/response-saved.js';
import { ResponseQueuedEvent } from '../../events/response-queued.js';
import { queuedOpOf } from '../../data/marks.js';
import { OutboxStorageError } from '../../offline/errors.js';
import { RequestCloseEvent } from '../../events/request-close.js';
import type { CloseReason } from '../../events/request-close.js';
import { DeleteRequestEvent } from '../../events/delete-request.js';
import { CrDataElement } from '../base/cr-data-element.js';
import { MenuButtonController } from '../base/menu-button.js';
import { errorMessage, renderFailure, renderLoading } from '../base/states.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { styles } from './add-response-dialog.styles.js';
import { renderFields } from './response-fields.js';
import { FIELD_ORDER, draftFromForm, fieldOfServerError, sameValues, validateResponseForm } from './response-form.js';
import type { FieldErrors, ResponseFormValues } from './response-form.js';

const EMPTY: ResponseFormValues = { campaignId: '', eventId: '', respondedAtLocal: '', detailId: '', note: '' };

/**
 * @tagname add-response-dialog
 * @summary The New Campaign Response and Update Status dialog: a native modal `<dialog>` with a form
 * in the order of the source CRM's steps, validated before anything is sent.
 *
 * @csspart dialog - The native `<dialog>`.
 * @csspart header - Title bar with the close button.
 * @csspart title - The dialog's heading.
 * @csspart close-button - The × button.
 * @csspart form - The `<form>`.
 * @csspart field - A label with its control, hint and error.
 * @csspart field-error - A field's error message.
 * @csspart form-error - The announced message above the fields (save failed, correct the fields).
 * @csspart time-zone - The time zone the date and time are entered in.
 * @csspart note-count - The note's character count.
 * @csspart target - In Update Status: the campaign and event being updated.
 * @csspart footer - The buttons row.
 * @csspart save-button - Save / Save New Response.
 * @csspart cancel-button - Cancel.
 * @csspart menu-button - The Actions menu button (Update Status).
 * @csspart menu - The Actions menu.
 * @csspart menu-item - An item of the Actions menu.
 * @csspart discard - The "discard the response you started?" question.
 *
 * @cssprop --cr-add-response-dialog-width - Width of the dialog (default `min(36rem, 100vw - 2rem)`).
 * @cssprop --cr-color-accent - Accent (Save button).
 * @cssprop --cr-color-danger - Errors.
 *
 * @fires {ResponseSubmitEvent} cr-response-submit - Before saving; cancelable. `event.line` is the line.
 * @fires {ResponseSavedEvent} cr-response-saved - The backend stored the line; `event.line`.
 * @fires {ResponseQueuedEvent} cr-response-queued - With offline edits: the line was stored on this device (durably) and will be sent later; `event.line` is marked pending.
 * @fires {RequestCloseEvent} cr-request-close - Escape, Cancel or ×; cancelable; `event.dirty`.
 * @fires {DeleteRequestEvent} cr-delete-request - Actions → Delete in Update Status; cancelable.
 * @fires {AuthRequiredEvent} cr-auth-required - The backend answered 401/403.
 */
export class AddResponseDialog extends CrDataElement {
  static override styles = [sharedStyles, styles];

  /** The campaigns sent to the recipient; loaded through the data client when not given. */
  @property({ attribute: false }) campaigns: RecipientCampaign[] | undefined;

  /** The response vocabulary; loaded through the data client when not given. */
  @property({ attribute: false }) vocabulary: ResponseVocabulary | undefined;

  /** The zone the date and time are entered in; the user's by default. */
  @property({ attribute: 'time-zone' }) timeZone: string = userTimeZone();

  @state() private mode: 'new' | 'update' = 'new';
  @state() private values: ResponseFormValues = EMPTY;
  @state() private errors: FieldErrors = {};
  @state() private formError = '';
  @state() private saving = false;
  @state() private askingDiscard = false;
  @state() private loadError: unknown = null;
  /** Between showNew()/showUpdate() and close: the fields exist only then (see render()). */
  @state() private opened = false;

  @query('dialog') private dialog!: HTMLDialogElement;

  #initial: ResponseFormValues = EMPTY;
  #opener: HTMLElement | null = null;
  /** The last line sent, reused while the input is unchanged so a retry keeps its id. */
  #lastAttempt: { values: ResponseFormValues; line: NewResponseLine } | undefined;
  #actions = new MenuButtonController(this, 'actions');

  /** Whether the dialog is open. */
  get open(): boolean {
    return this.dialog?.open ?? false;
  }

  /** Whether the input differs from what the dialog opened with. */
  get dirty(): boolean {
    return !sameValues(this.values, this.#initial);
  }

  /** Opens New Campaign Response. Focus returns to `opener` (default: what had focus) on close. */
  async showNew(opener?: HTMLElement): Promise<void> {
    await this.#open('new', { ...EMPTY }, opener);
  }

  /** Opens Update Status for one campaign event. */
  async showUpdate(campaignId: string, eventId: string, opener?: HTMLElement): Promise<void> {
    await this.#open('update', { ...EMPTY, campaignId, eventId }, opener);
  }

  /** Closes without asking (unsaved input is dropped). */
  close(): void {
    this.dialog?.close();
  }

  async #open(mode: 'new' | 'update', values: ResponseFormValues, opener?: HTMLElement): Promise<void> {
    this.#opener = opener ?? deepActiveElement();
    this.mode = mode;
    this.values = { ...values, respondedAtLocal: toZonedLocal(Date.now(), this.timeZone) };
    this.#initial = this.values;
    this.errors = {};
    this.formError = '';
    this.askingDiscard = false;
    this.#lastAttempt = undefined;
    this.opened = true;
    await this.updateComplete;
    if (!this.dialog.open) this.dialog.showModal();
    void this.#loadMissing();
  }

  async #loadMissing(): Promise<void> {
    const client = this.data.client;
    if ((this.campaigns && this.vocabulary) || !client || !this.recipientId) return;
    this.loadError = null;
    const signal = this.data.view?.next('dialog-data');
    try {
      const [vocabulary, answer] = await Promise.all([
        this.vocabulary ?? client.getVocabulary({ signal }),
        this.campaigns ? { campaigns: this.campaigns } : client.getRecipientCampaigns(this.recipientId, { signal }),
      ]);
      this.vocabulary = vocabulary;
      this.campaigns = answer.campaigns;
    } catch (error) {
      if (!isAbortError(error)) this.loadError = error;
    }
  }

  #set = (name: keyof ResponseFormValues, value: string) => {
    const next = { ...this.values, [name]: value };
    // A campaign's events, and an event's details, depend on the choice before.
    if (name === 'campaignId') next.eventId = '';
    if (name === 'campaignId' || name === 'eventId') next.detailId = '';
    this.values = next;
    const field = name === 'respondedAtLocal' ? 'respondedAt' : name;
    if (this.errors[field]) this.errors = { ...this.errors, [field]: undefined };
  };

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.saving) return;
    const client = this.data.client;
    const errors = validateResponseForm(this.values, this.timeZone);
    if (!this.recipientId) errors.campaignId ??= t('validation.required');
    this.errors = errors;
    if (Object.values(errors).some(Boolean)) {
      this.formError = t('dialog.fixErrors');
      await this.updateComplete;
      this.#focusFirstInvalid();
      return;
    }
    if (!client || !this.recipientId) return;
    const line =
      this.#lastAttempt && sameValues(this.#lastAttempt.values, this.values)
        ? this.#lastAttempt.line
        : client.createResponseLine(draftFromForm(this.recipientId, this.values, this.timeZone));
    this.#lastAttempt = { values: this.values, line };
    if (!this.emit(new ResponseSubmitEvent(line))) return;
    this.saving = true;
    this.formError = '';
    try {
      const saved = await client.addResponse(line);
      this.#initial = this.values;
      this.dialog.close();
      const queued = queuedOpOf(saved);
      this.emit(
        queued
          ? new ResponseQueuedEvent({ kind: 'add', opId: queued, recipientId: saved.recipientId, campaignId: saved.campaignId, line: saved })
          : new ResponseSavedEvent(saved),
      );
    } catch (error) {
      this.#showSaveError(error);
    } finally {
      this.saving = false;
    }
  }

  #showSaveError(error: unknown): void {
    if (error instanceof OutboxStorageError) {
      // Not stored on this device: nothing was saved, and the form keeps every entry.
      this.formError =
        error.kind === 'quota' ? t('offline.saveFailed.quota') : t('offline.saveFailed.other', { message: error.message });
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part~="form-error"]')?.focus());
      return;
    }
    if (error instanceof ValidationError && error.fields.length > 0) {
      const errors: FieldErrors = {};
      const unplaced: string[] = [];
      for (const { field, message } of error.fields) {
        const name = fieldOfServerError(field);
        if (name) errors[name] = message;
        else unplaced.push(message);
      }
      this.errors = errors;
      this.formError = unplaced.length ? t('dialog.saveFailed', { message: unplaced.join('; ') }) : t('dialog.fixErrors');
      void this.updateComplete.then(() => this.#focusFirstInvalid());
      return;
    }
    try {
      this.reportFailure(error, () => this.renderRoot.querySelector('form')?.requestSubmit());
    } catch {
      // reportFailure rethrows after telling the host; here the message is what matters.
    }
    this.formError = t('dialog.saveFailed', { message: errorMessage(error) });
  }

  #focusFirstInvalid(): void {
    const first = FIELD_ORDER.find((name) => this.errors[name]);
    const control = first && this.renderRoot.querySelector<HTMLElement>(`#${first}`);
    (control ?? this.renderRoot.querySelector<HTMLElement>('[part~="form-error"]'))?.focus();
  }

  /** Escape, Cancel, ×: asks the host (cancelable event), then the person if input would be lost. */
  #requestClose(reason: CloseReason): void {
    if (this.askingDiscard) {
      if (reason === 'escape') this.#keepEditing();
      return;
    }
    if (!this.emit(new RequestCloseEvent(reason, this.dirty))) return;
    if (this.dirty) {
      this.askingDiscard = true;
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[data-discard="keep"]')?.focus());
    } else {
      this.dialog.close();
    }
  }

  #keepEditing(): void {
    this.askingDiscard = false;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#respondedAt')?.focus());
  }

  #onKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    // Handled here rather than on `cancel`: a prevented keydown never reaches the dialog's close
    // request, whereas `cancel` is not cancelable on a second Escape without user activation.
    event.preventDefault();
    this.#requestClose('escape');
  };

  #onCancel = (event: Event) => {
    event.preventDefault();
    this.#requestClose('escape');
  };

  #onClose = () => {
    this.askingDiscard = false;
    this.opened = false;
    this.#actions.close(false);
    const opener = this.#opener;
    this.#opener = null;
    if (opener?.isConnected) opener.focus();
  };

  #delete(): void {
    const { campaignId } = this.values;
    if (!this.recipientId || !campaignId) return;
    this.dialog.close();
    this.emit(new DeleteRequestEvent(this.recipientId, campaignId));
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if ((changed.has('dataClient') || changed.has('recipientId')) && this.open) void this.#loadMissing();
  }

  // A closed dialog renders no fields: every tab holds one, and its campaign and detail options
  // (a <select> of every campaign) would otherwise be built and styled on each mount for nothing.
  override render(): TemplateResult {
    const title = this.mode === 'new' ? t('dialog.title.new') : t('dialog.title.update');
    return html`<dialog part="dialog" aria-labelledby="title" @keydown=${this.#onKeydown} @cancel=${this.#onCancel} @close=${this.#onClose}>
      <form part="form" novalidate @submit=${this.#submit}>
        <header part="header">
          <h2 id="title" part="title">${title}</h2>
          <button type="button" part="close-button" aria-label=${t('dialog.close')} @click=${() => this.#requestClose('close-button')}>
            <span aria-hidden="true">×</span>
          </button>
        </header>
        <div class="body" part="body">
          <div class="form-error" part="form-error" role="alert" tabindex="-1">${this.formError}</div>
          ${this.opened ? this.renderBody() : nothing}
        </div>
        ${this.renderFooter()}
      </form>
    </dialog>`;
  }

  /** The fields, or loading / failure while the campaigns and vocabulary are not there yet. */
  protected renderBody(): TemplateResult {
    if (this.loadError) return renderFailure(this.loadError, () => void this.#loadMissing());
    if (!this.campaigns || !this.vocabulary) return renderLoading(5);
    return renderFields({
      mode: this.mode,
      values: this.values,
      errors: this.errors,
      campaigns: this.campaigns,
      vocabulary: this.vocabulary,
      timeZone: this.timeZone,
      set: this.#set,
    });
  }

  /** The buttons: Actions (Update Status), Cancel, Save; or the discard question. */
  protected renderFooter(): TemplateResult {
    if (this.askingDiscard) {
      return html`<footer part="footer discard">
        <p id="discard-question" role="alert">${t('dialog.discard.question')}</p>
        <button type="button" data-discard="confirm" class="danger" @click=${() => this.dialog.close()}>${t('dialog.discard.confirm')}</button>
        <button type="button" data-discard="keep" @click=${() => this.#keepEditing()}>${t('dialog.discard.keep')}</button>
      </footer>`;
    }
    const saveLabel = this.saving ? t('dialog.saving') : this.mode === 'new' ? t('dialog.save') : t('dialog.saveNew');
    return html`<footer part="footer">
      ${this.mode === 'update'
        ? this.#actions.render(t('dialog.actions'), [{ id: 'delete', label: t('dialog.delete'), action: () => this.#delete() }])
        : nothing}
      <span class="spacer"></span>
      <button type="button" part="cancel-button" @click=${() => this.#requestClose('cancel-button')}>${t('dialog.cancel')}</button>
      <button type="submit" part="save-button" class="primary" ?disabled=${this.saving} aria-busy=${this.saving ? 'true' : 'false'}>${saveLabel}</button>
    </footer>`;
  }
}

/** The focused element, looking into open shadow roots (the opener is often inside one). */
function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}
