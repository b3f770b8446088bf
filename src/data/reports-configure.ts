/**
 * Making and configuring the campaign side's client. Imports the campaign-side REST adapter, so only
 * campaign elements (and hosts that call these) bundle it.
 */
import { createCampaignRestAdapter } from '../adapter/rest-campaigns.js';
import type { CampaignReportsAdapter } from '../adapter/types.js';
import {
  bearerHeaders,
  getDefaultDataClient,
  getDefaultReportsSource,
  registerReportsClientFactory,
  setDefaultReportsSource,
  type ReportsSource,
  type RestClientConfig,
} from './configure.js';
import { CampaignReportsClient } from './reports-client.js';

/** A campaign-side client on the kit's REST adapter, with the token added to every request. */
export function createRestReportsClient(config: RestClientConfig): CampaignReportsClient {
  const adapter = createCampaignRestAdapter({
    ...config.rest,
    baseUrl: config.apiBase,
    headers: bearerHeaders(config.getToken),
  });
  return new CampaignReportsClient({ adapter });
}

// One client per source object, so every element under one provider or configuration shares it.
const made = new WeakMap<object, CampaignReportsClient>();

/** The client of a source (made once per source object). */
export function reportsClientFrom(source: ReportsSource): CampaignReportsClient {
  if ('client' in source) return source.client;
  const key = 'adapter' in source ? source.adapter : source.rest;
  let client = made.get(key);
  if (!client) {
    client = 'adapter' in source ? new CampaignReportsClient({ adapter: source.adapter }) : createRestReportsClient(source.rest);
    made.set(key, client);
  }
  return client;
}

/** Lets `<campaign-data-provider>` make campaign-side clients (campaign elements call it; idempotent). */
export function installReportsClientFactory(): void {
  registerReportsClientFactory(reportsClientFrom);
}

export type CampaignReportsConfig = { client: CampaignReportsClient } | { adapter: CampaignReportsAdapter } | RestClientConfig;

/**
 * Configures only the campaign side, for every statistics and report element with no
 * `reportsClient` property and no provider around it. Returns the client.
 */
export function configureCampaignReports(config: CampaignReportsConfig): CampaignReportsClient {
  const source: ReportsSource =
    'client' in config ? { client: config.client } : 'adapter' in config ? { adapter: config.adapter } : { rest: config };
  setDefaultReportsSource(source);
  return reportsClientFrom(source);
}

/** The campaign-side client set by `configureCampaignKit` or `configureCampaignReports`, if any. */
export function getDefaultReportsClient(): CampaignReportsClient | undefined {
  const source = getDefaultReportsSource();
  if (!source) return undefined;
  const client = reportsClientFrom(source);
  // The configured data client's writes are this page's own (linking twice is a no-op).
  const data = getDefaultDataClient();
  if (data) client.linkDataClient(data);
  return client;
}
