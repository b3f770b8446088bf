/**
 * Campaigns, their statistics and their response summary. The two figures answers are read from
 * the roll-ups (rollup-read.ts), kept with every write, so `asOf` is the read's own time and
 * `nextRefreshAt` the same: there is no schedule to wait for. `?fresh=1` recomputes them live from
 * the lines (the reference the roll-ups are checked against). With the snapshot option on
 * (CR_STATS_SNAPSHOT=1) they come from the two-hourly snapshot instead, `?fresh=1` recomputing it.
 */
import type { Context } from 'hono';
import type { CampaignStats, ResponseSummary } from '../../src/model/campaign-stats.js';
import type { Campaign, Page } from '../../src/model/types.js';
import { jsonWithEtag } from '../http/http.js';
import { fieldProblem, ProblemError } from '../http/problems.js';
import { listCampaigns } from '../db/repo.js';
import { readSnapshot, snapshotTimes, type Snapshot } from '../stats/stats-snapshot.js';
import { readStats, readSummary } from '../stats/rollup-read.js';
import { computeStats, computeSummary } from '../stats/stats.js';
import type { CampaignRouteDeps } from './campaign-context.js';
import type { Api } from './context.js';

function wantsFresh(c: Context): boolean {
  const fresh = c.req.query('fresh');
  if (fresh === undefined || fresh === '' || fresh === '0' || fresh === 'false') return false;
  if (fresh === '1' || fresh === 'true') return true;
  throw fieldProblem('fresh', 'must be 1 or true (recompute now), or 0 or false');
}

export function registerStatsRoutes(api: Api, { db, now, statsRefreshMs, statsSnapshot }: CampaignRouteDeps): void {
  /** The figures and their times, from the snapshot when so configured, else the roll-ups (or live, fresh). */
  const snapshotOf = async (c: Context): Promise<{ snapshot: Snapshot; times: { asOf: string; nextRefreshAt: string } }> => {
    const campaignId = c.req.param('campaignId') as string;
    const fresh = wantsFresh(c);
    let snapshot: Snapshot | undefined;
    if (statsSnapshot) snapshot = await readSnapshot(db, campaignId, { now: now(), refreshMs: statsRefreshMs, fresh });
    else {
      const asOf = now();
      const stats = c.req.path.endsWith('/stats') ? await (fresh ? computeStats : readStats)(db, campaignId) : undefined;
      const summary = stats ? undefined : await (fresh ? computeSummary : readSummary)(db, campaignId);
      if (stats || summary) snapshot = { asOf, stats: stats as Snapshot['stats'], summary: summary as Snapshot['summary'] };
    }
    if (!snapshot) throw new ProblemError('not-found', `No campaign ${campaignId}.`);
    return { snapshot, times: statsSnapshot ? snapshotTimes(snapshot, statsRefreshMs) : { asOf: snapshot.asOf.toISOString(), nextRefreshAt: snapshot.asOf.toISOString() } };
  };

  api.get('/campaigns', async (c) => {
    const page: Page<Campaign> = { items: await listCampaigns(db), nextCursor: null };
    return jsonWithEtag(c, page);
  });

  api.get('/campaigns/:campaignId', async (c) => {
    const [campaign] = await listCampaigns(db, c.req.param('campaignId'));
    if (!campaign) throw new ProblemError('not-found', `No campaign ${c.req.param('campaignId')}.`);
    return jsonWithEtag(c, campaign);
  });

  api.get('/campaigns/:campaignId/stats', async (c) => {
    const { snapshot, times } = await snapshotOf(c);
    const answer: CampaignStats = { ...snapshot.stats, ...times };
    return jsonWithEtag(c, answer, undefined, statsSnapshot ? undefined : snapshot.stats);
  });

  api.get('/campaigns/:campaignId/responses/summary', async (c) => {
    const { snapshot, times } = await snapshotOf(c);
    const answer: ResponseSummary = { ...snapshot.summary, ...times };
    return jsonWithEtag(c, answer, undefined, statsSnapshot ? undefined : snapshot.summary);
  });
}
