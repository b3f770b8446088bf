/**
 * PostgreSQL keeps its planner's statistics current by itself: autovacuum analyzes a table once a
 * tenth of it has changed. PGlite runs no autovacuum, so a database that grew after its last
 * ANALYZE is planned as if it were still small, and a lookup by key can become a walk through a
 * whole table (measured in the tracking bench: a batch of 20 opens took 185–610 ms against 14–23 ms
 * once analyzed). On PGlite the server therefore analyzes at start and then at an interval: ANALYZE
 * samples at most 30,000 rows a table, so it costs little even on large tables.
 */
import type { Db } from './db.js';

export const DEFAULT_ANALYZE_INTERVAL_MS = 10 * 60_000;

/** Analyzes now and every `intervalMs` on PGlite; on PostgreSQL does nothing (autovacuum does it). */
export async function scheduleAnalyze(db: Db, intervalMs = DEFAULT_ANALYZE_INTERVAL_MS): Promise<{ stop(): Promise<void> }> {
  if (db.engine !== 'pglite') return { stop: async () => undefined };
  let running: Promise<void> | undefined;
  const tick = () =>
    (running ??= db
      .exec('ANALYZE')
      .catch((error: unknown) => console.error('ANALYZE failed:', error))
      .finally(() => {
        running = undefined;
      }));
  await tick();
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
