/**
 * Optional operations for entering many responses at once. A backend without them gives the same
 * results line by line through the ordinary reads (see `src/data/bulk-access.ts`), only slower: a
 * host's own adapter keeps compiling, and one that can answer in bulk adds these methods.
 */
import type { CallOptions } from './types.js';
import type { Recipient } from '../model/types.js';

/** Which recipients already have a response: one event, one detail, a list of recipients. */
export interface RespondedQuery extends CallOptions {
  campaignId: string;
  eventId: string;
  detailId: string;
  recipientIds: readonly string[];
}

export interface BulkResponseOperations {
  /**
   * The recipients whose id or email (any case) is one of `keys`. At most 1,000 keys a call; a key
   * that matches nobody is simply not answered for.
   */
  lookupRecipients?(keys: readonly string[], options?: CallOptions): Promise<Recipient[]>;
  /** The ids, among `recipientIds` (at most 1,000), that have a line of this detail on this event. */
  findRespondedRecipients?(query: RespondedQuery): Promise<string[]>;
}

/** How many keys or recipients one bulk call carries. */
export const BULK_CALL_SIZE = 1000;
