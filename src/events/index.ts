import { ResponseSubmitEvent } from './response-submit.js';
import { ResponseSavedEvent } from './response-saved.js';
import { RequestCloseEvent } from './request-close.js';
import { AuthRequiredEvent } from './auth-required.js';
import { DeleteRequestEvent } from './delete-request.js';
import { ResponsesDeletedEvent } from './responses-deleted.js';
import { ResponseQueuedEvent } from './response-queued.js';
import { SyncCompleteEvent } from './sync-complete.js';
import { SyncFailedEvent } from './sync-failed.js';
import { BulkSavedEvent } from './bulk-saved.js';

export { ResponseSubmitEvent, ResponseSavedEvent, RequestCloseEvent, AuthRequiredEvent, DeleteRequestEvent, ResponsesDeletedEvent, ResponseQueuedEvent, SyncCompleteEvent, SyncFailedEvent, BulkSavedEvent };
export type { CloseReason } from './request-close.js';

declare global {
  interface GlobalEventHandlersEventMap {
    'cr-response-submit': ResponseSubmitEvent;
    'cr-response-saved': ResponseSavedEvent;
    'cr-request-close': RequestCloseEvent;
    'cr-auth-required': AuthRequiredEvent;
    'cr-delete-request': DeleteRequestEvent;
    'cr-responses-deleted': ResponsesDeletedEvent;
    'cr-response-queued': ResponseQueuedEvent;
    'cr-sync-complete': SyncCompleteEvent;
    'cr-sync-failed': SyncFailedEvent;
    'cr-bulk-saved': BulkSavedEvent;
  }
}
