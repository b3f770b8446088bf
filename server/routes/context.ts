import type { Hono } from 'hono';
import type { Db } from '../db/db.js';

/** What every route module needs; passed in by createApp. */
export interface RouteDeps {
  db: Db;
  now: () => Date;
  /** How long a deleted line can be restored (CR_RESTORE_DAYS). */
  restoreDays: number;
}

/** The /api sub-application routes are registered on. */
export type Api = Hono;
