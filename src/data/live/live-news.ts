/** What the data client's live part tells its listeners (types only, shared by its two halves). */
import type { LiveState } from './live-hub.js';

/** What the page heard in one burst: lines others added (or restored), and tracked hits. */
export interface LiveArrival {
  recipientId: string;
  lines: number;
  tracked: number;
}

export type LiveNewsListener = (news: { kind: 'state'; state: LiveState } | { kind: 'arrived'; arrival: LiveArrival }) => void;
