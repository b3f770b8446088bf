/**
 * After a delete-all was sent: whether its notice stays, offering Restore (a backend that can
 * restore, a person who may) or telling that lines added since were kept; and what a failed
 * restore says.
 */
import { capabilitiesOf, canDo } from '../../adapter/capabilities.js';
import { isAdapterError } from '../../adapter/errors.js';
import type { CampaignDataClient } from '../../data/data-client.js';
import type { Localizer } from '../../i18n/localizer.js';
import type { DeleteAllResult } from '../../model/types.js';
import { errorMessage } from '../base/states.js';

/**
 * The server's answer (waiting for the outbox to deliver a queued delete), and whether Restore is
 * offered; undefined when there is nothing to say (no restore, nothing kept) or no answer came.
 */
export async function afterSent(client: CampaignDataClient, result: DeleteAllResult): Promise<{ result: DeleteAllResult; restorable: boolean } | undefined> {
  const mayRestore = client.can('delete') && canDo(capabilitiesOf(client.adapter), 'restore').allowed;
  try {
    const answer = await client.deliveredDeletion(result);
    const restorable = mayRestore && Boolean(answer.deletionId);
    return restorable || (answer.kept ?? 0) > 0 ? { result: answer, restorable } : undefined;
  } catch {
    // Never delivered (discarded, or queued in another way): the sync status tells about it.
    return undefined;
  }
}

/** A failed restore in words: without an answer, that it needs a connection (a restore is not queued). */
export function restoreMessage(error: unknown, campaign: string, l: Localizer): string {
  if (isAdapterError(error) && error.kind === 'unavailable' && error.status === undefined) return l.t('restore.needsConnection');
  return l.t('tab.restoreFailed', { campaign, message: errorMessage(error, l) });
}
