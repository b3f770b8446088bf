import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CampaignDataClient } from '../../data/data-client.js';
import type { SyncEvent } from '../../data/sync.js';

/**
 * What the tab says after a save that went through the device's outbox: "Saved" once the server
 * has it, "Saved on this device…" only while it really waits (a send failed for want of a
 * connection, or no answer within a moment). Every save goes through the outbox when offline
 * edits are on, so the queued event alone says nothing about the connection.
 */
export type SavedNoticeState = 'none' | 'waiting' | 'saved';

/** How long a send may take before the edit counts as waiting. */
const WAITING_AFTER_MS = 1500;
const WAITING_SHOWN_MS = 8000;
const SAVED_SHOWN_MS = 4000;

export class SavedNotice implements ReactiveController {
  #host: ReactiveControllerHost;
  #state: SavedNoticeState = 'none';
  #opId: string | undefined;
  #unsubscribe: (() => void) | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  get state(): SavedNoticeState {
    return this.#state;
  }

  /** A save of this tab's dialog was queued as `opId`: follow it until the server has it. */
  queued(client: CampaignDataClient, opId: string): void {
    this.#stop();
    this.#state = 'none';
    this.#opId = opId;
    this.#unsubscribe = client.subscribeSync((event) => this.#onSync(event));
    this.#after(WAITING_AFTER_MS, () => this.#show('waiting', WAITING_SHOWN_MS));
    // A send may have failed for want of a connection before this tab heard of the edit.
    void client.getSyncStatus().then((status) => {
      if (this.#opId === opId && this.#state === 'none' && status.connectivity === 'offline') this.#show('waiting', WAITING_SHOWN_MS);
    });
  }

  hostDisconnected(): void {
    this.#stop();
    this.#state = 'none';
  }

  #onSync(event: SyncEvent): void {
    if (!('opId' in event) || event.opId !== this.#opId) return;
    if (event.type === 'delivered') {
      this.#show('saved', SAVED_SHOWN_MS);
      this.#unsubscribe?.();
      this.#unsubscribe = undefined;
    } else if (event.type === 'sync-failed') {
      // Not final: it waits for the connection. Final: the line's own mark says what failed.
      if (event.final) this.#hide();
      else this.#show('waiting', WAITING_SHOWN_MS);
    }
  }

  #show(state: SavedNoticeState, forMs: number): void {
    this.#state = state;
    this.#host.requestUpdate();
    this.#after(forMs, () => this.#hide());
  }

  #hide(): void {
    clearTimeout(this.#timer);
    this.#state = 'none';
    this.#host.requestUpdate();
  }

  #after(ms: number, then: () => void): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(then, ms);
  }

  #stop(): void {
    clearTimeout(this.#timer);
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#opId = undefined;
  }
}
