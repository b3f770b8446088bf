import type { ReactiveControllerHost } from 'lit';
import type { CampaignDataClient } from '../../data/data-client.js';
import type { SyncStatus } from '../../data/sync.js';
import type { Localizer } from '../../i18n/localizer.js';
import { errorMessage } from '../base/states.js';

/** What the actions need of the status element. */
export interface ProblemActionsDeps {
  client: () => CampaignDataClient | undefined;
  localizer: () => Localizer;
  /** Reads the status again. */
  refresh: () => Promise<void>;
  root: () => HTMLElement | DocumentFragment;
}

/**
 * Retry and Discard on the edits that need a person: Discard asks first (Discard edit, Keep it), a
 * failed action is said, and focus stays in the element when the edit leaves the list.
 */
export class ProblemActions {
  /** The edit whose Discard asks for confirmation. */
  confirming: string | undefined;
  /** The edit a Retry or Discard works on. */
  busy: string | undefined;
  /** A Retry or Discard (or a read of the status) that did not work, in words. */
  error = '';
  #host: ReactiveControllerHost;
  #deps: ProblemActionsDeps;

  constructor(host: ReactiveControllerHost, deps: ProblemActionsDeps) {
    this.#host = host;
    this.#deps = deps;
  }

  /** The status was read again: the question about an edit no longer there goes. */
  seen(status: SyncStatus): void {
    if (this.confirming && !status.problems.some((p) => p.opId === this.confirming)) this.#set({ confirming: undefined });
  }

  failed(error: unknown): void {
    this.#set({ error: this.#deps.localizer().t('sync.actionFailed', { message: errorMessage(error, this.#deps.localizer()) }) });
  }

  /** The list's one click listener, for every edit's buttons. */
  onClick = (event: Event): void => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button[data-action]');
    const opId = button?.closest('[data-op]')?.getAttribute('data-op');
    const client = this.#deps.client();
    if (!button || !opId || !client) return;
    switch (button.dataset.action) {
      case 'retry':
        void this.#act(opId, () => client.retryEdit(opId));
        break;
      case 'discard':
        this.#set({ confirming: opId });
        void this.#host.updateComplete.then(() => this.#focusIn(opId, '[data-action="keep"]'));
        break;
      case 'keep':
        this.#set({ confirming: undefined });
        void this.#host.updateComplete.then(() => this.#focusIn(opId, '[data-action="discard"]'));
        break;
      case 'confirm-discard':
        void this.#act(opId, () => client.discardEdit(opId));
        break;
    }
  };

  async #act(opId: string, action: () => Promise<void>): Promise<void> {
    this.#set({ busy: opId, error: '' });
    try {
      await action();
      this.#set({ confirming: undefined });
    } catch (error) {
      this.failed(error);
    } finally {
      this.#set({ busy: undefined });
    }
    await this.#deps.refresh();
    // The edit left the list (or changed): focus stays in the element, on the toggle.
    const root = this.#deps.root();
    if (!root.querySelector(`[data-op="${CSS.escape(opId)}"]`)) root.querySelector<HTMLElement>('[part~="toggle"]')?.focus();
  }

  #focusIn(opId: string, selector: string): void {
    this.#deps.root().querySelector<HTMLElement>(`[data-op="${CSS.escape(opId)}"] ${selector}`)?.focus();
  }

  #set(changes: Partial<Pick<ProblemActions, 'confirming' | 'busy' | 'error'>>): void {
    Object.assign(this, changes);
    this.#host.requestUpdate();
  }
}
