export type * from './types.js';
export * from './errors.js';
export { createRestAdapter, DEFAULT_PATHS } from './rest.js';
export type { FromServer, HeadersSource, HistoryParams, RestAdapterConfig, RestMappers } from './rest.js';
export { createCampaignRestAdapter, DEFAULT_CAMPAIGN_PATHS } from './rest-campaigns.js';
