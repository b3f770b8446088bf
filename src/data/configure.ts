import { createRestAdapter } from '../adapter/rest.js';
import type { RestAdapterConfig } from '../adapter/rest.js';
import type { CampaignResponseAdapter } from '../adapter/types.js';
import { CampaignDataClient } from './data-client.js';

/** Supplies the bearer token of each request: a fixed string, or an async function (e.g. refreshing). */
export type TokenSource = () => string | null | undefined | Promise<string | null | undefined>;

export interface RestClientConfig {
  /** The REST backend's base URL, e.g. `/api`. */
  apiBase: string;
  /** Called before each request; the answer goes out as `Authorization: Bearer …`. */
  getToken?: TokenSource;
  /** Anything else the REST adapter accepts (paths, mappers, fetch, credentials, timeout). */
  rest?: Omit<RestAdapterConfig, 'baseUrl' | 'headers'>;
  undoDelayMs?: number;
}

/** A data client on the kit's REST adapter, with the token added to every request. */
export function createRestDataClient(config: RestClientConfig): CampaignDataClient {
  const adapter = createRestAdapter({
    ...config.rest,
    baseUrl: config.apiBase,
    headers: async (): Promise<Record<string, string>> => {
      const token = await config.getToken?.();
      return token ? { Authorization: `Bearer ${token}` } : {};
    },
  });
  return new CampaignDataClient({ adapter, undoDelayMs: config.undoDelayMs });
}

export type CampaignKitConfig =
  | { client: CampaignDataClient }
  | { adapter: CampaignResponseAdapter; undoDelayMs?: number }
  | RestClientConfig;

const DEFAULT_KEY = Symbol.for('cr-default-data-client');
const CHANGE_EVENT = 'cr-default-client-change';
type Holder = Record<symbol, { client: CampaignDataClient | undefined; target: EventTarget } | undefined>;

function slot() {
  const holder = globalThis as unknown as Holder;
  return (holder[DEFAULT_KEY] ??= { client: undefined, target: new EventTarget() });
}

/**
 * Configures the page's data client for every kit element that has no `dataClient` property and no
 * `<campaign-data-provider>` around it: `configureCampaignKit({ apiBase: '/api', getToken })`, or
 * `{ adapter }` for another backend, or `{ client }`. Returns the client. Elements already on the
 * page switch to it.
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
  state.target.dispatchEvent(new Event(CHANGE_EVENT));
  return client;
}

/** The client set by `configureCampaignKit`, if any. */
export function getDefaultDataClient(): CampaignDataClient | undefined {
  return slot().client;
}

/** Forgets the configured client (tests, or a host signing out). */
export function resetCampaignKit(): void {
  const state = slot();
  state.client = undefined;
  state.target.dispatchEvent(new Event(CHANGE_EVENT));
}

/** Calls `listener` whenever `configureCampaignKit` sets another client; returns the unsubscribe. */
export function onDefaultDataClientChange(listener: () => void): () => void {
  const target = slot().target;
  target.addEventListener(CHANGE_EVENT, listener);
  return () => target.removeEventListener(CHANGE_EVENT, listener);
}
