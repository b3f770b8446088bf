/**
 * Campaigns, their statistics and their response summary. The two figures answers come from the
 * snapshot (stats-snapshot.ts) with `asOf` and `nextRefreshAt`; `?fresh=1` recomputes first. That
 * is meant for an administrator: this server has one API token and no roles, so whoever holds the
 * token is one (a host with roles would check them here).
 */
import type { Context } from 'hono';
import type { CampaignStats, ResponseSummary } from '../../src/model/campaign-stats.js';
import type { Campaign, Page } from '../../src/model/types.js';
import { jsonWithEtag } from '../http/http.js';
import { fieldProblem, ProblemError } from '../http/problems.js';
import { listCampaigns } from '../db/repo.js';
import { readSnapshot, snapshotTimes } from '../stats/stats-snapshot.js';
import type { CampaignRouteDeps } from './campaign-context.js';
import type { Api } from './context.js';

function wantsFresh(c: Context): boolean {
  const fresh = c.req.query('fresh');
  if (fresh === undefined || fresh === '' || fresh === '0' || fresh === 'false') return false;
  if (fresh === '1' || fresh === 'true') return true;
  throw fieldProblem('fresh', 'must be 1 or true (recompute now), or 0 or false');
}

export function registerStatsRoutes(api: Api, { db, now, statsRefreshMs }: CampaignRouteDeps): void {
  const snapshotOf = async (c: Context) => {
    const campaignId = c.req.param('campaignId') as string;
    const fresh = wantsFresh(c);
    const snapshot = await readSnapshot(db, campaignId, { now: now(), refreshMs: statsRefreshMs, fresh });
    if (!snapshot) throw new ProblemError('not-found', `No campaign ${campaignId}.`);
    return snapshot;
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
    const snapshot = await snapshotOf(c);
    const answer: CampaignStats = { ...snapshot.stats, ...snapshotTimes(snapshot, statsRefreshMs) };
    return jsonWithEtag(c, answer);
  });

  api.get('/campaigns/:campaignId/responses/summary', async (c) => {
    const snapshot = await snapshotOf(c);
    const answer: ResponseSummary = { ...snapshot.summary, ...snapshotTimes(snapshot, statsRefreshMs) };
    return jsonWithEtag(c, answer);
  });
}
