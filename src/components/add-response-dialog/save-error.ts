import { ValidationError } from '../../adapter/errors.js';
import { OutboxStorageError } from '../../offline/errors.js';
import type { Localizer } from '../../i18n/localizer.js';
import { errorMessage } from '../base/states.js';
import { fieldOfServerError } from './response-form.js';
import type { FieldErrors } from './response-form.js';

/** What the dialog shows after a save failed, and where focus goes. */
export interface SaveErrorOutcome {
  formError: string;
  /** The fields the server named, when it named any. */
  errors?: FieldErrors;
  /** `form-error`: the message; `invalid`: the first field in error; none: focus stays. */
  focus?: 'form-error' | 'invalid';
  /** Whether the host is told (`reportFailure()`), so it can sign in again or retry. */
  report: boolean;
}

export function saveErrorOutcome(error: unknown, l: Localizer): SaveErrorOutcome {
  if (error instanceof OutboxStorageError) {
    // Not stored on this device: nothing was saved, and the form keeps every entry.
    const formError = error.kind === 'quota' ? l.t('offline.saveFailed.quota') : l.t('offline.saveFailed.other', { message: error.message });
    return { formError, focus: 'form-error', report: false };
  }
  if (error instanceof ValidationError && error.fields.length > 0) {
    const errors: FieldErrors = {};
    const unplaced: string[] = [];
    for (const { field, message } of error.fields) {
      const name = fieldOfServerError(field);
      if (name) errors[name] = message;
      else unplaced.push(message);
    }
    const formError = unplaced.length ? l.t('dialog.saveFailed', { message: unplaced.join('; ') }) : l.t('dialog.fixErrors');
    return { formError, errors, focus: 'invalid', report: false };
  }
  return { formError: l.t('dialog.saveFailed', { message: errorMessage(error, l) }), report: true };
}

/** The focused element, looking into open shadow roots (the opener is often inside one). */
export function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}
