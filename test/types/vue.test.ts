// Vue's GlobalComponents with the kit's typings (campaign-response-kit/vue): what a template's
// `:recipientId` and `@cr-response-saved` are checked against (vue-tsc reads the same map).
import type {} from 'campaign-response-kit/vue';
import type { GlobalComponents } from 'vue';
import type { CampaignDataClient, ResponseLine } from 'campaign-response-kit';

type PropsOf<Tag extends keyof GlobalComponents> = InstanceType<GlobalComponents[Tag]>['$props'];
declare const dataClient: CampaignDataClient;
const saved: ResponseLine[] = [];

export const good: PropsOf<'campaign-responses-tab'> = {
  recipientId: '42',
  dataClient,
  onCrResponseSaved: (event) => saved.push(event.line),
  onCrAuthRequired: (event) => event.retryAfter(Promise.resolve('new')),
};
export const status: PropsOf<'campaign-sync-status'> = { expanded: true, onCrSyncFailed: (event) => event.error };

// @ts-expect-error recipientId is a string
export const wrongPropertyType: PropsOf<'campaign-responses-tab'> = { recipientId: 42 };
// @ts-expect-error the handler gets a ResponseSavedEvent, which has no `campaign`
export const wrongEventType: PropsOf<'campaign-responses-tab'> = { onCrResponseSaved: (event) => event.campaign };
// @ts-expect-error the tab fires no cr-sync-complete
export const eventOfAnotherElement: PropsOf<'campaign-responses-tab'> = { onCrSyncComplete: () => undefined };
