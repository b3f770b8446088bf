import type { ReactiveControllerHost } from 'lit';
import { preloadElements } from '../base/lazy-elements.js';
import { HISTORY_TAG } from './preload.js';

/** Which campaigns of the tab show their history. */
export class CampaignExpansion {
  #host: ReactiveControllerHost;
  #expanded: ReadonlySet<string> = new Set();

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
  }

  get expanded(): ReadonlySet<string> {
    return this.#expanded;
  }

  toggle(campaignId: string): void {
    const next = new Set(this.#expanded);
    if (!next.delete(campaignId)) {
      next.add(campaignId);
      // The history element upgrades in place when its module arrives (at once on a warm page).
      preloadElements(HISTORY_TAG);
    }
    this.#expanded = next;
    this.#host.requestUpdate();
  }
}
