/**
 * What the person at the page may do, as one `can(action)` check for the elements. It starts from
 * what the backend says about the caller (GET /me through the adapter's optional `getMe`); a backend
 * that does not say leaves every action allowed and lets the server refuse. Limits added with
 * `limit()` narrow it further (what an adapter's backend can do at all), never widen it.
 */
import type { CallOptions } from '../adapter/types.js';
import type { Action, Me } from '../model/principal.js';

/** False for an action that a limit rules out, whatever the person's permissions. */
export type PermissionLimit = (action: Action) => boolean;

export class Permissions {
  #fetchMe: ((options?: CallOptions) => Promise<Me | undefined>) | undefined;
  #me: Me | undefined;
  #loading: Promise<Me | undefined> | undefined;
  #limits = new Set<PermissionLimit>();

  constructor(fetchMe?: (options?: CallOptions) => Promise<Me | undefined>) {
    this.#fetchMe = fetchMe;
  }

  /** The caller as the backend described them, once loaded; undefined when it does not say. */
  get me(): Me | undefined {
    return this.#me;
  }

  /**
   * Asks the backend once who the caller is. A failure (offline, a backend without /me) is not an
   * answer: everything stays allowed, and the next call asks again.
   */
  load(options: CallOptions = {}): Promise<Me | undefined> {
    if (!this.#fetchMe) return Promise.resolve(undefined);
    const loading = (this.#loading ??= this.#fetchMe({}).then(
      (me) => (this.#me = me),
      () => {
        this.#loading = undefined;
        return undefined;
      },
    ));
    // One element giving up must not cancel the shared question; it only stops waiting.
    return options.signal
      ? Promise.race([loading, new Promise<undefined>((resolve) => options.signal?.addEventListener('abort', () => resolve(undefined), { once: true }))])
      : loading;
  }

  can(action: Action): boolean {
    if (this.#me && !this.#me.permissions.includes(action)) return false;
    for (const allows of this.#limits) if (!allows(action)) return false;
    return true;
  }

  /** Narrows `can()`; the returned function removes the limit again. */
  limit(allows: PermissionLimit): () => void {
    this.#limits.add(allows);
    return () => this.#limits.delete(allows);
  }
}
