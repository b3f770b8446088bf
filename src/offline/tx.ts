/** Helpers for the outbox's short IndexedDB transactions (see `store.ts`). */

/**
 * A write whose outcome the transaction's `done` reports. If the transaction aborts, every such
 * request rejects as well; nobody awaits those, so they must not surface as unhandled.
 */
export function quiet(request: Promise<unknown>): void {
  request.catch(() => undefined);
}

export function abortQuietly(tx: { abort(): void }): void {
  try {
    tx.abort();
  } catch {
    // Already committed or aborted.
  }
}
