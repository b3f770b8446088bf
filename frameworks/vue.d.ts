// Generated from custom-elements.json by scripts/gen-framework-types.mjs (npm run analyze): do not edit.
import type { DefineComponent } from 'vue';
import type { AddResponseDialog, AuthRequiredEvent, BulkResponseEntry, BulkSavedEvent, CampaignClickthroughReport, CampaignDataProvider, CampaignResponseReport, CampaignResponsesTab, CampaignStatsPanel, CampaignSyncStatus, DeleteRequestEvent, RequestCloseEvent, ResponseHistory, ResponseQueuedEvent, ResponseSavedEvent, ResponseSubmitEvent, ResponsesDeletedEvent, SyncCompleteEvent, SyncFailedEvent } from 'campaign-response-kit';

/** `<add-response-dialog>` in Vue: properties, and events as `onCrResponseSaved` (`@cr-response-saved` in templates). */
export interface AddResponseDialogVueProps {
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
  /** Before saving; cancelable. `event.line` is the line. */
  onCrResponseSubmit?: (event: ResponseSubmitEvent) => void;
  /** The backend stored the line; `event.line`. (With offline edits the dialog fires `cr-response-queued` instead, and `<campaign-sync-status>` fires this once the line is delivered.) */
  onCrResponseSaved?: (event: ResponseSavedEvent) => void;
  /** With offline edits: the line was stored on this device (durably) and will be sent later; `event.line` is marked pending. */
  onCrResponseQueued?: (event: ResponseQueuedEvent) => void;
  /** Escape, Cancel or ×; cancelable; `event.dirty`. */
  onCrRequestClose?: (event: RequestCloseEvent) => void;
  /** Actions → Delete in Update Status; cancelable. */
  onCrDeleteRequest?: (event: DeleteRequestEvent) => void;
  /** The backend answered 401/403. */
  onCrAuthRequired?: (event: AuthRequiredEvent) => void;
}

/** `<bulk-response-entry>` in Vue: properties, and events as `onCrResponseSaved` (`@cr-response-saved` in templates). */
export interface BulkResponseEntryVueProps {
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
  /** A save or Retry ended: each line's outcome, and how many duplicates were skipped. */
  onCrBulkSaved?: (event: BulkSavedEvent) => void;
  /** The backend answered 401/403; `retryAfter()` retries. */
  onCrAuthRequired?: (event: AuthRequiredEvent) => void;
}

/** `<campaign-clickthrough-report>` in Vue: properties, and events as `onCrResponseSaved` (`@cr-response-saved` in templates). */
export interface CampaignClickthroughReportVueProps {
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
  /** The backend answered 401/403; `retryAfter()` retries. */
  onCrAuthRequired?: (event: AuthRequiredEvent) => void;
}

/** `<campaign-data-provider>` in Vue: properties, and events as `onCrResponseSaved` (`@cr-response-saved` in templates). */
export interface CampaignDataProviderVueProps {
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
  /** A queued response line reached the backend (`event.line`, as stored), when no `<campaign-sync-status>` shows this client. */
  onCrResponseSaved?: (event: ResponseSavedEvent) => void;
  /** The queue has nothing left to send now (likewise). */
  onCrSyncComplete?: (event: SyncCompleteEvent) => void;
  /** Sending an edit failed (likewise). */
  onCrSyncFailed?: (event: SyncFailedEvent) => void;
  /** The server answered 401 to a queued edit (likewise); `retryAfter(promise)` resumes sending. */
  onCrAuthRequired?: (event: AuthRequiredEvent) => void;
}

/** `<campaign-response-report>` in Vue: properties, and events as `onCrResponseSaved` (`@cr-response-saved` in templates). */
export interface CampaignResponseReportVueProps {
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
  /** The backend answered 401/403; `retryAfter()` retries. */
  onCrAuthRequired?: (event: AuthRequiredEvent) => void;
}

/** `<campaign-responses-tab>` in Vue: properties, and events as `onCrResponseSaved` (`@cr-response-saved` in templates). */
export interface CampaignResponsesTabVueProps {
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
  /** From the dialog, before saving; cancelable. */
  onCrResponseSubmit?: (event: ResponseSubmitEvent) => void;
  /** From the dialog: the backend stored a response line (without offline edits; with them, `<campaign-sync-status>` fires it on delivery). */
  onCrResponseSaved?: (event: ResponseSavedEvent) => void;
  /** The dialog is asked to close; cancelable. */
  onCrRequestClose?: (event: RequestCloseEvent) => void;
  /** Actions → Delete; cancelable (the tab then asks nothing). */
  onCrDeleteRequest?: (event: DeleteRequestEvent) => void;
  /** The backend deleted the responses (after Undo time). */
  onCrResponsesDeleted?: (event: ResponsesDeletedEvent) => void;
  /** With offline edits: a save or a Delete (after Undo time) was stored on this device, to be sent later. */
  onCrResponseQueued?: (event: ResponseQueuedEvent) => void;
  /** The backend answered 401/403; `retryAfter()` retries. */
  onCrAuthRequired?: (event: AuthRequiredEvent) => void;
}

/** `<campaign-stats-panel>` in Vue: properties, and events as `onCrResponseSaved` (`@cr-response-saved` in templates). */
export interface CampaignStatsPanelVueProps {
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
  /** The backend answered 401/403; `retryAfter()` retries. */
  onCrAuthRequired?: (event: AuthRequiredEvent) => void;
}

/** `<campaign-sync-status>` in Vue: properties, and events as `onCrResponseSaved` (`@cr-response-saved` in templates). */
export interface CampaignSyncStatusVueProps {
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
  /** A queued response line reached the backend (`event.line`, as stored); fired by the status of the tab that sent it, once. (Without offline edits the dialog fires it when it saves.) */
  onCrResponseSaved?: (event: ResponseSavedEvent) => void;
  /** The queue has nothing left to send now. */
  onCrSyncComplete?: (event: SyncCompleteEvent) => void;
  /** Sending an edit failed (`final`: it waits for a person). */
  onCrSyncFailed?: (event: SyncFailedEvent) => void;
  /** The server answered 401 to a queued edit: sending waits; `retryAfter(promise)` resumes it once the host has a new token. */
  onCrAuthRequired?: (event: AuthRequiredEvent) => void;
}

/** `<response-history>` in Vue: properties, and events as `onCrResponseSaved` (`@cr-response-saved` in templates). */
export interface ResponseHistoryVueProps {
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
  /** The backend answered 401/403; `retryAfter()` retries. */
  onCrAuthRequired?: (event: AuthRequiredEvent) => void;
}

declare module 'vue' {
  interface GlobalComponents {
    'add-response-dialog': DefineComponent<AddResponseDialogVueProps>;
    'bulk-response-entry': DefineComponent<BulkResponseEntryVueProps>;
    'campaign-clickthrough-report': DefineComponent<CampaignClickthroughReportVueProps>;
    'campaign-data-provider': DefineComponent<CampaignDataProviderVueProps>;
    'campaign-response-report': DefineComponent<CampaignResponseReportVueProps>;
    'campaign-responses-tab': DefineComponent<CampaignResponsesTabVueProps>;
    'campaign-stats-panel': DefineComponent<CampaignStatsPanelVueProps>;
    'campaign-sync-status': DefineComponent<CampaignSyncStatusVueProps>;
    'response-history': DefineComponent<ResponseHistoryVueProps>;
  }
}
