/**
 * `campaign-response-kit/presets/toolkit`: what a preset is built from, for an adapter of your own
 * (docs/presets.md, "Writing another"). Each piece is pure or goes through the adapter's HTTP helper.
 */
export { createHttpHelper, queryString, sameOriginUrl } from '../adapter/http-helper.js';
export type { HttpAnswer, HttpCall, HttpHelper, HeadersSource, QueryValue } from '../adapter/http-helper.js';
export { odataGuid, odataKey, odataString, soqlContains, soqlId, soqlString, isSalesforceId } from '../adapter/literals.js';
export { createValueMap, unmappedLabel, UNMAPPED_PREFIX } from '../adapter/value-map.js';
export type { ValueMap } from '../adapter/value-map.js';
export { dateOnlyFromInstant, epochMsFromInstant, instantFromDateOnly, instantFromEpochMs, instantFromIso } from '../adapter/dates.js';
export { anyErrorShape, odataError, salesforceErrors } from '../adapter/error-shapes.js';
export { problemFromBody } from '../adapter/http-problem.js';
export { idFromCreateHeaders } from '../adapter/entity-id.js';
export { createOnce } from '../adapter/once.js';
export type { CreateOnce } from '../adapter/once.js';
export { cursorPaging, extract, extractItems, flatten, linkRel, nextLinkPaging, numberedPaging } from '../adapter/paging.js';
export type { PageOf, PagingStrategy } from '../adapter/paging.js';
