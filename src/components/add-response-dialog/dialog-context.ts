import type { CampaignDataClient } from '../../data/data-client.js';
import type { RecipientCampaign, ResponseVocabulary } from '../../model/types.js';

/** What the dialog's fields are made of: the recipient's campaigns and the response vocabulary. */
export interface DialogContext {
  campaigns: RecipientCampaign[];
  vocabulary: ResponseVocabulary;
}

/** Reads what the host did not hand in of the dialog's context, keeping what it did. */
export async function loadDialogContext(client: CampaignDataClient, recipientId: string, given: Partial<DialogContext>, signal: AbortSignal): Promise<DialogContext> {
  const [vocabulary, answer] = await Promise.all([
    given.vocabulary ?? client.getVocabulary({ signal }),
    given.campaigns ? { campaigns: given.campaigns } : client.getRecipientCampaigns(recipientId, { signal }),
  ]);
  signal.throwIfAborted();
  return { vocabulary, campaigns: answer.campaigns };
}

/**
 * Focus on the first field, as the modal dialog pattern advises for a form: showModal() alone
 * would put it on ×. While the fields are loading, × keeps it; when they arrive, focus moves to
 * the first one unless the person has moved it elsewhere meanwhile.
 */
export function focusFirstField(shadowRoot: ShadowRoot | null, renderRoot: HTMLElement | DocumentFragment): void {
  const active = shadowRoot?.activeElement;
  if (active && !active.matches('[part~="close-button"]')) return;
  renderRoot.querySelector<HTMLElement>('.body [part~="control"]:not(:disabled)')?.focus();
}
