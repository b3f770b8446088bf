import type { ReactiveControllerHost } from 'lit';
import type { CloseReason } from '../../events/request-close.js';

export interface DiscardGuardDeps {
  /** Whether the input differs from what the dialog opened with. */
  dirty: () => boolean;
  /** Tells the host (a cancelable `cr-request-close`); false when the host prevented it. */
  announce: (reason: CloseReason) => boolean;
  close: () => void;
  /** Focuses the first match in the dialog's shadow root. */
  focus: (selector: string) => void;
}

/**
 * Escape, Cancel, ×: asks the host (cancelable event), then the person if input would be lost
 * ("discard the response you started?" in the footer, with Discard and Keep editing).
 */
export class DiscardGuard {
  #host: ReactiveControllerHost;
  #deps: DiscardGuardDeps;
  #asking = false;

  constructor(host: ReactiveControllerHost, deps: DiscardGuardDeps) {
    this.#host = host;
    this.#deps = deps;
  }

  /** Whether the footer asks "discard the response you started?". */
  get asking(): boolean {
    return this.#asking;
  }

  /** Stops asking, without moving focus (on opening and on closing). */
  reset(): void {
    this.#set(false);
  }

  request(reason: CloseReason): void {
    if (this.#asking) {
      if (reason === 'escape') this.keepEditing();
      return;
    }
    if (!this.#deps.announce(reason)) return;
    if (this.#deps.dirty()) {
      this.#set(true);
      void this.#host.updateComplete.then(() => this.#deps.focus('[data-discard="keep"]'));
    } else {
      this.#deps.close();
    }
  }

  keepEditing(): void {
    this.#set(false);
    void this.#host.updateComplete.then(() => this.#deps.focus('#respondedAt'));
  }

  onKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    // Handled here rather than on `cancel`: a prevented keydown never reaches the dialog's close
    // request, whereas `cancel` is not cancelable on a second Escape without user activation.
    event.preventDefault();
    this.request('escape');
  };

  onCancel = (event: Event) => {
    event.preventDefault();
    this.request('escape');
  };

  #set(asking: boolean): void {
    if (asking === this.#asking) return;
    this.#asking = asking;
    this.#host.requestUpdate();
  }
}
