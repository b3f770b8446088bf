import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { AuthError, NotFoundError, UnavailableError, isAdapterError } from '../../adapter/errors.js';
import type { Localizer } from '../../i18n/localizer.js';

/**
 * The loading placeholder: as many skeleton lines as the content is expected to take, so the
 * layout does not jump when it arrives.
 */
export function renderLoading(l: Localizer, lines = 3): TemplateResult {
  return html`<div class="state loading" part="loading" role="status" aria-live="polite">
    <span class="visually-hidden">${l.t('state.loading')}</span>
    <div class="skeleton" aria-hidden="true">${Array.from({ length: lines }, () => html`<span></span>`)}</div>
  </div>`;
}

/** The empty state: the host's text in `slot="empty"`, or the kit's. */
export function renderEmpty(text: string): TemplateResult {
  return html`<div class="state empty" part="empty"><slot name="empty">${text}</slot></div>`;
}

/** Which of the failure states an error calls for. */
export function failureKind(error: unknown): 'auth' | 'not-found' | 'error' {
  if (error instanceof AuthError) return 'auth';
  if (error instanceof NotFoundError) return 'not-found';
  return 'error';
}

/**
 * What a failure says to a person: the server's own words when it answered, and the kit's (in `l`'s
 * language) when the browser got no answer at all (the adapter's message then is for developers).
 */
export function errorMessage(error: unknown, l?: Localizer): string {
  if (l && error instanceof UnavailableError && error.originRefused) return l.t('error.originRefused', { origin: location.origin });
  if (l && isAdapterError(error) && error.kind === 'unavailable' && error.status === undefined && error.cause !== undefined) {
    return l.t('error.noAnswer');
  }
  if (isAdapterError(error) || error instanceof Error) return error.message;
  return String(error);
}

/** Error, not found, or no permission: a message (announced) and a Retry button. */
export function renderFailure(l: Localizer, error: unknown, retry: () => void): TemplateResult {
  const kind = failureKind(error);
  const message =
    kind === 'auth' ? l.t('state.auth') : kind === 'not-found' ? l.t('state.notFound') : l.t('state.error', { message: errorMessage(error, l) });
  return html`<div class="state ${kind}" part=${kind === 'error' ? 'error' : `error ${kind}`}>
    <p role="alert">${message}</p>
    <button type="button" part="retry-button" @click=${retry}>${l.t('state.retry')}</button>
  </div>`;
}

/**
 * No client: neither the element's property (`property`: `dataClient` or `reportsClient`; or
 * api-base), nor a provider, nor configureCampaignKit. Names all three, and where the README says how.
 * `waiting`: a provider above has no client yet (ClientController.waiting).
 */
export function renderNoClient(l: Localizer, property: 'dataClient' | 'reportsClient', waiting: boolean): TemplateResult {
  // Inside a provider still without a client: the host is making one (after its sign-in, say).
  if (waiting) return renderLoading(l);
  return html`<div class="state error" part="error"><p role="alert">${l.t('state.noClient', { property })}</p></div>`;
}
