/**
 * `createCampaignRestAdapter()`: the campaign side of the REST contract (statistics, reports,
 * clickthrough, and the reference server's send action), configured like `createRestAdapter()`.
 */
import {
  CampaignResponsePageSchema,
  CampaignStatsSchema,
  ClickthroughSchema,
  ResponseSummarySchema,
  SendResultSchema,
} from '../model/campaign-stats-schemas.js';
import { CampaignSchema, pageSchema } from '../model/schemas.js';
import { createRestCaller, identity, queryString } from './caller.js';
import { getMe, ME_PATH } from './me.js';
import type { RestAdapterConfig } from './config.js';
import type { CampaignOperation, CampaignReportsAdapter, ReportQuery } from './types.js';
import { liveOperations } from './rest-live.js';

/** The reference server's paths of the campaign side. */
export const DEFAULT_CAMPAIGN_PATHS: Readonly<Record<CampaignOperation, string>> = {
  listCampaigns: '/campaigns',
  getCampaign: '/campaigns/{campaignId}',
  getCampaignStats: '/campaigns/{campaignId}/stats',
  getResponseSummary: '/campaigns/{campaignId}/responses/summary',
  getCampaignResponses: '/campaigns/{campaignId}/responses',
  exportCampaignResponsesCsv: '/campaigns/{campaignId}/responses.csv',
  getClickthrough: '/campaigns/{campaignId}/clickthrough',
  sendCampaignEvent: '/campaigns/{campaignId}/events/{eventId}/send',
  followChanges: '/changes',
};

const CampaignPageSchema = pageSchema(CampaignSchema);

/** The report's filters as query parameters (the names of the contract); the signal stays out. */
function reportQuery({ signal: _signal, ...query }: ReportQuery): string {
  return queryString(query);
}

/**
 * Makes the campaign-side adapter. The same config as `createRestAdapter()` (base URL, headers,
 * fetch, credentials, timeout, `paths` keyed by these operations); each answer is validated against
 * the model. `mappers.responseLine` also maps the detail report's rows.
 */
export function createCampaignRestAdapter(config: RestAdapterConfig): CampaignReportsAdapter {
  const { call, stream, mapLine, http, readTags } = createRestCaller(config, { ...DEFAULT_CAMPAIGN_PATHS, getMe: ME_PATH });
  const mapRows =
    mapLine === identity
      ? identity
      : (body: unknown) =>
          typeof body === 'object' && body !== null && Array.isArray((body as { items?: unknown }).items)
            ? { ...body, items: (body as { items: unknown[] }).items.map(mapLine) }
            : body;
  const fresh = (value: boolean | undefined) => (value ? 'fresh=1' : undefined);

  return {
    getMe: (options = {}) => getMe(call, options),
    listCampaigns: (options = {}) => call('listCampaigns', {}, CampaignPageSchema, identity, options),
    getCampaign: (campaignId, options = {}) => call('getCampaign', { campaignId }, CampaignSchema, identity, options),
    getCampaignStats: (campaignId, { fresh: again, signal } = {}) =>
      call('getCampaignStats', { campaignId }, CampaignStatsSchema, identity, { signal, query: fresh(again) }),
    getResponseSummary: (campaignId, { fresh: again, signal } = {}) =>
      call('getResponseSummary', { campaignId }, ResponseSummarySchema, identity, { signal, query: fresh(again) }),
    getCampaignResponses: (campaignId, query = {}) =>
      call('getCampaignResponses', { campaignId }, CampaignResponsePageSchema, mapRows, {
        signal: query.signal,
        query: reportQuery(query),
      }),
    exportCampaignResponsesCsv: (campaignId, query = {}) =>
      stream('exportCampaignResponsesCsv', { campaignId }, 'text/csv', { signal: query.signal, query: reportQuery(query) }),
    getClickthrough: (campaignId, { eventId, signal } = {}) =>
      call('getClickthrough', { campaignId }, ClickthroughSchema, identity, { signal, query: queryString({ eventId }) }),
    sendCampaignEvent: (campaignId, eventId, { idempotencyKey, signal } = {}) =>
      call('sendCampaignEvent', { campaignId, eventId }, SendResultSchema, identity, {
        method: 'POST',
        idempotencyKey,
        signal,
      }),
    ...liveOperations({ stream, mapLine, http, readTags }, config),
  };
}
