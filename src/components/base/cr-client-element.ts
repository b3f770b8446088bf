import { property } from 'lit/decorators.js';
import { AuthError } from '../../adapter/errors.js';
import { AuthRequiredEvent } from '../../events/auth-required.js';
import { CrElement } from './cr-element.js';

/**
 * An element that hosts a client of its own when nothing gives it one: the REST backend's base
 * and the bearer token, declared once for the recipient side and the campaign side alike, and the
 * one way such an element reports a failed load.
 */
export class CrClientElement extends CrElement {
  /** Base URL of the REST backend, for use without a provider, e.g. `/api`. */
  @property({ attribute: 'api-base' }) apiBase: string | undefined;

  /** The bearer token for the element's own REST client (with `api-base`). Setting it retries a failed load. */
  @property({ attribute: false }) token: string | undefined;

  /** Supplies the bearer token per request, for the element's own REST client (with `api-base`). */
  @property({ attribute: false }) getToken: (() => Promise<string | null | undefined>) | undefined;

  /**
   * Whether others' changes and tracked hits show as they happen (the data client's change stream,
   * where the backend has one). `false` (attribute `live="off"`) shows what was loaded, and this
   * page's own changes.
   */
  @property({ converter: { fromAttribute: (value: string | null) => value !== 'off' && value !== 'false' } }) live = true;

  /** Tells the host when `error` is an AuthError, with a way to retry (a LoadController's `failed`). */
  protected announceFailure(error: unknown, retry: () => void): void {
    if (error instanceof AuthError) this.emit(new AuthRequiredEvent(error, retry));
  }

  /** Rethrows `error`, first telling the host when it is an AuthError, with a way to retry. */
  protected reportFailure(error: unknown, retry: () => void): never {
    this.announceFailure(error, retry);
    throw error;
  }
}
