import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { property, query } from 'lit/decorators.js';
import type { RecipientCampaign, ResponseVocabulary } from '../../model/types.js';
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
import { deepActiveElement } from './save-error.js';
import { renderDialogHeader } from './dialog-header.js';
import { focusFirstField, loadDialogContext } from './dialog-context.js';
import { renderFooter } from './dialog-footer.js';
import { DiscardGuard } from './discard-guard.js';
import { DialogSession } from './dialog-session.js';
import { SaveFlow } from './save-flow.js';
import { registerEnglish } from '../../i18n/translate.js';
import { enDialog } from '../../i18n/en/dialog.js';

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

  @query('dialog') private dialog!: HTMLDialogElement;

  #session = new DialogSession(this);
  #save = new SaveFlow(this, {
    client: () => this.data.client,
    recipientId: () => this.recipientId,
    localizer: () => this.localizer,
    values: () => this.#session.values,
    campaigns: () => this.campaigns,
    root: () => this.renderRoot,
    emit: (event) => this.emit(event),
    report: (error, retry) => this.reportFailure(error, retry),
    saved: () => {
      this.#session.saved();
      this.dialog.close();
    },
  });
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
    return this.#session.dirty;
  }

  /** Opens New Campaign Response. Focus returns to `opener` (default: what had focus) on close. */
  async showNew(opener?: HTMLElement): Promise<void> {
    await this.#open('new', undefined, opener);
  }

  /** Opens Update Status for one campaign event. */
  async showUpdate(campaignId: string, eventId: string, opener?: HTMLElement): Promise<void> {
    await this.#open('update', { campaignId, eventId }, opener);
  }

  /** Closes without asking (unsaved input is dropped). */
  close(): void {
    this.dialog?.close();
  }

  async #open(mode: 'new' | 'update', target: { campaignId: string; eventId: string } | undefined, opener?: HTMLElement): Promise<void> {
    this.#session.start(mode, this.localizer.timeZone, target, opener ?? deepActiveElement());
    this.#discard.reset();
    this.#save.reset();
    await this.updateComplete;
    if (!this.dialog.open) this.dialog.showModal();
    focusFirstField(this);
  }

  /** The campaigns and vocabulary when the host did not hand them in: read on opening. */
  #context = new LoadController(this, {
    args: () => [this.data.client, this.recipientId, this.#session.opened, Boolean(this.campaigns && this.vocabulary)] as const,
    load: async ([client, recipientId, opened, given], signal): Promise<true | undefined> => {
      if (!client || !recipientId || !opened || given) return undefined;
      await loadDialogContext(client, recipientId, this, signal);
      await this.updateComplete;
      if (this.open) focusFirstField(this);
      return true;
    },
    failed: (error, retry) => this.announceFailure(error, retry),
  });

  #onClose = () => {
    // The close event comes in a task after close(): a dialog opened again meanwhile is not closed.
    if (this.dialog.open) return;
    this.#discard.reset();
    this.#actions.close(false);
    this.#session.end();
  };

  #delete(): void {
    const { campaignId } = this.#session.values;
    if (!this.recipientId || !campaignId) return;
    this.dialog.close();
    this.emit(new DeleteRequestEvent(this.recipientId, campaignId));
  }

  // A closed dialog renders no fields: every tab holds one, and its campaign and detail options
  // (a <select> of every campaign) would otherwise be built and styled on each mount for nothing.
  override render(): TemplateResult {
    const title = this.#session.mode === 'new' ? this.t('dialog.title.new') : this.t('dialog.title.update');
    return html`<dialog part="dialog" aria-labelledby="title" @keydown=${this.#discard.onKeydown} @cancel=${this.#discard.onCancel} @close=${this.#onClose}>
      <form part="form" novalidate @submit=${this.#save.submit}>
        ${this.renderHeader(title)}
        <div class="body" part="body">
          <div class="form-error" part="form-error" role="alert" tabindex="-1">${this.#save.formError}</div>
          ${this.#session.opened ? this.renderBody() : nothing}
        </div>
        ${this.renderFooter()}
      </form>
    </dialog>`;
  }

  /** The title bar: the heading (`id="title"`, which names the dialog) and the close button. */
  protected renderHeader(title: string): TemplateResult {
    return renderDialogHeader(this.localizer, title, () => this.#discard.request('close-button'));
  }

  /** The fields, or loading / failure while the campaigns and vocabulary are not there yet. */
  protected renderBody(): TemplateResult {
    if (this.#context.status === 'error') return renderFailure(this.localizer, this.#context.error, () => void this.#context.run());
    if (!this.campaigns || !this.vocabulary) return renderLoading(this.localizer, 5);
    return renderFields({
      mode: this.#session.mode,
      values: this.#session.values,
      errors: this.#save.errors,
      campaigns: this.campaigns,
      vocabulary: this.vocabulary,
      l: this.localizer,
      timeZone: this.localizer.timeZone,
      set: (name, value) => this.#save.edited(this.#session.set(name, value)),
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
      saving: this.#save.saving,
      mode: this.#session.mode,
      actions:
        this.#session.mode === 'update' && this.dataClient?.can('delete') !== false
          ? this.#actions.render(this.t('dialog.actions'), [{ id: 'delete', label: this.t('dialog.delete'), action: () => this.#delete() }])
          : nothing,
      onDiscard: () => this.dialog.close(),
      onKeepEditing: () => this.#discard.keepEditing(),
      onCancel: () => this.#discard.request('cancel-button'),
    });
  }
}
