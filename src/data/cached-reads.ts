/**
 * Stale-while-revalidate over the read cache, for the offline reads: which
 * answer a read gets, the server's or the one last stored on this device, and when a late server
 * answer replaces a stored one.
 */
import { isAbortError, isAdapterError } from '../adapter/errors.js';
import type { ReadCache } from '../offline/read-cache.js';

/** How long a server answer that replaced a cached list waits for the re-read it caused. */
const FRESH_FOR_MS = 5000;

/** A failure that says nothing against the request, only that it did not get through (or the server is down). */
export function isUnreachable(error: unknown): boolean {
  if (isAbortError(error)) return false;
  return isAdapterError(error) ? error.retryable : true;
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface CachedReadsOptions {
  cache: ReadCache;
  /** How long, on a list's first read in this page, the server may take before the cache is shown. */
  graceMs: number;
  /** Whether the last requests did not get through: then the cache answers at once. */
  offline: () => boolean;
  /** A late server answer replaced a list shown from the cache: the recipient's elements read again. */
  refreshed: (recipientId: string) => void;
}

export type CachedAnswer<T> = { value: T; asOf?: number };

export class CachedReads {
  readonly #options: CachedReadsOptions;
  /** Lists read from the server in this page: later reads go to the server first. */
  #warm = new Set<string>();
  /** A server answer that arrived after the cached list was shown, for the re-read it caused. */
  #fresh = new Map<string, { recipientId: string | undefined; value: unknown; at: number }>();
  /** Lists being revalidated in the background: one request per list at a time. */
  #revalidating = new Set<string>();

  constructor(options: CachedReadsOptions) {
    this.#options = options;
  }

  /**
   * A list not yet read from the server in this page, or any list while requests do not get
   * through, is answered from the cache when the server is not quick; the server's answer, when
   * it comes, is stored and the elements told to read again. Otherwise the server answers, and the
   * cache stands in only when it cannot be reached. `asOf` marks an answer from the cache.
   */
  async read<T>(key: string, recipientId: string | undefined, fetch: (signal?: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<CachedAnswer<T>> {
    const fresh = this.#fresh.get(key);
    this.#fresh.delete(key);
    if (fresh && Date.now() - fresh.at < FRESH_FOR_MS) return { value: fresh.value as T };
    const offline = this.#options.offline();
    if (!offline && this.#warm.has(key)) return this.#fromServer(key, fetch(signal));
    // Offline, the request is only a probe: it must outlive this element's interest in it.
    const request = fetch(offline ? undefined : signal);
    const settled = request.then(
      () => true,
      () => true,
    );
    const quick = await Promise.race([settled, delay(offline ? 0 : this.#options.graceMs).then(() => false)]);
    if (quick) return this.#fromServer(key, request);
    const cached = await this.#options.cache.get<T>(key);
    if (!cached) return this.#fromServer(key, request);
    if (!this.#revalidating.has(key)) {
      this.#revalidating.add(key);
      request
        .then(
          (value) => {
            this.#stored(key, value);
            this.#fresh.set(key, { recipientId, value, at: Date.now() });
            if (recipientId !== undefined) this.#options.refreshed(recipientId);
          },
          () => undefined,
        )
        .finally(() => this.#revalidating.delete(key));
    }
    return { value: cached.value, asOf: cached.storedAt };
  }

  /** The recipient's data changed: a late server answer kept for a re-read is out of date. */
  forget(recipientId: string): void {
    for (const [key, entry] of this.#fresh) if (entry.recipientId === recipientId) this.#fresh.delete(key);
  }

  async #fromServer<T>(key: string, request: Promise<T>): Promise<CachedAnswer<T>> {
    try {
      const value = await request;
      this.#stored(key, value);
      return { value };
    } catch (error) {
      if (!isUnreachable(error)) throw error;
      const cached = await this.#options.cache.get<T>(key);
      if (!cached) throw error;
      return { value: cached.value, asOf: cached.storedAt };
    }
  }

  #stored(key: string, value: unknown): void {
    this.#warm.add(key);
    void this.#options.cache.put(key, value);
  }
}
