/**
 * Optional operations for entering many responses at once. A backend without them gives the same
 * results line by line through the ordinary reads and writes (see `src/data/bulk-lookup.ts`), only
 * slower: a host's own adapter keeps compiling, and one that can answer in bulk adds these methods
 * and says so in its capabilities (`batchAdd`, `recipientLookup`, `respondedQuery`).
 */
import type { CallOptions } from './types.js';
import type { AdapterError } from './errors.js';
import type { NewResponseLine, Recipient, ResponseLine } from '../model/types.js';

/** Which recipients already have a response: one event, one detail, a list of recipients. */
export interface RespondedQuery extends CallOptions {
  campaignId: string;
  eventId: string;
  detailId: string;
  recipientIds: readonly string[];
}

/** One line's outcome in a batch, at the line's position in the call. */
export type BatchLineOutcome =
  /** Stored now, or (`already-stored`) the same line was stored before: nothing was written twice. */
  | { id: string; outcome: 'stored' | 'already-stored'; line: ResponseLine }
  /** Refused, with the typed error a single `addResponse` of it would have rejected with. */
  | { id: string | null; outcome: 'refused'; error: AdapterError };

/**
 * What an adapter adds to `CampaignResponseAdapter` to enter many responses at once; each method
 * is used only where `capabilities` declares it (its flag is named with it).
 */
export interface BulkResponseOperations {
  /**
   * Adds many lines in as few requests as the backend allows, each idempotent by its id exactly as
   * `addResponse`: resolves with every line's outcome in `lines`' order (a refused line does not
   * refuse the others); rejects only when a request as a whole failed. Capability `batchAdd`.
   */
  addResponses?(lines: readonly NewResponseLine[], options?: CallOptions): Promise<BatchLineOutcome[]>;
  /**
   * The recipients whose id or email (any case) is one of `keys`, every match of an ambiguous key
   * included; a key that matches nobody is simply not answered for. Capability `recipientLookup`.
   */
  lookupRecipients?(keys: readonly string[], options?: CallOptions): Promise<Recipient[]>;
  /** The ids, among `recipientIds`, that have a line of this detail on this event. Capability `respondedQuery`. */
  alreadyResponded?(query: RespondedQuery): Promise<string[]>;
}

/** How many lines, keys or recipients one bulk request carries (the reference server's limit). */
export const BULK_CALL_SIZE = 1000;
