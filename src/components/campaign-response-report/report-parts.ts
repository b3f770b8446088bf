/**
 * Pieces both campaign reports share: numbers and byte sizes through Intl, a time as `<time datetime>`
 * in the user's zone, and the failure state with the campaign's own "not found" wording.
 */
import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { formatInstant } from '../../i18n/datetime.js';
import { t } from '../../i18n/translate.js';
import type { MessageKey } from '../../i18n/en.js';
import { errorMessage, failureKind } from '../base/states.js';
import type { Instant } from '../../model/types.js';

let numbers: Intl.NumberFormat | undefined;

/** A count in the user's locale (`1,234`). */
export function formatCount(value: number): string {
  numbers ??= new Intl.NumberFormat();
  return numbers.format(value);
}

const sizeFormats = new Map<string, Intl.NumberFormat>();

/** A byte count in the largest unit that keeps it above 1 (`512 byte`, `1.5 kB`, `12 MB`). */
export function formatBytes(bytes: number): string {
  const [unit, divisor] =
    bytes >= 1_000_000_000 ? ['gigabyte', 1e9] : bytes >= 1_000_000 ? ['megabyte', 1e6] : bytes >= 1000 ? ['kilobyte', 1e3] : ['byte', 1];
  let format = sizeFormats.get(unit as string);
  if (!format) {
    format = new Intl.NumberFormat(undefined, { style: 'unit', unit: unit as string, unitDisplay: 'short', maximumFractionDigits: 1 });
    sizeFormats.set(unit as string, format);
  }
  return format.format(bytes / (divisor as number));
}

/** An instant for people, in the user's time zone, with the machine-readable instant beside it. */
export function renderTime(instant: Instant, part: string): TemplateResult {
  return html`<time part=${part} datetime=${instant}>${formatInstant(instant)}</time>`;
}

/** Error, campaign not found, or no permission: an announced message and Retry. */
export function renderReportFailure(error: unknown, retry: () => void, notFoundKey: MessageKey): TemplateResult {
  const kind = failureKind(error);
  const message = kind === 'auth' ? t('state.auth') : kind === 'not-found' ? t(notFoundKey) : t('state.error', { message: errorMessage(error) });
  return html`<div class="state ${kind}" part=${kind === 'error' ? 'error' : `error ${kind}`}>
    <p role="alert">${message}</p>
    <button type="button" part="retry-button" @click=${retry}>${t('state.retry')}</button>
  </div>`;
}
