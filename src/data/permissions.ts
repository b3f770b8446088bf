/**
 * What the person at the page may do, as one `can(action)` check for the elements. It starts from
 * what the backend says about the caller (GET /me through the adapter's optional `getMe`); a backend
 * that does not say leaves every action allowed and lets the server refuse. Limits added with
 * `limit()` narrow it further (what an adapter's backend can do at all), never widen it.
 */
import type { CallOptions } from '../adapter/types.js';
import { canDo, type BackendAction, type BackendCapabilities, type CapabilityAnswer, type CapabilityNote, type CapabilityReason } from '../adapter/capabilities.js';
import type { Action, Me } from '../model/principal.js';

/**
 * What a limit says of an action, whatever the person's permissions: false (or a refusal with its
 * reason) rules it out; a `note` allows it with something a person must know first.
 */
export type PermissionLimit = (action: Action) => boolean | CapabilityAnswer;

/**
 * `check(action)`'s answer. A refusal says by whom, so an element can say why: the person lacks the
 * permission, or the backend cannot do it at all (`reason` a `capability.*` key; absent when a
 * limit only said false).
 */
export type ActionAnswer =
  | { allowed: true; note?: CapabilityNote }
  | { allowed: false; by: 'permission' }
  | { allowed: false; by: 'backend'; reason?: CapabilityReason };

/** The kit's actions as a backend's capabilities name them; the others need nothing of the backend. */
const BACKEND_ACTIONS: Partial<Record<Action, BackendAction>> = { read: 'viewHistory', write: 'add', delete: 'deleteAll' };

/** The limit of a backend's declared capabilities (see `canDo()`). */
export const capabilityLimit =
  (capabilities: BackendCapabilities): PermissionLimit =>
  (action) => {
    const backendAction = BACKEND_ACTIONS[action];
    return backendAction ? canDo(capabilities, backendAction) : true;
  };

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
    return this.check(action).allowed;
  }

  /**
   * Whether `action` is possible, and if not, why. The backend is asked first: where it cannot do
   * something at all, saying that the person lacks a permission would send them asking for it.
   */
  check(action: Action): ActionAnswer {
    let note: CapabilityNote | undefined;
    for (const limit of this.#limits) {
      const answer = limit(action);
      if (answer === false) return { allowed: false, by: 'backend' };
      if (answer === true) continue;
      if (!answer.allowed) return { allowed: false, by: 'backend', reason: answer.reason };
      note ??= answer.note;
    }
    if (this.#me && !this.#me.permissions.includes(action)) return { allowed: false, by: 'permission' };
    return note ? { allowed: true, note } : { allowed: true };
  }

  /** Narrows `can()`; the returned function removes the limit again. */
  limit(allows: PermissionLimit): () => void {
    this.#limits.add(allows);
    return () => this.#limits.delete(allows);
  }
}
