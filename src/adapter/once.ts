/**
 * Never applied twice, on a backend with no `Idempotency-Key`: a create whose answer was lost is
 * sent again by the outbox, and the backend then answers "already exists" (json-server's 500,
 * Dataverse's duplicate key, Salesforce's DUPLICATE_VALUE), or might even make a second record when
 * the create carries no id of ours. So before giving up on a create, the line is read back by its
 * id: held and equal to ours, the create succeeded (its first answer was lost); held and different,
 * it is a conflict for a person; not held, the create's own error stands.
 */
import { ConflictError, NotFoundError, isAbortError, type AdapterError } from './errors.js';

export interface CreateOnce<Stored> {
  /** Sends the create; resolves with what was stored. */
  create: () => Promise<Stored>;
  /** The stored record with our id, or `undefined` when the backend holds none. */
  readBack: () => Promise<Stored | undefined>;
  /** Whether the stored record is the one we sent (same detail, instant, note…). */
  equal: (stored: Stored) => boolean;
  /**
   * Which failures of `create` may hide a record that is already there: by default every failure
   * with an answer that is no auth problem or validation error, and a lost answer (unavailable).
   */
  mayExist?: (error: AdapterError) => boolean;
  operation: string;
}

const defaultMayExist = (error: AdapterError) =>
  error.kind === 'conflict' || error.kind === 'unavailable' || error.kind === 'bad-request' || error.kind === 'malformed';

export async function createOnce<Stored>(steps: CreateOnce<Stored>): Promise<Stored> {
  try {
    return await steps.create();
  } catch (error) {
    if (isAbortError(error) || !isAdapterErrorLike(error) || !(steps.mayExist ?? defaultMayExist)(error)) throw error;
    let stored: Stored | undefined;
    try {
      stored = await steps.readBack();
    } catch (readError) {
      // A failed read-back says nothing about the create; its own error is the one to retry on.
      if (readError instanceof NotFoundError) stored = undefined;
      else throw error;
    }
    if (stored === undefined) throw error;
    if (steps.equal(stored)) return stored;
    throw new ConflictError(`${steps.operation}: the backend holds another line with this id`, { cause: error });
  }
}

function isAdapterErrorLike(error: unknown): error is AdapterError {
  return typeof error === 'object' && error !== null && 'kind' in error && typeof (error as AdapterError).kind === 'string';
}
