export type * from './types.js';
export * from './errors.js';
export { createRestAdapter, DEFAULT_PATHS } from './rest.js';
export type { FromServer, HeadersSource, HistoryParams, RestAdapterConfig, RestMappers } from './rest.js';
export { createCampaignRestAdapter, DEFAULT_CAMPAIGN_PATHS } from './rest-campaigns.js';
export type { OperationArgs, OperationSettings, OperationsConfig, OverrideContext } from './operations.js';
export { createHttpHelper, queryString } from './http-helper.js';
export type { HttpAnswer, HttpCall, HttpHelper } from './http-helper.js';
export { canDo, capabilitiesOf, FULL_CAPABILITIES, READ_ONLY_CAPABILITIES } from './capabilities.js';
export type {
  BackendAction, BackendCapabilities, CapabilityAnswer, CapabilityNote, CapabilityReason, HistoryModel, WithCapabilities,
} from './capabilities.js';
export { odataGuid, odataKey, odataString, soqlContains, soqlId, soqlString, isSalesforceId } from './literals.js';
export { createValueMap, unmappedLabel, UNMAPPED_PREFIX } from './value-map.js';
export type { ValueMap } from './value-map.js';
export { dateOnlyFromInstant, epochMsFromInstant, instantFromDateOnly, instantFromEpochMs, instantFromIso } from './dates.js';
export { anyErrorShape, odataError, salesforceErrors } from './error-shapes.js';
export { problemFromBody } from './http.js';
export { idFromCreateHeaders } from './entity-id.js';
export { createOnce } from './once.js';
export type { CreateOnce } from './once.js';
export { cursorPaging, extract, extractItems, flatten, linkRel, nextLinkPaging, numberedPaging } from './paging.js';
export type { PageOf, PagingStrategy } from './paging.js';
