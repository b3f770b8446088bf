import type { ResponseLine } from '../model/types.js';

/** What changed in a recipient's data; elements showing that recipient re-read. */
export type DataChange =
  | { kind: 'added'; recipientId: string; campaignId: string; line: ResponseLine }
  /** Delete was chosen: the lines are hidden now and removed on the backend when the undo time ends. */
  | { kind: 'delete-pending'; recipientId: string; campaignId: string }
  | { kind: 'delete-undone'; recipientId: string; campaignId: string }
  | { kind: 'deleted'; recipientId: string; campaignId: string; deleted: number }
  | { kind: 'delete-failed'; recipientId: string; campaignId: string; error: unknown }
  /** An offline edit of this recipient was queued, changed state, was confirmed or discarded (any tab). */
  | { kind: 'sync'; recipientId: string; campaignId: string }
  /** A list shown from the device's cache was refreshed from the server: read it again. */
  | { kind: 'refreshed'; recipientId: string };

export type DataChangeListener = (change: DataChange) => void;
