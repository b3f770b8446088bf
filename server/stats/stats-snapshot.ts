/**
 * An option, off by default (CR_STATS_SNAPSHOT=1): the statistics and the summary report served from
 * a snapshot, as in the source CRM ("updated every two hours"), for a host that wants figures that
 * stay put between refreshes. Without it they are read from the roll-ups (rollups.ts), always fresh. A timer recomputes every campaign on the schedule; a read also recomputes a
 * snapshot that is missing or past its time (a server that slept, a test's clock), and `?fresh=1`
 * recomputes on demand.
 */
import { toInstant, type Queryable } from '../db/db.js';
import type { StoredStats, StoredSummary } from './stats-figures.js';
import { computeStats, computeSummary } from './stats.js';

export const DEFAULT_STATS_REFRESH_MS = 2 * 3_600_000;

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** '2h', '15m', '30s', '500ms', '1d' or plain milliseconds ('7200000'). Throws on anything else. */
export function parseDuration(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$/u.exec(text);
  const ms = match ? Number(match[1]) * UNITS[match[2] ?? 'ms'] : NaN;
  if (!(ms >= 1)) throw new RangeError(`Not a duration: "${text}" (e.g. 2h, 15m, 30s, or milliseconds)`);
  return Math.round(ms);
}


export interface Snapshot {
  asOf: Date;
  stats: StoredStats;
  summary: StoredSummary;
}

/** Recomputes one campaign's snapshot as of `now`; undefined when there is no such campaign. */
export async function refreshSnapshot(db: Queryable, campaignId: string, now: Date): Promise<Snapshot | undefined> {
  const stats = await computeStats(db, campaignId);
  const summary = await computeSummary(db, campaignId);
  if (!stats || !summary) return undefined;
  await db.query(
    `INSERT INTO stats_snapshots (campaign_id, as_of, stats, summary) VALUES ($1, $2::timestamptz, $3::json, $4::json)
     ON CONFLICT (campaign_id) DO UPDATE SET as_of = excluded.as_of, stats = excluded.stats, summary = excluded.summary`,
    [campaignId, now.toISOString(), JSON.stringify(stats), JSON.stringify(summary)],
  );
  return { asOf: now, stats, summary };
}

/** json (not jsonb: it keeps the key order of the answer). Both engines hand it back parsed; a driver configured otherwise would hand a string. */
const parsed = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

export interface ReadOptions {
  now: Date;
  refreshMs: number;
  /** Recompute now, whatever the age of the snapshot. */
  fresh?: boolean;
}

/**
 * A snapshot stored by an older server lacks the figures added since (a client would refuse the
 * answer as malformed until the next refresh): it is recomputed like a missing one.
 */
function hasCurrentShape(stats: StoredStats): boolean {
  const totals = stats.totals as Partial<StoredStats['totals']> | undefined;
  return typeof totals?.skipped === 'object';
}

/** The campaign's snapshot, recomputed first when asked, missing or due; undefined for an unknown campaign. */
export async function readSnapshot(db: Queryable, campaignId: string, options: ReadOptions): Promise<Snapshot | undefined> {
  if (!options.fresh) {
    const [row] = await db.query<{ as_of: Date; stats: unknown; summary: unknown }>(
      'SELECT as_of, stats, summary FROM stats_snapshots WHERE campaign_id = $1',
      [campaignId],
    );
    if (row) {
      const asOf = new Date(toInstant(row.as_of));
      const stats = parsed<StoredStats>(row.stats);
      if (asOf.getTime() + options.refreshMs > options.now.getTime() && hasCurrentShape(stats)) {
        return { asOf, stats, summary: parsed<StoredSummary>(row.summary) };
      }
    }
  }
  return refreshSnapshot(db, campaignId, options.now);
}

export function snapshotTimes(snapshot: Snapshot, refreshMs: number): { asOf: string; nextRefreshAt: string } {
  return { asOf: snapshot.asOf.toISOString(), nextRefreshAt: new Date(snapshot.asOf.getTime() + refreshMs).toISOString() };
}

/** Recomputes every campaign, one after the other (a refresh must not take the database from the requests). */
export async function refreshAllSnapshots(db: Queryable, now: () => Date): Promise<number> {
  const campaigns = await db.query<{ id: string }>('SELECT id FROM campaigns ORDER BY id');
  for (const { id } of campaigns) await refreshSnapshot(db, id, now());
  return campaigns.length;
}

/** The schedule: a refresh now, then every `refreshMs`. `stop()` ends it once any refresh running has finished. */
export function scheduleSnapshots(db: Queryable, refreshMs: number, now: () => Date = () => new Date()): { stop(): Promise<void> } {
  let running: Promise<void> | undefined;
  const tick = () => {
    // A refresh slower than the interval must not pile up behind itself.
    if (running) return;
    running = refreshAllSnapshots(db, now)
      .then(() => undefined, (error: unknown) => console.error('Refreshing the statistics snapshots failed:', error))
      .finally(() => {
        running = undefined;
      });
  };
  tick();
  const timer = setInterval(tick, refreshMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
