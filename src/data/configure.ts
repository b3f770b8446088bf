import { createRestAdapter } from '../adapter/rest.js';
import type { RestAdapterConfig } from '../adapter/rest.js';
import type { CampaignReportsAdapter, CampaignResponseAdapter } from '../adapter/types.js';
import { CampaignDataClient } from './data-client.js';
import type { ClientPartsFactory } from './parts.js';
// Type only: the campaign side is made by its own modules, so this file does not bundle it.
import type { CampaignReportsClient } from './reports-client.js';

/** Supplies the bearer token of each request: a fixed string, or an async function (e.g. refreshing). */
export type TokenSource = () => string | null | undefined | Promise<string | null | undefined>;

/**
 * The adapter's `headers` for a token source: `Authorization: Bearer …` on each request, asking
 * `getToken` anew each time (so a refreshed token is used); none while it gives no token. Every REST
 * client the kit makes from `{ apiBase, getToken }` goes through this one.
 */
export function bearerHeaders(getToken: TokenSource | undefined): () => Promise<Record<string, string>> {
  return async (): Promise<Record<string, string>> => {
    const token = await getToken?.();
    return token ? { Authorization: `Bearer ${token}` } : {};
  };
}

export interface RestClientConfig {
  /** The REST backend's base URL, e.g. `/api`. */
  apiBase: string;
  /** Called before each request; the answer goes out as `Authorization: Bearer …`. */
  getToken?: TokenSource;
  /** Anything else the REST adapter accepts (paths, mappers, fetch, credentials, timeout). */
  rest?: Omit<RestAdapterConfig, 'baseUrl' | 'headers'>;
  undoDelayMs?: number;
  /** How the client reads, writes and syncs (e.g. `offlineParts({ userKey })`); straight to the backend by default. */
  parts?: ClientPartsFactory;
}

/** A data client on the kit's REST adapter, with the token added to every request. */
export function createRestDataClient(config: RestClientConfig): CampaignDataClient {
  const adapter = createRestAdapter({
    ...config.rest,
    baseUrl: config.apiBase,
    headers: bearerHeaders(config.getToken),
  });
  return new CampaignDataClient({ adapter, undoDelayMs: config.undoDelayMs, parts: config.parts });
}

/** The campaign side's part of `configureCampaignKit` (statistics and reports elements). */
export interface ReportsKitConfig {
  /** The campaign-side client to share. */
  reportsClient?: CampaignReportsClient;
  /** Any object implementing CampaignReportsAdapter (another backend); a client is made from it when first asked. */
  reportsAdapter?: CampaignReportsAdapter;
}

export type CampaignKitConfig = (
  | { client: CampaignDataClient }
  | { adapter: CampaignResponseAdapter; undoDelayMs?: number }
  | RestClientConfig
) &
  ReportsKitConfig;

/**
 * What the page's campaign-side client is made from. The campaign side (`reports-configure.ts`)
 * makes it when an element first asks, so configuring the recipient side never bundles it.
 */
export type ReportsSource =
  | { client: CampaignReportsClient }
  | { adapter: CampaignReportsAdapter }
  | { rest: RestClientConfig };

const DEFAULT_KEY = Symbol.for('cr-default-data-client');
const CHANGE_EVENT = 'cr-default-client-change';
interface DefaultSlot {
  client: CampaignDataClient | undefined;
  /** Absent on a slot made by an older copy of the kit on the same page. */
  reports?: ReportsSource | undefined;
  target: EventTarget;
}
type Holder = Record<symbol, DefaultSlot | undefined>;

function slot(): DefaultSlot {
  const holder = globalThis as unknown as Holder;
  return (holder[DEFAULT_KEY] ??= { client: undefined, reports: undefined, target: new EventTarget() });
}

function reportsSourceOf(config: CampaignKitConfig): ReportsSource | undefined {
  if (config.reportsClient) return { client: config.reportsClient };
  if (config.reportsAdapter) return { adapter: config.reportsAdapter };
  if ('apiBase' in config && config.apiBase) return { rest: config };
  return undefined;
}

/**
 * Configures the page's data client for every kit element that has no `dataClient` property and no
 * `<campaign-data-provider>` around it: `configureCampaignKit({ apiBase: '/api', getToken })`, or
 * `{ adapter }` for another backend, or `{ client }`. Returns the client. Elements already on the
 * page switch to it.
 *
 * The campaign side (statistics, reports) follows: `{ apiBase, getToken }` also serves it (its
 * client is made when a campaign element first asks), and `reportsAdapter` / `reportsClient` set it
 * for another backend. A config naming none of these leaves the campaign side as it was.
 */
export function configureCampaignKit(config: CampaignKitConfig): CampaignDataClient {
  const client =
    'client' in config
      ? config.client
      : 'adapter' in config
        ? new CampaignDataClient({ adapter: config.adapter, undoDelayMs: config.undoDelayMs })
        : createRestDataClient(config);
  const state = slot();
  state.client = client;
  const reports = reportsSourceOf(config);
  if (reports) state.reports = reports;
  state.target.dispatchEvent(new Event(CHANGE_EVENT));
  return client;
}

/** Sets only the campaign side's source (used by `configureCampaignReports`). */
export function setDefaultReportsSource(source: ReportsSource | undefined): void {
  const state = slot();
  state.reports = source;
  state.target.dispatchEvent(new Event(CHANGE_EVENT));
}

/** What `configureCampaignKit` / `configureCampaignReports` set for the campaign side, if anything. */
export function getDefaultReportsSource(): ReportsSource | undefined {
  return slot().reports;
}

/** The client set by `configureCampaignKit`, if any. */
export function getDefaultDataClient(): CampaignDataClient | undefined {
  return slot().client;
}

/** Forgets the configured client (tests, or a host signing out). */
export function resetCampaignKit(): void {
  const state = slot();
  state.client = undefined;
  state.reports = undefined;
  state.target.dispatchEvent(new Event(CHANGE_EVENT));
}

/** Calls `listener` whenever `configureCampaignKit` (or `configureCampaignReports`) sets another client; returns the unsubscribe. */
export function onDefaultDataClientChange(listener: () => void): () => void {
  const target = slot().target;
  target.addEventListener(CHANGE_EVENT, listener);
  return () => target.removeEventListener(CHANGE_EVENT, listener);
}

/** Makes a campaign-side client from a source; the campaign side registers it (see `reports-configure.ts`). */
export type ReportsClientFactory = (source: ReportsSource) => CampaignReportsClient;

const FACTORY_KEY = Symbol.for('cr-reports-client-factory');

/** Called by the campaign side when it loads, so a provider can make its client without importing it. */
export function registerReportsClientFactory(factory: ReportsClientFactory): void {
  (globalThis as unknown as Record<symbol, ReportsClientFactory | undefined>)[FACTORY_KEY] = factory;
}

/** A campaign-side client from `source`, or undefined while no campaign-side module is loaded. */
export function makeReportsClient(source: ReportsSource): CampaignReportsClient | undefined {
  if ('client' in source) return source.client;
  return (globalThis as unknown as Record<symbol, ReportsClientFactory | undefined>)[FACTORY_KEY]?.(source);
}
