import type { LiveChange } from '../adapter/live-types.js';
import type { ResponseLine } from '../model/types.js';

/** What changed in a recipient's data; elements showing that recipient re-read. */
export type DataChange =
  | { kind: 'added'; recipientId: string; campaignId: string; line: ResponseLine }
  /**
   * Delete was chosen: the lines are hidden now and removed on the backend when the undo time ends.
   * `lineId` on these: one line's delete, not the whole campaign's.
   */
  | { kind: 'delete-pending'; recipientId: string; campaignId: string; lineId?: string }
  | { kind: 'delete-undone'; recipientId: string; campaignId: string; lineId?: string }
  | { kind: 'deleted'; recipientId: string; campaignId: string; deleted: number; lineId?: string }
  | { kind: 'delete-failed'; recipientId: string; campaignId: string; error: unknown; lineId?: string }
  /** A delete that had been sent was undone on the backend (a restore). */
  | { kind: 'restored'; recipientId: string; campaignId: string; lineId?: string }
  /** An offline edit of this recipient was queued, changed state, was confirmed or discarded (any tab). */
  | { kind: 'sync'; recipientId: string; campaignId: string }
  /** A list shown from the device's cache was refreshed from the server: read it again. */
  | { kind: 'refreshed'; recipientId: string }
  /**
   * Someone else changed this recipient's data, or a tracked open or click arrived (the change
   * stream): the changes of one burst, the newest last. Not the echo of this page's own writes.
   */
  | { kind: 'remote'; recipientId: string; campaignId: string; changes: LiveChange[] };

export type DataChangeListener = (change: DataChange) => void;
