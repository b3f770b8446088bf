import type { HitRecorder } from '../tracking/hit-recorder.js';
import type { TrackingKeys } from '../tracking/tracking-token.js';
import type { RouteDeps } from './context.js';

/** What the campaign routes (tracking, statistics, reports) need beyond every route's deps. */
export interface CampaignRouteDeps extends RouteDeps {
  /** The tracking keys, the current one loaded (or generated and stored) on first use. */
  trackingKeys: () => Promise<TrackingKeys>;
  trackingTokenTtlMs: number;
  /** Origin that tracking URLs start with; else the origin the send request came to. */
  publicUrl?: string;
  /** How often the statistics snapshot is recomputed. */
  statsRefreshMs: number;
  /** Serve statistics from the snapshot instead of the roll-ups. */
  statsSnapshot: boolean;
  /** Stores pixel and click hits a batch at a time (group commit). */
  hits: HitRecorder;
}
