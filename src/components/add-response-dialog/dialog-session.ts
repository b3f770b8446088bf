import type { ReactiveControllerHost } from 'lit';
import { toZonedLocal } from '../../i18n/datetime.js';
import type { TimeZone } from '../../model/types.js';
import { sameValues } from './response-form.js';
import type { FieldName, ResponseFormValues } from './response-form.js';

const EMPTY: ResponseFormValues = { campaignId: '', eventId: '', respondedAtLocal: '', detailId: '', note: '' };

/**
 * One opening of the dialog, until it closes: New Campaign Response or Update Status, the input,
 * what it opened with (so a close knows whether input would be lost), and where focus returns.
 */
export class DialogSession {
  mode: 'new' | 'update' = 'new';
  values: ResponseFormValues = EMPTY;
  /** Between start() and end(): the fields exist only then (see the dialog's render()). */
  opened = false;
  #initial: ResponseFormValues = EMPTY;
  #opener: HTMLElement | null = null;
  #host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
  }

  /** Whether the input differs from what the dialog opened with. */
  get dirty(): boolean {
    return !sameValues(this.values, this.#initial);
  }

  /** A fresh form, dated now in `timeZone`; Update Status starts on its campaign event. Focus returns to `opener` at the end. */
  start(mode: 'new' | 'update', timeZone: TimeZone, target: { campaignId: string; eventId: string } | undefined, opener: HTMLElement | null): void {
    this.mode = mode;
    this.values = { ...EMPTY, ...target, respondedAtLocal: toZonedLocal(Date.now(), timeZone) };
    this.#initial = this.values;
    this.#opener = opener;
    this.opened = true;
    this.#host.requestUpdate();
  }

  /** The dialog closed: its fields go, and focus returns to what opened it, if it is still on the page. */
  end(): void {
    this.opened = false;
    const opener = this.#opener;
    this.#opener = null;
    this.#host.requestUpdate();
    if (opener?.isConnected) opener.focus();
  }

  /** The input is stored: closing now loses nothing. */
  saved(): void {
    this.#initial = this.values;
  }

  /** One field changed; answers the field as the server names it (whose error goes). */
  set(name: keyof ResponseFormValues, value: string): FieldName {
    const next = { ...this.values, [name]: value };
    // A campaign's events, and an event's details, depend on the choice before.
    if (name === 'campaignId') next.eventId = '';
    if (name === 'campaignId' || name === 'eventId') next.detailId = '';
    this.values = next;
    this.#host.requestUpdate();
    return name === 'respondedAtLocal' ? 'respondedAt' : name;
  }
}
