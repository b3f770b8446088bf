// Generated from custom-elements.json by scripts/gen-framework-types.mjs (npm run analyze): do not edit.
import type { HTMLAttributes } from 'svelte/elements';
import type { AddResponseDialog, AuthRequiredEvent, BulkResponseEntry, BulkSavedEvent, CampaignClickthroughReport, CampaignDataProvider, CampaignResponseReport, CampaignResponsesTab, CampaignStatsPanel, CampaignSyncStatus, DeleteRequestEvent, RequestCloseEvent, ResponseHistory, ResponseQueuedEvent, ResponseSavedEvent, ResponseSubmitEvent, ResponsesDeletedEvent, SyncCompleteEvent, SyncFailedEvent } from 'campaign-response-kit';

/** `<add-response-dialog>` in Svelte 5: properties, attributes, and events as `on` + the event's name. */
export interface AddResponseDialogSvelteProps extends HTMLAttributes<AddResponseDialog> {
  /** The campaigns sent to the recipient; loaded through the data client when not given. */
  campaigns?: AddResponseDialog["campaigns"];
  /** The response vocabulary; loaded through the data client when not given. */
  vocabulary?: AddResponseDialog["vocabulary"];
  /** The recipient (lead, contact, customer) whose campaign responses are shown. */
  recipientId?: AddResponseDialog["recipientId"];
  /** The data client to use; otherwise a provider's, the configured one, or one made from `api-base`. */
  dataClient?: AddResponseDialog["dataClient"];
  /** Base URL of the REST backend, for use without a provider, e.g. `/api`. */
  apiBase?: AddResponseDialog["apiBase"];
  /** The bearer token for the element's own REST client (with `api-base`). Setting it retries a failed load. */
  token?: AddResponseDialog["token"];
  /** Supplies the bearer token per request, for the element's own REST client (with `api-base`). */
  getToken?: AddResponseDialog["getToken"];
  /** Whether others' changes and tracked hits show as they happen (the data client's change stream, where the backend has one). `false` (attribute `live="off"`) shows what was loaded, and this page's own changes. */
  live?: AddResponseDialog["live"];
  /** IANA time zone in which dates and times are shown and entered (e.g. `Europe/Berlin`); else `time-zone` on the nearest ancestor, else the kit's (`setDefaultTimeZone()`), else the browser's. */
  timeZone?: AddResponseDialog["timeZone"];
  /** Attribute of the `recipientId` property. */
  'recipient-id'?: string;
  /** Attribute of the `apiBase` property. */
  'api-base'?: string;
  /** Attribute of the `timeZone` property. */
  'time-zone'?: string;
  /** Before saving; cancelable. `event.line` is the line. */
  'oncr-response-submit'?: (event: ResponseSubmitEvent) => void;
  /** The backend stored the line; `event.line`. (With offline edits the dialog fires `cr-response-queued` instead, and `<campaign-sync-status>` fires this once the line is delivered.) */
  'oncr-response-saved'?: (event: ResponseSavedEvent) => void;
  /** With offline edits: the line was stored on this device (durably) and will be sent later; `event.line` is marked pending. */
  'oncr-response-queued'?: (event: ResponseQueuedEvent) => void;
  /** Escape, Cancel or ×; cancelable; `event.dirty`. */
  'oncr-request-close'?: (event: RequestCloseEvent) => void;
  /** Actions → Delete in Update Status; cancelable. */
  'oncr-delete-request'?: (event: DeleteRequestEvent) => void;
  /** The backend answered 401/403. */
  'oncr-auth-required'?: (event: AuthRequiredEvent) => void;
}

/** `<bulk-response-entry>` in Svelte 5: properties, attributes, and events as `on` + the event's name. */
export interface BulkResponseEntrySvelteProps extends HTMLAttributes<BulkResponseEntry> {
  /** The campaign whose event gets the responses (with its events). */
  campaign?: BulkResponseEntry["campaign"];
  /** The event chosen at first, e.g. the trade show's. */
  eventId?: BulkResponseEntry["eventId"];
  /** Recipients the host already has: matched first (names too, and offline), before asking the backend. */
  recipients?: BulkResponseEntry["recipients"];
  /** The response vocabulary; loaded through the client when not given. */
  vocabulary?: BulkResponseEntry["vocabulary"];
  /** The recipient (lead, contact, customer) whose campaign responses are shown. */
  recipientId?: BulkResponseEntry["recipientId"];
  /** The data client to use; otherwise a provider's, the configured one, or one made from `api-base`. */
  dataClient?: BulkResponseEntry["dataClient"];
  /** Base URL of the REST backend, for use without a provider, e.g. `/api`. */
  apiBase?: BulkResponseEntry["apiBase"];
  /** The bearer token for the element's own REST client (with `api-base`). Setting it retries a failed load. */
  token?: BulkResponseEntry["token"];
  /** Supplies the bearer token per request, for the element's own REST client (with `api-base`). */
  getToken?: BulkResponseEntry["getToken"];
  /** Whether others' changes and tracked hits show as they happen (the data client's change stream, where the backend has one). `false` (attribute `live="off"`) shows what was loaded, and this page's own changes. */
  live?: BulkResponseEntry["live"];
  /** IANA time zone in which dates and times are shown and entered (e.g. `Europe/Berlin`); else `time-zone` on the nearest ancestor, else the kit's (`setDefaultTimeZone()`), else the browser's. */
  timeZone?: BulkResponseEntry["timeZone"];
  /** Attribute of the `eventId` property. */
  'event-id'?: string;
  /** Attribute of the `recipientId` property. */
  'recipient-id'?: string;
  /** Attribute of the `apiBase` property. */
  'api-base'?: string;
  /** Attribute of the `timeZone` property. */
  'time-zone'?: string;
  /** A save or Retry ended: each line's outcome, and how many duplicates were skipped. */
  'oncr-bulk-saved'?: (event: BulkSavedEvent) => void;
  /** The backend answered 401/403; `retryAfter()` retries. */
  'oncr-auth-required'?: (event: AuthRequiredEvent) => void;
}

/** `<campaign-clickthrough-report>` in Svelte 5: properties, attributes, and events as `on` + the event's name. */
export interface CampaignClickthroughReportSvelteProps extends HTMLAttributes<CampaignClickthroughReport> {
  /** Only this email event's links; every email event's when absent. */
  eventId?: CampaignClickthroughReport["eventId"];
  /** The campaign-side client to use; otherwise a provider's, the configured one, or one made from `api-base`. */
  reportsClient?: CampaignClickthroughReport["reportsClient"];
  /** The campaign whose figures are shown. */
  campaignId?: CampaignClickthroughReport["campaignId"];
  /** Base URL of the REST backend, for use without a provider, e.g. `/api`. */
  apiBase?: CampaignClickthroughReport["apiBase"];
  /** The bearer token for the element's own REST client (with `api-base`). Setting it retries a failed load. */
  token?: CampaignClickthroughReport["token"];
  /** Supplies the bearer token per request, for the element's own REST client (with `api-base`). */
  getToken?: CampaignClickthroughReport["getToken"];
  /** Whether others' changes and tracked hits show as they happen (the data client's change stream, where the backend has one). `false` (attribute `live="off"`) shows what was loaded, and this page's own changes. */
  live?: CampaignClickthroughReport["live"];
  /** IANA time zone in which dates and times are shown and entered (e.g. `Europe/Berlin`); else `time-zone` on the nearest ancestor, else the kit's (`setDefaultTimeZone()`), else the browser's. */
  timeZone?: CampaignClickthroughReport["timeZone"];
  /** Attribute of the `eventId` property. */
  'event-id'?: string;
  /** Attribute of the `campaignId` property. */
  'campaign-id'?: string;
  /** Attribute of the `apiBase` property. */
  'api-base'?: string;
  /** Attribute of the `timeZone` property. */
  'time-zone'?: string;
  /** The backend answered 401/403; `retryAfter()` retries. */
  'oncr-auth-required'?: (event: AuthRequiredEvent) => void;
}

/** `<campaign-data-provider>` in Svelte 5: properties, attributes, and events as `on` + the event's name. */
export interface CampaignDataProviderSvelteProps extends HTMLAttributes<CampaignDataProvider> {
  /** The client to share; when set, `api-base` and `adapter` are ignored. */
  dataClient?: CampaignDataProvider["dataClient"];
  /** Any adapter implementing CampaignResponseAdapter (another backend); used when no dataClient is set. */
  adapter?: CampaignDataProvider["adapter"];
  /** Base URL of the REST backend, e.g. `/api`. */
  apiBase?: CampaignDataProvider["apiBase"];
  /** The bearer token; read at each request, so replacing it needs no new client. */
  token?: CampaignDataProvider["token"];
  /** Supplies the bearer token per request (e.g. refreshing it). */
  getToken?: CampaignDataProvider["getToken"];
  /** The campaign-side client to share; when set, `reportsAdapter` and `api-base` are ignored for it. */
  reportsClient?: CampaignDataProvider["reportsClient"];
  /** Any adapter implementing CampaignReportsAdapter, for the campaign side; used when no reportsClient is set. */
  reportsAdapter?: CampaignDataProvider["reportsAdapter"];
  /** Whether the clients the provider makes follow the backend's change stream, so others' changes and tracked hits show as they happen; `false` (attribute `live="off"`) turns it off. A client handed in (`dataClient`, `reportsClient`) keeps its own setting. */
  live?: CampaignDataProvider["live"];
  /** IANA time zone in which dates and times are shown and entered (e.g. `Europe/Berlin`); else `time-zone` on the nearest ancestor, else the kit's (`setDefaultTimeZone()`), else the browser's. */
  timeZone?: CampaignDataProvider["timeZone"];
  /** Attribute of the `apiBase` property. */
  'api-base'?: string;
  /** Attribute of the `timeZone` property. */
  'time-zone'?: string;
  /** A queued response line reached the backend (`event.line`, as stored), when no `<campaign-sync-status>` shows this client. */
  'oncr-response-saved'?: (event: ResponseSavedEvent) => void;
  /** The queue has nothing left to send now (likewise). */
  'oncr-sync-complete'?: (event: SyncCompleteEvent) => void;
  /** Sending an edit failed (likewise). */
  'oncr-sync-failed'?: (event: SyncFailedEvent) => void;
  /** The server answered 401 to a queued edit (likewise); `retryAfter(promise)` resumes sending. */
  'oncr-auth-required'?: (event: AuthRequiredEvent) => void;
}

/** `<campaign-response-report>` in Svelte 5: properties, attributes, and events as `on` + the event's name. */
export interface CampaignResponseReportSvelteProps extends HTMLAttributes<CampaignResponseReport> {
  /** The response vocabulary, for labels and the detail and category filters. */
  vocabulary?: CampaignResponseReport["vocabulary"];
  /** Lines per page of the detail report (1 to 500). */
  pageSize?: CampaignResponseReport["pageSize"];
  /** The campaign-side client to use; otherwise a provider's, the configured one, or one made from `api-base`. */
  reportsClient?: CampaignResponseReport["reportsClient"];
  /** The campaign whose figures are shown. */
  campaignId?: CampaignResponseReport["campaignId"];
  /** Base URL of the REST backend, for use without a provider, e.g. `/api`. */
  apiBase?: CampaignResponseReport["apiBase"];
  /** The bearer token for the element's own REST client (with `api-base`). Setting it retries a failed load. */
  token?: CampaignResponseReport["token"];
  /** Supplies the bearer token per request, for the element's own REST client (with `api-base`). */
  getToken?: CampaignResponseReport["getToken"];
  /** Whether others' changes and tracked hits show as they happen (the data client's change stream, where the backend has one). `false` (attribute `live="off"`) shows what was loaded, and this page's own changes. */
  live?: CampaignResponseReport["live"];
  /** IANA time zone in which dates and times are shown and entered (e.g. `Europe/Berlin`); else `time-zone` on the nearest ancestor, else the kit's (`setDefaultTimeZone()`), else the browser's. */
  timeZone?: CampaignResponseReport["timeZone"];
  /** Attribute of the `pageSize` property. */
  'page-size'?: string;
  /** Attribute of the `campaignId` property. */
  'campaign-id'?: string;
  /** Attribute of the `apiBase` property. */
  'api-base'?: string;
  /** Attribute of the `timeZone` property. */
  'time-zone'?: string;
  /** The backend answered 401/403; `retryAfter()` retries. */
  'oncr-auth-required'?: (event: AuthRequiredEvent) => void;
}

/** `<campaign-responses-tab>` in Svelte 5: properties, attributes, and events as `on` + the event's name. */
export interface CampaignResponsesTabSvelteProps extends HTMLAttributes<CampaignResponsesTab> {
  /** How long, in ms, a Delete waits for Undo before it is sent; unset: the data client's `undoDelayMs` (5000 by default). The time stands still while a person is at the notice (focus on Undo, or the pointer over it), so anyone can take longer (WCAG 2.2.1, Timing Adjustable). */
  undoDelayMs?: CampaignResponsesTab["undoDelayMs"];
  /** The recipient (lead, contact, customer) whose campaign responses are shown. */
  recipientId?: CampaignResponsesTab["recipientId"];
  /** The data client to use; otherwise a provider's, the configured one, or one made from `api-base`. */
  dataClient?: CampaignResponsesTab["dataClient"];
  /** Base URL of the REST backend, for use without a provider, e.g. `/api`. */
  apiBase?: CampaignResponsesTab["apiBase"];
  /** The bearer token for the element's own REST client (with `api-base`). Setting it retries a failed load. */
  token?: CampaignResponsesTab["token"];
  /** Supplies the bearer token per request, for the element's own REST client (with `api-base`). */
  getToken?: CampaignResponsesTab["getToken"];
  /** Whether others' changes and tracked hits show as they happen (the data client's change stream, where the backend has one). `false` (attribute `live="off"`) shows what was loaded, and this page's own changes. */
  live?: CampaignResponsesTab["live"];
  /** IANA time zone in which dates and times are shown and entered (e.g. `Europe/Berlin`); else `time-zone` on the nearest ancestor, else the kit's (`setDefaultTimeZone()`), else the browser's. */
  timeZone?: CampaignResponsesTab["timeZone"];
  /** Attribute of the `undoDelayMs` property. */
  'undo-delay-ms'?: string;
  /** Attribute of the `recipientId` property. */
  'recipient-id'?: string;
  /** Attribute of the `apiBase` property. */
  'api-base'?: string;
  /** Attribute of the `timeZone` property. */
  'time-zone'?: string;
  /** From the dialog, before saving; cancelable. */
  'oncr-response-submit'?: (event: ResponseSubmitEvent) => void;
  /** From the dialog: the backend stored a response line (without offline edits; with them, `<campaign-sync-status>` fires it on delivery). */
  'oncr-response-saved'?: (event: ResponseSavedEvent) => void;
  /** The dialog is asked to close; cancelable. */
  'oncr-request-close'?: (event: RequestCloseEvent) => void;
  /** Actions → Delete; cancelable (the tab then asks nothing). */
  'oncr-delete-request'?: (event: DeleteRequestEvent) => void;
  /** The backend deleted the responses (after Undo time). */
  'oncr-responses-deleted'?: (event: ResponsesDeletedEvent) => void;
  /** With offline edits: a save or a Delete (after Undo time) was stored on this device, to be sent later. */
  'oncr-response-queued'?: (event: ResponseQueuedEvent) => void;
  /** The backend answered 401/403; `retryAfter()` retries. */
  'oncr-auth-required'?: (event: AuthRequiredEvent) => void;
}

/** `<campaign-stats-panel>` in Svelte 5: properties, attributes, and events as `on` + the event's name. */
export interface CampaignStatsPanelSvelteProps extends HTMLAttributes<CampaignStatsPanel> {
  /** Shows opens and clicks judged human only (mail privacy proxies and link scanners left out). */
  excludeMachines?: CampaignStatsPanel["excludeMachines"];
  /** The campaign-side client to use; otherwise a provider's, the configured one, or one made from `api-base`. */
  reportsClient?: CampaignStatsPanel["reportsClient"];
  /** The campaign whose figures are shown. */
  campaignId?: CampaignStatsPanel["campaignId"];
  /** Base URL of the REST backend, for use without a provider, e.g. `/api`. */
  apiBase?: CampaignStatsPanel["apiBase"];
  /** The bearer token for the element's own REST client (with `api-base`). Setting it retries a failed load. */
  token?: CampaignStatsPanel["token"];
  /** Supplies the bearer token per request, for the element's own REST client (with `api-base`). */
  getToken?: CampaignStatsPanel["getToken"];
  /** Whether others' changes and tracked hits show as they happen (the data client's change stream, where the backend has one). `false` (attribute `live="off"`) shows what was loaded, and this page's own changes. */
  live?: CampaignStatsPanel["live"];
  /** IANA time zone in which dates and times are shown and entered (e.g. `Europe/Berlin`); else `time-zone` on the nearest ancestor, else the kit's (`setDefaultTimeZone()`), else the browser's. */
  timeZone?: CampaignStatsPanel["timeZone"];
  /** Attribute of the `excludeMachines` property. */
  'exclude-machines'?: string;
  /** Attribute of the `campaignId` property. */
  'campaign-id'?: string;
  /** Attribute of the `apiBase` property. */
  'api-base'?: string;
  /** Attribute of the `timeZone` property. */
  'time-zone'?: string;
  /** The backend answered 401/403; `retryAfter()` retries. */
  'oncr-auth-required'?: (event: AuthRequiredEvent) => void;
}

/** `<campaign-sync-status>` in Svelte 5: properties, attributes, and events as `on` + the event's name. */
export interface CampaignSyncStatusSvelteProps extends HTMLAttributes<CampaignSyncStatus> {
  /** Whether the list of edits that need a person is shown. */
  expanded?: CampaignSyncStatus["expanded"];
  /** The data client to use; otherwise a provider's, the configured one, or one made from `api-base`. */
  dataClient?: CampaignSyncStatus["dataClient"];
  /** Base URL of the REST backend, for use without a provider, e.g. `/api`. */
  apiBase?: CampaignSyncStatus["apiBase"];
  /** The bearer token for the element's own REST client (with `api-base`). Setting it retries a failed load. */
  token?: CampaignSyncStatus["token"];
  /** Supplies the bearer token per request, for the element's own REST client (with `api-base`). */
  getToken?: CampaignSyncStatus["getToken"];
  /** Whether others' changes and tracked hits show as they happen (the data client's change stream, where the backend has one). `false` (attribute `live="off"`) shows what was loaded, and this page's own changes. */
  live?: CampaignSyncStatus["live"];
  /** IANA time zone in which dates and times are shown and entered (e.g. `Europe/Berlin`); else `time-zone` on the nearest ancestor, else the kit's (`setDefaultTimeZone()`), else the browser's. */
  timeZone?: CampaignSyncStatus["timeZone"];
  /** Attribute of the `apiBase` property. */
  'api-base'?: string;
  /** Attribute of the `timeZone` property. */
  'time-zone'?: string;
  /** A queued response line reached the backend (`event.line`, as stored); fired by the status of the tab that sent it, once. (Without offline edits the dialog fires it when it saves.) */
  'oncr-response-saved'?: (event: ResponseSavedEvent) => void;
  /** The queue has nothing left to send now. */
  'oncr-sync-complete'?: (event: SyncCompleteEvent) => void;
  /** Sending an edit failed (`final`: it waits for a person). */
  'oncr-sync-failed'?: (event: SyncFailedEvent) => void;
  /** The server answered 401 to a queued edit: sending waits; `retryAfter(promise)` resumes it once the host has a new token. */
  'oncr-auth-required'?: (event: AuthRequiredEvent) => void;
}

/** `<response-history>` in Svelte 5: properties, attributes, and events as `on` + the event's name. */
export interface ResponseHistorySvelteProps extends HTMLAttributes<ResponseHistory> {
  /** Only the lines of this campaign; all of the recipient's when absent. */
  campaignId?: ResponseHistory["campaignId"];
  /** The recipient (for their time zone); loaded through the client when not given. */
  recipient?: ResponseHistory["recipient"];
  /** The recipient's campaigns (for titles and event names); loaded when not given. */
  campaigns?: ResponseHistory["campaigns"];
  /** How long a line's Delete waits for Undo, in ms; the data client's when absent. */
  undoDelayMs?: ResponseHistory["undoDelayMs"];
  /** The response vocabulary; loaded through the client when not given. */
  vocabulary?: ResponseHistory["vocabulary"];
  /** The recipient (lead, contact, customer) whose campaign responses are shown. */
  recipientId?: ResponseHistory["recipientId"];
  /** The data client to use; otherwise a provider's, the configured one, or one made from `api-base`. */
  dataClient?: ResponseHistory["dataClient"];
  /** Base URL of the REST backend, for use without a provider, e.g. `/api`. */
  apiBase?: ResponseHistory["apiBase"];
  /** The bearer token for the element's own REST client (with `api-base`). Setting it retries a failed load. */
  token?: ResponseHistory["token"];
  /** Supplies the bearer token per request, for the element's own REST client (with `api-base`). */
  getToken?: ResponseHistory["getToken"];
  /** Whether others' changes and tracked hits show as they happen (the data client's change stream, where the backend has one). `false` (attribute `live="off"`) shows what was loaded, and this page's own changes. */
  live?: ResponseHistory["live"];
  /** IANA time zone in which dates and times are shown and entered (e.g. `Europe/Berlin`); else `time-zone` on the nearest ancestor, else the kit's (`setDefaultTimeZone()`), else the browser's. */
  timeZone?: ResponseHistory["timeZone"];
  /** Attribute of the `campaignId` property. */
  'campaign-id'?: string;
  /** Attribute of the `undoDelayMs` property. */
  'undo-delay-ms'?: string;
  /** Attribute of the `recipientId` property. */
  'recipient-id'?: string;
  /** Attribute of the `apiBase` property. */
  'api-base'?: string;
  /** Attribute of the `timeZone` property. */
  'time-zone'?: string;
  /** The backend answered 401/403; `retryAfter()` retries. */
  'oncr-auth-required'?: (event: AuthRequiredEvent) => void;
}

declare module 'svelte/elements' {
  interface SvelteHTMLElements {
    'add-response-dialog': AddResponseDialogSvelteProps;
    'bulk-response-entry': BulkResponseEntrySvelteProps;
    'campaign-clickthrough-report': CampaignClickthroughReportSvelteProps;
    'campaign-data-provider': CampaignDataProviderSvelteProps;
    'campaign-response-report': CampaignResponseReportSvelteProps;
    'campaign-responses-tab': CampaignResponsesTabSvelteProps;
    'campaign-stats-panel': CampaignStatsPanelSvelteProps;
    'campaign-sync-status': CampaignSyncStatusSvelteProps;
    'response-history': ResponseHistorySvelteProps;
  }
}
