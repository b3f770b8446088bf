import { html, nothing } from 'lit';
import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import type { CampaignDataClient } from '../../data/data-client.js';
import type { PendingDeletion } from '../../data/pending-deletion.js';
import type { DeleteAllResult, RecipientCampaign } from '../../model/types.js';
import { afterSent, restoreMessage } from './delete-sent.js';
import { ResponsesDeletedEvent } from '../../events/responses-deleted.js';
import { ResponseQueuedEvent } from '../../events/response-queued.js';
import { queuedOpOf } from '../../data/marks.js';
import type { Localizer } from '../../i18n/localizer.js';
import { errorMessage } from '../base/states.js';

type Host = ReactiveControllerHost & HTMLElement;

interface Confirming {
  client: CampaignDataClient;
  recipientId: string;
  campaign: RecipientCampaign;
  count: number | null;
  error: unknown;
}

type Snackbar =
  | { kind: 'pending'; campaign: RecipientCampaign; count: number; pending: PendingDeletion }
  /** Sent: Restore undoes it as a whole (where the backend can); `kept` lines added since stayed. */
  | { kind: 'sent'; campaign: RecipientCampaign; client: CampaignDataClient; pending: PendingDeletion; result: DeleteAllResult; restorable: boolean; busy?: boolean }
  | { kind: 'restored'; campaign: RecipientCampaign }
  /** `text`: the whole message (a failed restore); otherwise the delete's failure with `message`. */
  | { kind: 'failed'; campaign: RecipientCampaign; message: string; text?: string };

/**
 * Delete all of a recipient's responses to a campaign: a confirmation naming the campaign and the
 * number of lines, then a snackbar with Undo while the data client holds the delete back.
 */
export class DeleteFlow implements ReactiveController {
  #host: Host;
  #confirming: Confirming | undefined;
  #snackbar: Snackbar | undefined;
  #counting: AbortController | undefined;
  #hideTimer: ReturnType<typeof setTimeout> | undefined;
  /** Where focus goes when the snackbar it sat in goes away. */
  #focusAfter: () => HTMLElement | null | undefined;

  /** The host's strings, in its language now. */
  #l: () => Localizer;
  /** The host's undo time for a Delete, in ms; undefined: the data client's. */
  #undoDelayMs: () => number | undefined;
  /** Whether a person holds the Undo notice: focus on its button, or the pointer over it. */
  #held = { focus: false, hover: false };
  /** Set by Delete in the confirmation: when the confirmation has closed, focus goes to the notice. */
  #focusNotice = false;

  constructor(host: Host, focusAfter: () => HTMLElement | null | undefined, localizer: () => Localizer, undoDelayMs: () => number | undefined) {
    this.#host = host;
    this.#focusAfter = focusAfter;
    this.#l = localizer;
    this.#undoDelayMs = undoDelayMs;
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.#counting?.abort();
    clearTimeout(this.#hideTimer);
  }

  #dialog(): HTMLDialogElement | null | undefined {
    return this.#host.shadowRoot?.querySelector<HTMLDialogElement>('dialog[part~="confirm-dialog"]');
  }

  /** Asks for confirmation, counting the lines meanwhile. */
  async request(client: CampaignDataClient, recipientId: string, campaign: RecipientCampaign): Promise<void> {
    this.#counting?.abort();
    const counting = (this.#counting = new AbortController());
    this.#confirming = { client, recipientId, campaign, count: null, error: null };
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    const dialog = this.#dialog();
    if (dialog && !dialog.open) dialog.showModal();
    try {
      const count = await client.countResponses(recipientId, campaign.id, { signal: counting.signal });
      if (this.#confirming?.campaign === campaign) this.#confirming = { ...this.#confirming, count };
    } catch (error) {
      if (counting.signal.aborted) return;
      if (this.#confirming?.campaign === campaign) this.#confirming = { ...this.#confirming, error };
    }
    this.#host.requestUpdate();
  }

  #confirm(): void {
    const confirming = this.#confirming;
    if (!confirming || confirming.count === null) return;
    const { client, recipientId, campaign, count } = confirming;
    const undoDelayMs = this.#undoDelayMs();
    const pending = client.deleteAllResponses(recipientId, campaign.id, undoDelayMs === undefined ? {} : { undoDelayMs });
    this.#show({ kind: 'pending', campaign, count, pending }, null);
    this.#focusNotice = true;
    this.#dialog()?.close();
    pending.done.then(
      (result) => {
        if (result) {
          const queued = queuedOpOf(result);
          // Queued on this device (offline edits): the backend has not deleted anything yet.
          this.#host.dispatchEvent(
            queued
              ? new ResponseQueuedEvent({ kind: 'deleteAll', opId: queued, recipientId, campaignId: campaign.id })
              : new ResponsesDeletedEvent(recipientId, campaign.id, result.deleted),
          );
          if (this.#snackbar?.kind === 'pending' && this.#snackbar.pending === pending) this.#show(undefined, 0);
          void afterSent(client, result).then((sent) => {
            if (sent) this.#show({ kind: 'sent', campaign, client, pending, ...sent }, null);
          });
        }
      },
      (error: unknown) => this.#show({ kind: 'failed', campaign, message: errorMessage(error, this.#l()) }, null),
    );
  }

  #undo(): void {
    const snackbar = this.#snackbar;
    if (snackbar?.kind !== 'pending' || !snackbar.pending.undo()) return;
    this.#show({ kind: 'restored', campaign: snackbar.campaign }, 4000);
    this.#focusAfter()?.focus();
  }

  async #restore(): Promise<void> {
    const snackbar = this.#snackbar;
    if (snackbar?.kind !== 'sent' || snackbar.busy) return;
    this.#show({ ...snackbar, busy: true }, null);
    try {
      await snackbar.client.restoreDeletion(snackbar.pending, snackbar.result);
      this.#show({ kind: 'restored', campaign: snackbar.campaign }, 4000);
      this.#focusAfter()?.focus();
    } catch (error) {
      this.#show({ kind: 'failed', campaign: snackbar.campaign, message: '', text: restoreMessage(error, snackbar.campaign.title, this.#l()) }, null);
    }
  }

  #show(snackbar: Snackbar | undefined, hideAfterMs: number | null): void {
    clearTimeout(this.#hideTimer);
    this.#held = { focus: false, hover: false };
    const hadFocus = this.#host.shadowRoot?.activeElement?.closest('[part~="snackbar"]');
    this.#snackbar = snackbar;
    if (hideAfterMs !== null) this.#hideTimer = setTimeout(() => this.#show(undefined, null), hideAfterMs);
    this.#host.requestUpdate();
    if (!snackbar && hadFocus) void this.#host.updateComplete.then(() => this.#focusAfter()?.focus());
    // The button that had focus went with the notice it was in: the new notice takes it.
    if (snackbar && hadFocus) void this.#host.updateComplete.then(() => this.#host.shadowRoot?.querySelector<HTMLElement>('[part~="snackbar"]')?.focus());
  }

  /** The undo time stands still while the notice is held, and runs on (what is left) when let go. */
  #hold(change: Partial<{ focus: boolean; hover: boolean }>): void {
    const snackbar = this.#snackbar;
    if (snackbar?.kind !== 'pending') return;
    this.#held = { ...this.#held, ...change };
    if (this.#held.focus || this.#held.hover) snackbar.pending.pause();
    else snackbar.pending.resume();
  }

  #onNoticeFocusIn = (event: FocusEvent) => this.#hold({ focus: event.target instanceof HTMLButtonElement });
  #onNoticeFocusOut = (event: FocusEvent) => {
    const next = event.relatedTarget;
    this.#hold({ focus: next instanceof HTMLButtonElement && (event.currentTarget as Element).contains(next) });
  };
  #onNoticePointerEnter = () => this.#hold({ hover: true });
  #onNoticePointerLeave = () => this.#hold({ hover: false });

  #onDialogClose = () => {
    // The close event comes in a task after close(): a confirmation opened again meanwhile stays.
    if (this.#dialog()?.open) return;
    this.#counting?.abort();
    this.#confirming = undefined;
    this.#host.requestUpdate();
    // Focus goes to the notice, so that Undo is the next Tab stop, not one after the whole table.
    // Being moved there does not stop the undo time; a person reaching Undo (or pointing at the
    // notice) does. Here, on `close`, because the dialog gives focus back to its opener first
    // (Firefox does that after close() has returned).
    if (this.#focusNotice) {
      this.#focusNotice = false;
      void this.#host.updateComplete.then(() => this.#host.shadowRoot?.querySelector<HTMLElement>('[part~="snackbar"][tabindex]')?.focus());
    }
  };

  #confirmText(confirming: Confirming): string {
    const campaign = confirming.campaign.title;
    if (confirming.error) return this.#l().t('state.error', { message: errorMessage(confirming.error, this.#l()) });
    if (confirming.count === null) return this.#l().t('delete.counting');
    if (confirming.count === 0) return this.#l().t('delete.confirm.zero', { campaign });
    return this.#l().tPlural('delete.confirm', confirming.count, { campaign });
  }

  render(): TemplateResult {
    const confirming = this.#confirming;
    // What this backend's Delete does beyond its name (on Salesforce the person leaves the campaign).
    const answer = confirming?.client.check('delete');
    const note = answer?.allowed ? answer.note : undefined;
    return html`<dialog part="confirm-dialog" aria-labelledby="confirm-title" aria-describedby=${note ? 'confirm-text confirm-note' : 'confirm-text'} @close=${this.#onDialogClose}>
        <h2 id="confirm-title">${this.#l().t('delete.title')}</h2>
        <p id="confirm-text" aria-live="polite">${confirming ? this.#confirmText(confirming) : nothing}</p>
        ${note ? html`<p id="confirm-note" part="confirm-note" class="confirm-note">${this.#l().t(note)}</p>` : nothing}
        <p>${this.#l().t('delete.undoHint')}</p>
        <div class="buttons">
          <button type="button" part="confirm-cancel-button" autofocus @click=${() => this.#dialog()?.close()}>${this.#l().t('delete.cancel')}</button>
          <button type="button" class="danger" part="confirm-delete-button" ?disabled=${!confirming || confirming.count === null || confirming.count === 0} @click=${() => this.#confirm()}>
            ${this.#l().t('delete.confirmButton')}
          </button>
        </div>
      </dialog>
      <div class="snackbar-region" role="status" aria-live="polite">${this.#renderSnackbar()}</div>`;
  }

  #renderSnackbar(): TemplateResult | typeof nothing {
    const snackbar = this.#snackbar;
    if (!snackbar) return nothing;
    const campaign = snackbar.campaign.title;
    if (snackbar.kind === 'pending') {
      return html`<div
        part="snackbar"
        class="snackbar"
        tabindex="-1"
        @focusin=${this.#onNoticeFocusIn}
        @focusout=${this.#onNoticeFocusOut}
        @pointerenter=${this.#onNoticePointerEnter}
        @pointerleave=${this.#onNoticePointerLeave}
      >
        <span>${this.#l().tPlural('tab.deleted', snackbar.count, { campaign })}</span>
        <button type="button" part="undo-button" @click=${() => this.#undo()}>${this.#l().t('tab.undo')}</button>
      </div>`;
    }
    if (snackbar.kind === 'sent') {
      const kept = snackbar.result.kept ?? 0;
      return html`<div part="snackbar" class="snackbar" tabindex="-1">
        <span>${this.#l().t('tab.deleteSent', { campaign })}${kept > 0 ? html` <span part="kept-note">${this.#l().tPlural('tab.kept', kept)}</span>` : nothing}</span>
        ${snackbar.restorable
          ? html`<button type="button" part="restore-button" ?disabled=${snackbar.busy === true} @click=${() => void this.#restore()}>${this.#l().t('tab.restore')}</button>`
          : nothing}
        <button type="button" @click=${() => this.#show(undefined, null)}>${this.#l().t('dialog.close')}</button>
      </div>`;
    }
    if (snackbar.kind === 'restored') {
      return html`<div part="snackbar" class="snackbar"><span>${this.#l().t('tab.restored', { campaign })}</span></div>`;
    }
    return html`<div part="snackbar" class="snackbar failed">
      <span>${snackbar.text ?? this.#l().t('tab.deleteFailed', { campaign, message: snackbar.message })}</span>
      <button type="button" @click=${() => this.#show(undefined, null)}>${this.#l().t('dialog.close')}</button>
    </div>`;
  }
}
