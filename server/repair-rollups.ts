/**
 * `npm run rollups:repair [campaignId]`: rebuilds the statistics' roll-ups from the lines, of one
 * campaign or of all, against the database the server would open (DATABASE_URL, else PGlite in
 * CR_DATA_DIR or .data/pglite). Safe while servers run on PostgreSQL: writers of lines wait for it.
 * The embedded database serves one process, so stop the server that holds it first.
 */
import { openDb } from './db/db.js';
import { migrate } from './db/migrate.js';
import { DEFAULT_DATA_DIR } from './start.js';
import { rebuildRollups } from './stats/rollups.js';

const campaignId = process.argv[2] || undefined;
const databaseUrl = process.env.DATABASE_URL || undefined;
const db = await openDb({ databaseUrl, dataDir: databaseUrl ? undefined : process.env.CR_DATA_DIR || DEFAULT_DATA_DIR });
try {
  await migrate(db);
  const started = performance.now();
  await rebuildRollups(db, campaignId);
  const [{ lines }] = await db.query<{ lines: number }>(
    `SELECT count(*)::int AS lines FROM response_lines ${campaignId ? 'WHERE campaign_id = $1' : ''}`,
    campaignId ? [campaignId] : [],
  );
  console.log(`Rebuilt the roll-ups of ${campaignId ? `campaign ${campaignId}` : 'every campaign'} from ${lines} lines in ${Math.round(performance.now() - started)} ms.`);
} finally {
  await db.close();
}
