import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { NewResponseLine, RecipientCampaign, ResponseVocabulary } from '../../model/types.js';
import { toZonedLocal } from '../../i18n/datetime.js';
import { ResponseSubmitEvent } from '../../events/response-submit.js';
import { ResponseSavedEvent } from '../../events/response-saved.js';
import { ResponseQueuedEvent } from '../../events/response-queued.js';
import { queuedOpOf } from '../../data/marks.js';
import { RequestCloseEvent } from '../../events/request-close.js';
import { DeleteRequestEvent } from '../../events/delete-request.js';
import { LoadController } from '../base/load-controller.js';
import { CrDataElement } from '../base/cr-data-element.js';
import { MenuButtonController } from '../base/menu-button.js';
import { renderFailure, renderLoading } from '../base/states.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { styles } from './add-response-dialog.styles.js';
import { menuStyles } from '../base/menu.styles.js';
import { renderFields } from './response-fields.js';
import { FIELD_ORDER, draftFromForm, sameValues, validateResponseForm } from './response-form.js';
import { deepActiveElement, saveErrorOutcome } from './save-error.js';
import { renderFooter } from './dialog-footer.js';
import { DiscardGuard } from './discard-guard.js';
import type { FieldErrors, ResponseFormValues } from './response-form.js';
import { registerEnglish } from '../../i18n/translate.js';
import { enDialog } from '../../i18n/en/dialog.js';

const EMPTY: ResponseFormValues = { campaignId: '', eventId: '', respondedAtLocal: '', detailId: '', note: '' };

/**
 * @tagname add-response-dialog
 * @summary The New Campaign Response and Update Status dialog: a native modal `<dialog>` with a form
 * in the order of the source CRM's steps, validated before anything is sent.
 *
 * Render pieces a subclass may override: `renderHeader()`, `renderBody()`, `renderFooter()`.
 *
 * @slot footer - Host content in the footer, before Cancel and Save (a help link, a button of the host's); Cancel and Save stay.
 *
 * @csspart dialog - The native `<dialog>`.
 * @csspart form - The `<form>`.
 * @csspart header - Title bar with the close button.
 * @csspart title - The dialog's heading.
 * @csspart close-button - The × button.
 * @csspart body - The fields' area.
 * @csspart form-error - The announced message above the fields (save failed, correct the fields).
 * @csspart field - A label with its control, hint and error.
 * @csspart label - A field's `<label>`.
 * @csspart control - A field's `<select>`, `<input>` or `<textarea>`.
 * @csspart field-error - A field's error message.
 * @csspart time-zone - The time zone the date and time are entered in.
 * @csspart note-count - The note's character count.
 * @csspart target - In Update Status: the campaign and event being updated.
 * @csspart footer - The buttons row (also `discard` while asking).
 * @csspart save-button - Save / Save New Response.
 * @csspart cancel-button - Cancel.
 * @csspart menu-button - The Actions menu button (Update Status).
 * @csspart menu - The Actions menu.
 * @csspart menu-item - An item of the Actions menu.
 * @csspart discard - The footer while it asks "discard the response you started?".
 * @csspart discard-question - The question.
 * @csspart discard-confirm-button - Discard.
 * @csspart discard-keep-button - Keep editing.
 * @csspart loading - The loading placeholder (campaigns and vocabulary not given and not yet loaded).
 * @csspart error - Their loading failed (also `auth` or `not-found`).
 * @csspart auth - The failure is a missing permission.
 * @csspart not-found - The recipient was not found.
 * @csspart retry-button - Retry.
 *
 * @cssprop [--cr-add-response-dialog-width=min(36rem, 100vw - 2rem)] - Width of the dialog.
 * @cssprop [--cr-add-response-dialog-padding=var(--cr-space-l)] - Space around the fields and in the header and footer.
 * @cssprop [--cr-add-response-dialog-body-min-height=18rem] - Height kept for the fields while they load.
 * @cssprop [--cr-add-response-dialog-backdrop=var(--cr-color-backdrop)] - The backdrop behind the modal dialog.
 * @cssprop-globals The kit's global tokens, documented once in scripts/manifest-shared-docs.mjs.
 *
 * @fires {ResponseSubmitEvent} cr-response-submit - Before saving; cancelable. `event.line` is the line.
 * @fires {ResponseSavedEvent} cr-response-saved - The backend stored the line; `event.line`. (With offline edits the dialog fires `cr-response-queued` instead, and `<campaign-sync-status>` fires this once the line is delivered.)
 * @fires {ResponseQueuedEvent} cr-response-queued - With offline edits: the line was stored on this device (durably) and will be sent later; `event.line` is marked pending.
 * @fires {RequestCloseEvent} cr-request-close - Escape, Cancel or ×; cancelable; `event.dirty`.
 * @fires {DeleteRequestEvent} cr-delete-request - Actions → Delete in Update Status; cancelable.
 * @fires {AuthRequiredEvent} cr-auth-required - The backend answered 401/403.
 */
export class AddResponseDialog extends CrDataElement {
  static {
    // The element's own English strings (the rest of the table stays out of its bundle).
    registerEnglish(enDialog);
  }

  static override styles = [sharedStyles, menuStyles, styles];

  /** The campaigns sent to the recipient; loaded through the data client when not given. */
  @property({ attribute: false }) campaigns: RecipientCampaign[] | undefined;

  /** The response vocabulary; loaded through the data client when not given. */
  @property({ attribute: false }) vocabulary: ResponseVocabulary | undefined;

  @state() private mode: 'new' | 'update' = 'new';
  @state() private values: ResponseFormValues = EMPTY;
  @state() private errors: FieldErrors = {};
  @state() private formError = '';
  @state() private saving = false;
  /** Between showNew()/showUpdate() and close: the fields exist only then (see render()). */
  @state() private opened = false;

  @query('dialog') private dialog!: HTMLDialogElement;

  #initial: ResponseFormValues = EMPTY;
  #opener: HTMLElement | null = null;
  /** The last line sent, reused while the input is unchanged so a retry keeps its id. */
  #lastAttempt: { values: ResponseFormValues; line: NewResponseLine } | undefined;
  #actions = new MenuButtonController(this, 'actions');
  #discard = new DiscardGuard(this, {
    dirty: () => this.dirty,
    announce: (reason) => this.emit(new RequestCloseEvent(reason, this.dirty)),
    close: () => this.dialog.close(),
    focus: (selector) => this.renderRoot.querySelector<HTMLElement>(selector)?.focus(),
  });

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
    this.values = { ...values, respondedAtLocal: toZonedLocal(Date.now(), this.localizer.timeZone) };
    this.#initial = this.values;
    this.errors = {};
    this.formError = '';
    this.#discard.reset();
    this.#lastAttempt = undefined;
    this.opened = true;
    await this.updateComplete;
    if (!this.dialog.open) this.dialog.showModal();
    this.#focusFirstField();
  }

  /**
   * Focus on the first field, as the modal dialog pattern advises for a form: showModal() alone
   * would put it on ×. While the fields are loading, × keeps it; when they arrive, focus moves to
   * the first one unless the person has moved it elsewhere meanwhile.
   */
  #focusFirstField(): void {
    const active = this.shadowRoot?.activeElement;
    if (active && !active.matches('[part~="close-button"]')) return;
    this.renderRoot.querySelector<HTMLElement>('.body [part~="control"]:not(:disabled)')?.focus();
  }

  /** The campaigns and vocabulary when the host did not hand them in: read on opening. */
  #context = new LoadController(this, {
    args: () => [this.data.client, this.recipientId, this.opened, Boolean(this.campaigns && this.vocabulary)] as const,
    load: async ([client, recipientId, opened, given], signal): Promise<true | undefined> => {
      if (!client || !recipientId || !opened || given) return undefined;
      const [vocabulary, answer] = await Promise.all([
        this.vocabulary ?? client.getVocabulary({ signal }),
        this.campaigns ? { campaigns: this.campaigns } : client.getRecipientCampaigns(recipientId, { signal }),
      ]);
      signal.throwIfAborted();
      this.vocabulary = vocabulary;
      this.campaigns = answer.campaigns;
      await this.updateComplete;
      if (this.open) this.#focusFirstField();
      return true;
    },
    failed: (error, retry) => this.announceFailure(error, retry),
  });

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
    const errors = validateResponseForm(this.localizer, this.values, this.localizer.timeZone, {
      campaigns: this.campaigns,
      dateIncomplete: this.renderRoot.querySelector<HTMLInputElement>('#respondedAt')?.validity.badInput ?? false,
    });
    if (!this.recipientId) errors.campaignId ??= this.t('validation.required');
    this.errors = errors;
    if (Object.values(errors).some(Boolean)) {
      this.formError = this.t('dialog.fixErrors');
      await this.updateComplete;
      this.#focusFirstInvalid();
      return;
    }
    if (!client || !this.recipientId) return;
    const line =
      this.#lastAttempt && sameValues(this.#lastAttempt.values, this.values)
        ? this.#lastAttempt.line
        : client.createResponseLine(draftFromForm(this.recipientId, this.values, this.localizer.timeZone));
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
    const outcome = saveErrorOutcome(error, this.localizer);
    if (outcome.report) {
      try {
        this.reportFailure(error, () => this.renderRoot.querySelector('form')?.requestSubmit());
      } catch {
        // reportFailure rethrows after telling the host; here the message is what matters.
      }
    }
    if (outcome.errors) this.errors = outcome.errors;
    this.formError = outcome.formError;
    if (outcome.focus === 'form-error') void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part~="form-error"]')?.focus());
    else if (outcome.focus === 'invalid') void this.updateComplete.then(() => this.#focusFirstInvalid());
  }

  #focusFirstInvalid(): void {
    const first = FIELD_ORDER.find((name) => this.errors[name]);
    const control = first && this.renderRoot.querySelector<HTMLElement>(`#${first}`);
    (control ?? this.renderRoot.querySelector<HTMLElement>('[part~="form-error"]'))?.focus();
  }

  #onClose = () => {
    this.#discard.reset();
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

  // A closed dialog renders no fields: every tab holds one, and its campaign and detail options
  // (a <select> of every campaign) would otherwise be built and styled on each mount for nothing.
  override render(): TemplateResult {
    const title = this.mode === 'new' ? this.t('dialog.title.new') : this.t('dialog.title.update');
    return html`<dialog part="dialog" aria-labelledby="title" @keydown=${this.#discard.onKeydown} @cancel=${this.#discard.onCancel} @close=${this.#onClose}>
      <form part="form" novalidate @submit=${this.#submit}>
        ${this.renderHeader(title)}
        <div class="body" part="body">
          <div class="form-error" part="form-error" role="alert" tabindex="-1">${this.formError}</div>
          ${this.opened ? this.renderBody() : nothing}
        </div>
        ${this.renderFooter()}
      </form>
    </dialog>`;
  }

  /** The title bar: the heading (`id="title"`, which names the dialog) and the close button. */
  protected renderHeader(title: string): TemplateResult {
    return html`<header part="header">
      <h2 id="title" part="title">${title}</h2>
      <button type="button" part="close-button" aria-label=${this.t('dialog.close')} @click=${() => this.#discard.request('close-button')}>
        <span aria-hidden="true">×</span>
      </button>
    </header>`;
  }

  /** The fields, or loading / failure while the campaigns and vocabulary are not there yet. */
  protected renderBody(): TemplateResult {
    if (this.#context.status === 'error') return renderFailure(this.localizer, this.#context.error, () => void this.#context.run());
    if (!this.campaigns || !this.vocabulary) return renderLoading(this.localizer, 5);
    return renderFields({
      mode: this.mode,
      values: this.values,
      errors: this.errors,
      campaigns: this.campaigns,
      vocabulary: this.vocabulary,
      l: this.localizer,
      timeZone: this.localizer.timeZone,
      set: this.#set,
    });
  }

  /**
   * The buttons: Actions (Update Status), the host's `footer` slot, Cancel, Save; or the discard
   * question. A subclass may add its own buttons around `super.renderFooter()`'s; Save must stay a
   * `type="submit"` button inside the form.
   */
  protected renderFooter(): TemplateResult {
    return renderFooter({
      l: this.localizer,
      askingDiscard: this.#discard.asking,
      saving: this.saving,
      mode: this.mode,
      actions:
        this.mode === 'update' && this.dataClient?.can('delete') !== false
          ? this.#actions.render(this.t('dialog.actions'), [{ id: 'delete', label: this.t('dialog.delete'), action: () => this.#delete() }])
          : nothing,
      onDiscard: () => this.dialog.close(),
      onKeepEditing: () => this.#discard.keepEditing(),
      onCancel: () => this.#discard.request('cancel-button'),
    });
  }
}
