/** An `AbortError` DOMException, as `fetch` rejects with. */
export function abortError(): DOMException {
  return new DOMException('The operation was aborted.', 'AbortError');
}

/** Settles like `promise`, or rejects with an AbortError as soon as `signal` aborts. */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(abortError());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortError());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/**
 * Request cancellation for one view (an element): one AbortController per slot ("campaigns",
 * "history", ...). Starting a load in a slot aborts the load that slot still had in flight, so an
 * older answer can never overwrite a newer one; `abortAll()` runs when the view goes away.
 * @deprecated The elements cancel their loads with their LoadController; kept one release.
 */
export class RequestSlots {
  #controllers = new Map<string, AbortController>();

  /** A fresh signal for `slot`, aborting the previous one; also aborts when `outer` does. */
  next(slot: string, outer?: AbortSignal): AbortSignal {
    this.#controllers.get(slot)?.abort();
    const controller = new AbortController();
    this.#controllers.set(slot, controller);
    return outer ? AbortSignal.any([controller.signal, outer]) : controller.signal;
  }

  abort(slot: string): void {
    this.#controllers.get(slot)?.abort();
    this.#controllers.delete(slot);
  }

  abortAll(): void {
    for (const controller of this.#controllers.values()) controller.abort();
    this.#controllers.clear();
  }
}
