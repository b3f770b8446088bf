import type { CampaignDataClient } from '../../data/data-client.js';
import type { RecipientCampaigns, ResponseVocabulary } from '../../model/types.js';

/** What the tab shows: the recipient's campaigns and the vocabulary their responses are in. */
export type TabData = RecipientCampaigns & { vocabulary: ResponseVocabulary };

/** One load of the tab: campaigns and vocabulary side by side, and who may add a response. */
export async function loadTabData(client: CampaignDataClient, recipientId: string, signal: AbortSignal): Promise<TabData> {
  const [vocabulary, answer] = await Promise.all([
    client.getVocabulary({ signal }),
    client.getRecipientCampaigns(recipientId, { signal }),
    // Who may add a response: asked once per client, beside the first load.
    client.permissions.load({ signal }),
  ]);
  return { ...answer, vocabulary };
}
