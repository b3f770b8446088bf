import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import type { Localizer } from '../../i18n/localizer.js';
import type { MessageKey } from '../../i18n/en.js';
import { pendingTranslation, type MessageParams } from '../../i18n/translate.js';
import { LocaleController } from './locale-controller.js';

/**
 * The kit's base element: a typed `emit()` for the event classes of `src/events/`, and its
 * language and time zone. The language is `lang` on the element or its nearest ancestor (through
 * shadow roots); strings fall back from `de-AT` to `de` to English; dates, times, numbers, money
 * and percentages are formatted with Intl in that language. Changing `lang` or `time-zone` on any
 * ancestor re-renders the element.
 */
export class CrElement extends LitElement {
  /**
   * IANA time zone in which dates and times are shown and entered (e.g. `Europe/Berlin`); else
   * `time-zone` on the nearest ancestor, else the kit's (`setDefaultTimeZone()`), else the browser's.
   */
  @property({ attribute: 'time-zone', reflect: true }) timeZone: string | undefined;

  readonly #locale = new LocaleController(this);

  /** The element's strings and Intl formats, in its language and time zone. */
  protected get localizer(): Localizer {
    return this.#locale.localizer;
  }

  /** A string of the element's language with its `{name}` parameters filled in. */
  protected t(key: MessageKey, params?: MessageParams): string {
    return this.#locale.localizer.t(key, params);
  }

  /**
   * The first render waits while the element's language is still loading (German under
   * `lang="de"` on a first visit, a moment), so it never shows English first and then German. A
   * load that fails renders English. Later changes of language render at once, then again.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const loading = this.hasUpdated ? undefined : pendingTranslation(this.#locale.localizer.lang);
    return loading ? loading.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  /** Dispatches `event` from this element; returns false when a listener cancelled it. */
  protected emit<E extends Event>(event: E): boolean {
    return this.dispatchEvent(event);
  }
}
