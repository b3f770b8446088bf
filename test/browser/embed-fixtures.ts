// Shared by the embedding tests (embed-plain, embed-react, embed-vue): two recipients with different
// campaigns, so a property set by the host shows on screen, and a person's Add Response through the
// dialog, so the element fires `cr-response-saved`. DOM-only: works with the bundle's copy of the kit too.
import type { Recipient, RecipientCampaigns } from '../../src/model/types.js';
import { FakeAdapter, RECIPIENT, until } from './fake-adapter.js';
import { $, $$, choose, text } from './helpers.js';

export const OTHER_RECIPIENT: Recipient = { id: '43', displayName: 'Jonas Weber', email: null, timeZone: 'Europe/Berlin' };
export const RECIPIENTS: Recipient[] = [RECIPIENT, OTHER_RECIPIENT];

/** Recipient 42 got both seeded campaigns (Spring Launch, Old Newsletter); 43 only the newsletter. */
export class TwoRecipientsAdapter extends FakeAdapter {
  constructor() {
    super();
    this.recipients.set(OTHER_RECIPIENT.id, OTHER_RECIPIENT);
  }

  override async getRecipientCampaigns(recipientId: string, options: { signal?: AbortSignal } = {}): Promise<RecipientCampaigns> {
    const answer = await super.getRecipientCampaigns(recipientId, options);
    return recipientId === OTHER_RECIPIENT.id ? { ...answer, campaigns: answer.campaigns.filter((c) => c.id === 'legacy') } : answer;
  }
}

/** The campaign titles a `<campaign-responses-tab>` shows. */
export function campaignTitles(tab: Element): string[] {
  return $$(tab, 'tbody[part="campaign"] th').map(text);
}

/** Waits until the tab shows exactly these campaign titles. */
export async function untilTitles(tab: Element, titles: string[]): Promise<void> {
  await until(() => JSON.stringify(campaignTitles(tab)) === JSON.stringify(titles));
}

/** A person records "Purchased" for Spring Launch's follow-up call through Add Response and saves it. */
export async function addPurchase(tab: Element): Promise<void> {
  $<HTMLButtonElement>(tab, '[part="add-button"]').click();
  const dialog = $(tab, 'add-response-dialog') as HTMLElement & { open: boolean; updateComplete: Promise<boolean> };
  await until(() => dialog.open && dialog.shadowRoot?.querySelector('#campaignId'));
  choose($<HTMLSelectElement>(dialog, '#campaignId'), 'spring');
  await dialog.updateComplete;
  choose($<HTMLSelectElement>(dialog, '#eventId'), 'spring-call');
  await dialog.updateComplete;
  choose($<HTMLSelectElement>(dialog, '#detailId'), 'purchased');
  await dialog.updateComplete;
  $<HTMLButtonElement>(dialog, '[part="save-button"]').click();
}
