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
import type { CampaignDataClient } from './data-client.js';

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
  // The configured data client's writes are this page's own. A later configureCampaignKit() moves the
  // link: the client it replaced no longer speaks for this page, and is not kept alive by the link.
  const data = getDefaultDataClient();
  const link = defaultLinks.get(client);
  if (link?.data !== data) {
    link?.unlink();
    if (data) defaultLinks.set(client, { data, unlink: client.linkDataClient(data) });
    else defaultLinks.delete(client);
  }
  return client;
}

/** The configured data client each default campaign-side client is linked to, and the unlink. */
const defaultLinks = new WeakMap<CampaignReportsClient, { data: CampaignDataClient; unlink: () => void }>();
