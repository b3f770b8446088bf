import type { AuthError } from '../adapter/errors.js';

/**
 * `cr-auth-required`: the backend answered 401 or 403. A host refreshes its token and then calls
 * `event.retryAfter(promise)` (or sets the element's `token`): the element retries once the promise
 * settles. Without an answer the element shows its "no permission" state with a Retry button.
 */
export class AuthRequiredEvent extends Event {
  static readonly type = 'cr-auth-required';
  readonly error: AuthError;
  #retry: () => void;
  constructor(error: AuthError, retry: () => void) {
    super(AuthRequiredEvent.type, { bubbles: true, composed: true });
    this.error = error;
    this.#retry = retry;
  }

  /** Retries the failed load once `refreshed` settles (e.g. the promise of a new token). */
  retryAfter(refreshed: Promise<unknown>): void {
    const retry = this.#retry;
    void refreshed.finally(() => retry()).catch(() => undefined);
  }
}
