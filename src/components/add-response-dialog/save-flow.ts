import type { ReactiveControllerHost } from 'lit';
import type { CampaignDataClient } from '../../data/data-client.js';
import { queuedOpOf } from '../../data/marks.js';
import { ResponseQueuedEvent } from '../../events/response-queued.js';
import { ResponseSavedEvent } from '../../events/response-saved.js';
import { ResponseSubmitEvent } from '../../events/response-submit.js';
import type { Localizer } from '../../i18n/localizer.js';
import type { NewResponseLine, RecipientCampaign } from '../../model/types.js';
import { FIELD_ORDER, draftFromForm, sameValues, validateResponseForm } from './response-form.js';
import type { FieldErrors, ResponseFormValues } from './response-form.js';
import { saveErrorOutcome } from './save-error.js';

/** What Save needs of the dialog. */
export interface SaveFlowOptions {
  client: () => CampaignDataClient | undefined;
  recipientId: () => string | undefined;
  localizer: () => Localizer;
  values: () => ResponseFormValues;
  campaigns: () => RecipientCampaign[] | undefined;
  root: () => HTMLElement | DocumentFragment;
  /** The dialog's `emit()`: false when a listener cancelled the event. */
  emit: (event: Event) => boolean;
  /** Tells the host (its `reportFailure()`), so it can sign in again or retry. */
  report: (error: unknown, retry: () => void) => void;
  /** The line is stored (or queued): the dialog closes. */
  saved: () => void;
}

/** Save: validation, the line sent once per input, and what a failure shows (messages and focus). */
export class SaveFlow {
  errors: FieldErrors = {};
  formError = '';
  saving = false;
  #host: ReactiveControllerHost;
  #options: SaveFlowOptions;
  /** The last line sent, reused while the input is unchanged so a retry keeps its id. */
  #lastAttempt: { values: ResponseFormValues; line: NewResponseLine } | undefined;

  constructor(host: ReactiveControllerHost, options: SaveFlowOptions) {
    this.#host = host;
    this.#options = options;
  }

  /** A fresh form: no errors, and the next Save sends a new line. */
  reset(): void {
    this.errors = {};
    this.formError = '';
    this.#lastAttempt = undefined;
    this.#host.requestUpdate();
  }

  /** The person changed `field`: its error goes. */
  edited(field: keyof FieldErrors): void {
    if (!this.errors[field]) return;
    this.errors = { ...this.errors, [field]: undefined };
    this.#host.requestUpdate();
  }

  submit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (this.saving) return;
    const { client: clientOf, recipientId: recipientOf, localizer, values: valuesOf, root, emit } = this.#options;
    const [client, recipientId, l, values] = [clientOf(), recipientOf(), localizer(), valuesOf()];
    const errors = validateResponseForm(l, values, l.timeZone, {
      campaigns: this.#options.campaigns(),
      dateIncomplete: root().querySelector<HTMLInputElement>('#respondedAt')?.validity.badInput ?? false,
    });
    if (!recipientId) errors.campaignId ??= l.t('validation.required');
    this.errors = errors;
    this.#host.requestUpdate();
    if (Object.values(errors).some(Boolean)) {
      this.formError = l.t('dialog.fixErrors');
      await this.#host.updateComplete;
      this.#focusFirstInvalid();
      return;
    }
    if (!client || !recipientId) return;
    const line = this.#lastAttempt && sameValues(this.#lastAttempt.values, values) ? this.#lastAttempt.line : client.createResponseLine(draftFromForm(recipientId, values, l.timeZone));
    this.#lastAttempt = { values, line };
    if (!emit(new ResponseSubmitEvent(line))) return;
    this.saving = true;
    this.formError = '';
    this.#host.requestUpdate();
    try {
      const saved = await client.addResponse(line);
      this.#options.saved();
      const queued = queuedOpOf(saved);
      emit(
        queued
          ? new ResponseQueuedEvent({ kind: 'add', opId: queued, recipientId: saved.recipientId, campaignId: saved.campaignId, line: saved })
          : new ResponseSavedEvent(saved),
      );
    } catch (error) {
      this.#showSaveError(error);
    } finally {
      this.saving = false;
      this.#host.requestUpdate();
    }
  };

  #showSaveError(error: unknown): void {
    const outcome = saveErrorOutcome(error, this.#options.localizer());
    if (outcome.report) {
      try {
        this.#options.report(error, () => this.#options.root().querySelector('form')?.requestSubmit());
      } catch {
        // reportFailure rethrows after telling the host; here the message is what matters.
      }
    }
    if (outcome.errors) this.errors = outcome.errors;
    this.formError = outcome.formError;
    this.#host.requestUpdate();
    if (outcome.focus === 'form-error') void this.#host.updateComplete.then(() => this.#options.root().querySelector<HTMLElement>('[part~="form-error"]')?.focus());
    else if (outcome.focus === 'invalid') void this.#host.updateComplete.then(() => this.#focusFirstInvalid());
  }

  #focusFirstInvalid(): void {
    const first = FIELD_ORDER.find((name) => this.errors[name]);
    const control = first && this.#options.root().querySelector<HTMLElement>(`#${first}`);
    (control ?? this.#options.root().querySelector<HTMLElement>('[part~="form-error"]'))?.focus();
  }
}
