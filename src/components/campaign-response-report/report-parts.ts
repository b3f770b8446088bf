/**
 * Pieces both campaign reports share: a time as `<time datetime>` in the element's language and zone, and the failure state with the campaign's own "not found" wording.
 */
import { html } from 'lit';
import type { TemplateResult } from 'lit';
import type { Localizer } from '../../i18n/localizer.js';
import type { MessageKey } from '../../i18n/en.js';
import { errorMessage, failureKind } from '../base/states.js';
import type { Instant } from '../../model/types.js';

/** An instant for people, in the element's language and time zone, with the machine-readable instant beside it. */
export function renderTime(l: Localizer, instant: Instant, part: string): TemplateResult {
  return html`<time part=${part} datetime=${instant}>${l.instant(instant)}</time>`;
}

/** Error, campaign not found, or no permission: an announced message and Retry. */
export function renderReportFailure(l: Localizer, error: unknown, retry: () => void, notFoundKey: MessageKey): TemplateResult {
  const kind = failureKind(error);
  const message = kind === 'auth' ? l.t('state.auth') : kind === 'not-found' ? l.t(notFoundKey) : l.t('state.error', { message: errorMessage(error, l) });
  return html`<div class="state ${kind}" part=${kind === 'error' ? 'error' : `error ${kind}`}>
    <p role="alert">${message}</p>
    <button type="button" part="retry-button" @click=${retry}>${l.t('state.retry')}</button>
  </div>`;
}
