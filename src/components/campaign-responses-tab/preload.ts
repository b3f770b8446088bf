import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { preloadElements, whenIdle } from '../base/lazy-elements.js';

export const DIALOG_TAG = 'add-response-dialog';
export const HISTORY_TAG = 'response-history';

/** Which element a control of the tab opens, by its part: the dialog or a campaign's history. */
const NEEDS: Record<string, string> = { 'add-button': DIALOG_TAG, 'update-button': DIALOG_TAG, disclosure: HISTORY_TAG };

/**
 * Warms what the tab shows only on demand (see lazy-elements.ts), so that the first Add Response,
 * Update Status or disclosure click finds it loaded: once the page is idle after the tab's first
 * paint, and at once when the pointer is over, or the focus on, the control that needs it (a
 * keyboard user reaches the button before pressing it, a mouse user hovers before clicking).
 */
export class TabPreloader implements ReactiveController {
  #host: ReactiveControllerHost & HTMLElement;
  #painted: () => boolean;
  #idleAsked = false;

  constructor(host: ReactiveControllerHost & HTMLElement, painted: () => boolean) {
    this.#host = host;
    this.#painted = painted;
    host.addController(this);
  }

  hostConnected(): void {
    this.#host.addEventListener('pointerover', this.#onIntent);
    this.#host.addEventListener('focusin', this.#onIntent);
  }

  hostDisconnected(): void {
    this.#host.removeEventListener('pointerover', this.#onIntent);
    this.#host.removeEventListener('focusin', this.#onIntent);
  }

  hostUpdated(): void {
    // After the first paint with data, not before: the tab's own load comes first.
    if (this.#idleAsked || !this.#painted()) return;
    this.#idleAsked = true;
    whenIdle(() => preloadElements(DIALOG_TAG, HISTORY_TAG));
  }

  #onIntent = (event: Event) => {
    for (const node of event.composedPath()) {
      if (node === this.#host) return;
      const parts = node instanceof Element ? node.getAttribute('part')?.split(' ') : undefined;
      const tag = parts?.map((part) => NEEDS[part]).find(Boolean);
      if (tag) return preloadElements(tag);
    }
  };
}
