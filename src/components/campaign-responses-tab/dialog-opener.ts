import { html, nothing } from 'lit';
import type { ReactiveControllerHost } from 'lit';
import type { CampaignDataClient } from '../../data/data-client.js';
import type { RecipientCampaign, ResponseVocabulary } from '../../model/types.js';
import type { DeleteRequestEvent } from '../../events/delete-request.js';
import type { ResponseQueuedEvent } from '../../events/response-queued.js';
import type { AddResponseDialog } from '../add-response-dialog/add-response-dialog.js';
import { DIALOG_EXPORTPARTS } from '../add-response-dialog/dialog-parts.js';
import { loadElement } from '../base/lazy-elements.js';
import { DIALOG_TAG } from './preload.js';

/** What the tab hands its dialog on each render. */
export interface TabDialogContext {
  client: CampaignDataClient;
  campaigns: RecipientCampaign[] | undefined;
  vocabulary: ResponseVocabulary | undefined;
  recipientId: string | undefined;
  onDeleteRequest: (event: DeleteRequestEvent) => void;
  onQueued: (event: ResponseQueuedEvent) => void;
}

/**
 * The dialog is rendered the first time someone asks for it, not on every mount: closed, it is
 * an element, a shadow root and a form that the table's first paint would wait for. The update
 * that adds it runs at once, so the dialog is there when the click that asked for it returns.
 * Its module loads on demand: on a warm page it is defined and `show` runs in the same task; on
 * a cold one the element in the tab upgrades when the module arrives, and `show` runs then.
 */
export class DialogOpener {
  #host: ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };
  /** Runs the host's pending update now (its `performUpdate()`). */
  #updateNow: () => void;
  /** Whether Add Response or Update Status has been asked for yet. */
  #wanted = false;

  constructor(host: ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment }, updateNow: () => void) {
    this.#host = host;
    this.#updateNow = updateNow;
  }

  open(show: (dialog: AddResponseDialog) => void): void {
    if (!this.#wanted) {
      this.#wanted = true;
      this.#host.requestUpdate();
      this.#updateNow();
    }
    if (customElements.get(DIALOG_TAG)) return show(this.#dialog);
    loadElement(DIALOG_TAG).then(
      () => show(this.#dialog),
      (error: unknown) => console.warn('campaign-response-kit: the dialog did not load', error),
    );
  }

  /** Add Response's click: New Campaign Response, focus back on the button when it closes. */
  onAdd = (event: Event): void => {
    const opener = event.currentTarget as HTMLElement;
    this.open((dialog) => void dialog.showNew(opener));
  };

  /** Update Status of one campaign event, focus back on `opener` when it closes. */
  showUpdate(campaignId: string, eventId: string, opener: HTMLElement): void {
    this.open((dialog) => void dialog.showUpdate(campaignId, eventId, opener));
  }

  get #dialog(): AddResponseDialog {
    return this.#host.renderRoot.querySelector(DIALOG_TAG) as AddResponseDialog;
  }

  render(ctx: TabDialogContext): unknown {
    if (!this.#wanted) return nothing;
    return html`<add-response-dialog
      exportparts=${DIALOG_EXPORTPARTS}
      .dataClient=${ctx.client}
      .campaigns=${ctx.campaigns}
      .vocabulary=${ctx.vocabulary}
      recipient-id=${ctx.recipientId ?? ''}
      @cr-delete-request=${ctx.onDeleteRequest}
      @cr-response-queued=${ctx.onQueued}
    ></add-response-dialog>`;
  }
}
