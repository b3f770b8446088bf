import type { CampaignResponseAdapter } from '../adapter/types.js';
import type { NewResponseLine } from '../model/types.js';
import type { ClientPartsFactory } from './parts.js';

export interface CampaignDataClientOptions {
  adapter: CampaignResponseAdapter;
  /** How long a Delete waits for Undo before it is sent, in ms. Default 5000. */
  undoDelayMs?: number;
  /** Lines per history page asked of the backend. Default 200. */
  historyPageSize?: number;
  /**
   * How it reads, writes and syncs: straight to the adapter by default, or `offlineParts({ userKey })`
   * to keep edits on this device first and show the last known lists offline.
   */
  parts?: ClientPartsFactory;
  /**
   * Whether elements show others' changes as they happen, over the backend's change stream (one
   * connection per recipient shown, shared by its elements). Default true where the adapter has
   * `followChanges` and the `live` capability.
   */
  live?: boolean;
}

/** How an element follows a recipient: `live: false` hears this page's own changes only. */
export interface SubscribeOptions {
  live?: boolean;
}

/** What a person fills in; the client adds the line's id. */
export type ResponseDraft = Omit<NewResponseLine, 'id'>;
