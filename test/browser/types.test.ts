// TypeScript users get typed tags (HTMLElementTagNameMap) and events (GlobalEventHandlersEventMap).
// Checked by `tsc -p .`: each annotated line stops compiling when a map loses an entry, because the
// fallback types (HTMLElement, Event) have none of the members used. The runtime `it`s only confirm
// that what the types promise is what the page registers.
import { expect } from '@open-wc/testing';
import '../../src/define/all.js';
import {
  AddResponseDialog,
  AuthRequiredEvent,
  CampaignClickthroughReport,
  CampaignDataProvider,
  CampaignResponseReport,
  CampaignResponsesTab,
  CampaignStatsPanel,
  CampaignSyncStatus,
  DeleteRequestEvent,
  RequestCloseEvent,
  ResponseHistory,
  ResponseSavedEvent,
  ResponseSubmitEvent,
  ResponsesDeletedEvent,
  ResponseQueuedEvent,
  SyncCompleteEvent,
  SyncFailedEvent,
  type AdapterError,
  type CloseReason,
  type NewResponseLine,
  type ResponseLine,
} from '../../src/index.js';
import type * as Events from '../../src/events/index.js';

// Tags: createElement and querySelector return the element's class.
const tab: CampaignResponsesTab = document.createElement('campaign-responses-tab');
const dialog: AddResponseDialog = document.createElement('add-response-dialog');
const history: ResponseHistory = document.createElement('response-history');
const provider: CampaignDataProvider = document.createElement('campaign-data-provider');
const found: CampaignResponsesTab | null = document.querySelector('campaign-responses-tab');

/** Every kit tag with the class the tag map gives it (an entry missing from the map fails here). */
const tags: { [Tag in KitTag]: abstract new () => HTMLElementTagNameMap[Tag] } = {
  'campaign-responses-tab': CampaignResponsesTab,
  'add-response-dialog': AddResponseDialog,
  'response-history': ResponseHistory,
  'campaign-data-provider': CampaignDataProvider,
  'campaign-stats-panel': CampaignStatsPanel,
  'campaign-sync-status': CampaignSyncStatus,
  'campaign-response-report': CampaignResponseReport,
  'campaign-clickthrough-report': CampaignClickthroughReport,
};
type KitTag =
  | 'campaign-responses-tab'
  | 'add-response-dialog'
  | 'response-history'
  | 'campaign-data-provider'
  | 'campaign-stats-panel'
  | 'campaign-sync-status'
  | 'campaign-response-report'
  | 'campaign-clickthrough-report';

// Events: the listener's parameter is the event class, on any element and on window.
tab.addEventListener('cr-response-saved', (event) => {
  const line: ResponseLine = event.line;
  void line;
});
dialog.addEventListener('cr-response-submit', (event) => {
  const line: NewResponseLine = event.line;
  event.preventDefault();
  void line;
});
dialog.addEventListener('cr-request-close', (event) => {
  const reason: CloseReason = event.reason;
  const dirty: boolean = event.dirty;
  void [reason, dirty];
});
history.addEventListener('cr-auth-required', (event) => {
  const error: AdapterError = event.error;
  event.retryAfter(Promise.resolve());
  void error;
});
window.addEventListener('cr-delete-request', (event) => {
  const campaignId: string = event.campaignId;
  void campaignId;
});
provider.addEventListener('cr-responses-deleted', (event) => {
  const deleted: number = event.deleted;
  void deleted;
});

/**
 * Every event class exported from src/events is in GlobalEventHandlersEventMap under its own `type`
 * (a class added without its map entry makes a `false` here, and `AllTrue` then refuses `true`).
 */
type EventClasses = typeof Events;
type IsMapped<C> = C extends { readonly type: infer T; prototype: infer I }
  ? T extends keyof GlobalEventHandlersEventMap
    ? [GlobalEventHandlersEventMap[T]] extends [I] ? ([I] extends [GlobalEventHandlersEventMap[T]] ? true : false) : false
    : false
  : true; // not an event class (e.g. a type-only export)
type AllTrue<T> = false extends T[keyof T] ? never : true;
const everyEventClassIsMapped: AllTrue<{ [K in keyof EventClasses]: IsMapped<EventClasses[K]> }> = true;

/** The event map's kit entries, each with its class (an entry lost from the map fails here). */
const events: { [Type in KitEvent]: { readonly type: Type; prototype: GlobalEventHandlersEventMap[Type] } } = {
  'cr-response-submit': ResponseSubmitEvent,
  'cr-response-saved': ResponseSavedEvent,
  'cr-request-close': RequestCloseEvent,
  'cr-auth-required': AuthRequiredEvent,
  'cr-delete-request': DeleteRequestEvent,
  'cr-responses-deleted': ResponsesDeletedEvent,
  'cr-response-queued': ResponseQueuedEvent,
  'cr-sync-complete': SyncCompleteEvent,
  'cr-sync-failed': SyncFailedEvent,
};
type KitEvent = 'cr-response-submit' | 'cr-response-saved' | 'cr-request-close' | 'cr-auth-required' | 'cr-delete-request' | 'cr-responses-deleted' | 'cr-response-queued' | 'cr-sync-complete' | 'cr-sync-failed';

describe('types for TypeScript hosts', () => {
  it('each typed tag is registered with the class its type names', () => {
    for (const [tag, elementClass] of Object.entries(tags)) expect(customElements.get(tag), tag).to.equal(elementClass);
    expect([tab, dialog, history, provider].map((element) => element.localName)).to.deep.equal(Object.keys(tags).slice(0, 4));
    expect(found).to.equal(null);
  });

  it('each typed event class carries the type it is mapped under', () => {
    expect(everyEventClassIsMapped).to.equal(true);
    for (const [type, eventClass] of Object.entries(events)) expect(eventClass.type, type).to.equal(type);
  });
});
