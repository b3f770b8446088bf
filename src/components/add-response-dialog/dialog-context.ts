import type { CampaignDataClient } from '../../data/data-client.js';
import type { RecipientCampaign, ResponseVocabulary } from '../../model/types.js';

/** What the dialog's fields are made of: the recipient's campaigns and the response vocabulary. */
export interface DialogContext {
  campaigns: RecipientCampaign[];
  vocabulary: ResponseVocabulary;
}

/** Reads what the dialog (`context`) was not handed of its context, into it. */
export async function loadDialogContext(client: CampaignDataClient, recipientId: string, context: Partial<DialogContext>, signal: AbortSignal): Promise<void> {
  const [vocabulary, answer] = await Promise.all([
    context.vocabulary ?? client.getVocabulary({ signal }),
    context.campaigns ? { campaigns: context.campaigns } : client.getRecipientCampaigns(recipientId, { signal }),
  ]);
  signal.throwIfAborted();
  context.vocabulary = vocabulary;
  context.campaigns = answer.campaigns;
}

/**
 * Focus on the first field, as the modal dialog pattern advises for a form: showModal() alone
 * would put it on ×. While the fields are loading, × keeps it; when they arrive, focus moves to
 * the first one unless the person has moved it elsewhere meanwhile.
 */
export function focusFirstField(dialog: { shadowRoot: ShadowRoot | null; renderRoot: HTMLElement | DocumentFragment }): void {
  const active = dialog.shadowRoot?.activeElement;
  if (active && !active.matches('[part~="close-button"]')) return;
  dialog.renderRoot.querySelector<HTMLElement>('.body [part~="control"]:not(:disabled)')?.focus();
}
