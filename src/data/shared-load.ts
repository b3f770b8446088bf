import { raceAbort } from './abort.js';

/**
 * One load shared by every caller (a vocabulary, a campaign list): made once, again only after it
 * failed or when a caller asks for a fresh one. A caller that gives up stops waiting; the load goes
 * on for the others.
 */
export class SharedLoad<T> {
  readonly #load: () => Promise<T>;
  #loading: Promise<T> | undefined;

  constructor(load: () => Promise<T>) {
    this.#load = load;
  }

  get(signal?: AbortSignal, fresh = false): Promise<T> {
    if (!this.#loading || fresh) {
      const loading = this.#load();
      this.#loading = loading;
      loading.catch(() => {
        if (this.#loading === loading) this.#loading = undefined;
      });
    }
    return raceAbort(this.#loading, signal);
  }
}
