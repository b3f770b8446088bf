/**
 * The DOM side of a client's sync news, in one place: which sync event becomes which `cr-` event,
 * and which element on the page announces it. A `<campaign-sync-status>` announces its client's
 * news; where the page has none, the `<campaign-data-provider>` does, so a host hears that a queued
 * line landed whether or not it shows the status, and never twice.
 */
import { AuthError } from '../../adapter/errors.js';
import type { CampaignDataClient } from '../../data/data-client.js';
import type { SyncEvent } from '../../data/sync.js';
import { AuthRequiredEvent } from '../../events/auth-required.js';
import { ResponseSavedEvent } from '../../events/response-saved.js';
import { SyncCompleteEvent } from '../../events/sync-complete.js';
import { SyncFailedEvent } from '../../events/sync-failed.js';

/** The `cr-` event a sync event is announced as, or undefined for news only the status reads. */
export function syncDomEvent(client: CampaignDataClient, event: SyncEvent): Event | undefined {
  switch (event.type) {
    case 'sync-complete':
      return new SyncCompleteEvent(event);
    case 'delivered':
      return new ResponseSavedEvent(event.line);
    case 'sync-failed':
      return new SyncFailedEvent(event);
    case 'auth-required': {
      const error = new AuthError(event.error.message, { status: event.error.status, problem: event.error.problem });
      return new AuthRequiredEvent(error, () => client.resumeSync());
    }
    default:
      return undefined;
  }
}

/** The connected status elements of each client: while there is one, it announces. */
const statuses = new WeakMap<CampaignDataClient, Set<Element>>();

/** A status element takes over announcing `client`'s news; returns the release. */
export function claimSyncNews(client: CampaignDataClient, status: Element): () => void {
  let set = statuses.get(client);
  if (!set) statuses.set(client, (set = new Set()));
  set.add(status);
  return () => set.delete(status);
}

/** Whether a status element on the page announces `client`'s news (so a provider need not). */
export function syncNewsClaimed(client: CampaignDataClient): boolean {
  return [...(statuses.get(client) ?? [])].some((status) => status.isConnected);
}
