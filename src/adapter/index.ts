export type * from './types.js';
export * from './errors.js';
export { createRestAdapter, DEFAULT_PATHS } from './rest.js';
export type { FromServer, LiveSettings, RestAdapterConfig, RestMappers } from './config.js';
export type { FollowOptions, LiveChange, LiveChangeKind, LiveFilter, LiveListener, LiveNews, LiveOperations } from './live-types.js';
export type { HeadersSource } from './http-helper.js';
export { changeIdOf, withChangeId } from './change-id.js';
export { createCampaignRestAdapter, DEFAULT_CAMPAIGN_PATHS } from './rest-campaigns.js';
export type { HistoryParams, OperationArgs, OperationSettings, OperationsConfig, OverrideContext } from './operations.js';
export type { HttpAnswer, HttpCall, HttpHelper } from './http-helper.js';
export type { BatchLineOutcome, BulkResponseOperations, RespondedQuery } from './bulk-operations.js';
export { canDo, capabilitiesOf, FULL_CAPABILITIES, READ_ONLY_CAPABILITIES } from './capabilities.js';
export type {
  BackendAction, BackendCapabilities, CapabilityAnswer, CapabilityNote, CapabilityReason, HistoryModel, WithCapabilities,
} from './capabilities.js';
// The building blocks of presets (literals, value maps, dates, paging, error shapes, createOnce) are
// `campaign-response-kit/presets/toolkit`: outside the package root, so the single-file bundle, which
// carries everything the root exports, does not grow by what only an adapter author needs.
