/** Typed failures of the outbox's own storage (not of sending: those are recorded on the operation). */

/**
 * - `quota`: the browser refused to store more (QuotaExceededError): the edit is NOT saved;
 * - `unavailable`: IndexedDB is missing or cannot be opened (private mode, disabled, blocked);
 * - `closed`: the outbox was closed;
 * - `not-allowed`: the operation is in a state that does not allow it (discarding an inflight edit);
 * - `unknown`: any other storage failure; the edit is not saved.
 */
export type OutboxStorageErrorKind = 'quota' | 'unavailable' | 'closed' | 'not-allowed' | 'unknown';

/**
 * Rejected by `enqueue()` when the edit could not be made durable: the caller must keep the form
 * filled and must not say "saved".
 */
export class OutboxStorageError extends Error {
  override name = 'OutboxStorageError';
  readonly kind: OutboxStorageErrorKind;

  constructor(kind: OutboxStorageErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.kind = kind;
  }
}

/** Maps whatever IndexedDB threw to an `OutboxStorageError`. */
export function toStorageError(error: unknown, doing: string): OutboxStorageError {
  if (error instanceof OutboxStorageError) return error;
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  if (name === 'QuotaExceededError') {
    return new OutboxStorageError('quota', `${doing}: the browser's storage for this site is full`, { cause: error });
  }
  if (name === 'InvalidStateError') {
    return new OutboxStorageError('closed', `${doing}: the offline store was closed`, { cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new OutboxStorageError('unknown', `${doing}: ${message}`, { cause: error });
}
