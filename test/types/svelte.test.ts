// Svelte 5's SvelteHTMLElements with the kit's typings (campaign-response-kit/svelte): what
// svelte-check checks `<campaign-responses-tab recipientId=… oncr-response-saved=…>` against (without
// them, the map's catch-all entry let any prop through).
import type {} from 'campaign-response-kit/svelte';
import type { SvelteHTMLElements } from 'svelte/elements';
import type { CampaignDataClient, ResponseLine } from 'campaign-response-kit';

declare const dataClient: CampaignDataClient;
const saved: ResponseLine[] = [];

export const good: SvelteHTMLElements['campaign-responses-tab'] = {
  recipientId: '42',
  'api-base': '/api',
  dataClient,
  'oncr-response-saved': (event) => saved.push(event.line),
  class: 'tab',
};
export const status: SvelteHTMLElements['campaign-sync-status'] = { expanded: true, 'oncr-sync-failed': (event) => event.error };

// @ts-expect-error recipientId is a string
export const wrongPropertyType: SvelteHTMLElements['campaign-responses-tab'] = { recipientId: 42 };
// @ts-expect-error no such property
export const unknownProperty: SvelteHTMLElements['campaign-responses-tab'] = { recipient: '42' };
// @ts-expect-error the handler gets a ResponseSavedEvent, which has no `campaign`
export const wrongEventType: SvelteHTMLElements['campaign-responses-tab'] = { 'oncr-response-saved': (event) => event.campaign };
