import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { AuthError, NotFoundError, isAdapterError } from '../../adapter/errors.js';
import { t } from '../../i18n/translate.js';

/**
 * The loading placeholder: as many skeleton lines as the content is expected to take, so the
 * layout does not jump when it arrives.
 */
export function renderLoading(lines = 3): TemplateResult {
  return html`<div class="state loading" part="loading" role="status" aria-live="polite">
    <span class="visually-hidden">${t('state.loading')}</span>
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

export function errorMessage(error: unknown): string {
  if (isAdapterError(error) || error instanceof Error) return error.message;
  return String(error);
}

/** Error, not found, or no permission: a message (announced) and a Retry button. */
export function renderFailure(error: unknown, retry: () => void): TemplateResult {
  const kind = failureKind(error);
  const message =
    kind === 'auth' ? t('state.auth') : kind === 'not-found' ? t('state.notFound') : t('state.error', { message: errorMessage(error) });
  return html`<div class="state ${kind}" part=${kind === 'error' ? 'error' : `error ${kind}`}>
    <p role="alert">${message}</p>
    <button type="button" part="retry-button" @click=${retry}>${t('state.retry')}</button>
  </div>`;
}

/** No client: neither a dataClient, nor a provider, nor configureCampaignKit, nor api-base. */
export function renderNoClient(): TemplateResult {
  return html`<div class="state error" part="error"><p role="alert">${t('state.noClient')}</p></div>`;
}
