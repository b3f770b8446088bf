// A Vue 3 host component showing the kit's Campaigns subtab for a recipient the host picks.
//
// Render functions (h), so no template compiler is needed. Vue sets a prop as a property when the
// element has one ('recipientId' in el) and listens for `onCrResponseSaved` as 'cr-response-saved'
// (it hyphenates what follows `on`). In a template the same is
// <campaign-responses-tab :recipientId="id" :dataClient="client" @cr-response-saved="onSaved" />, with
// `compilerOptions.isCustomElement` telling the compiler that campaign-* tags are not Vue components.
import { defineComponent, h, ref, type PropType } from 'vue';
import '../../src/define/campaign-responses-tab.js'; // in an app: 'campaign-response-kit/define/campaign-responses-tab.js'
import type { AuthRequiredEvent, CampaignDataClient, Recipient, ResponseSavedEvent } from '../../src/index.js';

export const RecipientCampaigns = defineComponent({
  name: 'RecipientCampaigns',
  props: {
    recipients: { type: Array as PropType<Recipient[]>, required: true },
    /** The kit's data client, or `apiBase` and `token` for the default REST client. */
    dataClient: { type: Object as PropType<CampaignDataClient>, default: undefined },
    apiBase: { type: String, default: undefined },
    token: { type: String, default: undefined },
  },
  emits: { 'auth-required': (_event: AuthRequiredEvent) => true },
  setup(props, { emit }) {
    const recipientId = ref(props.recipients[0]?.id ?? '');
    const lastSaved = ref('');
    return () =>
      h('section', { class: 'embed-example' }, [
        h('label', null, [
          'Recipient ',
          h(
            'select',
            { value: recipientId.value, onChange: (event: Event) => (recipientId.value = (event.target as HTMLSelectElement).value) },
            props.recipients.map((recipient) => h('option', { key: recipient.id, value: recipient.id }, recipient.displayName)),
          ),
        ]),
        h('campaign-responses-tab', {
          recipientId: recipientId.value,
          dataClient: props.dataClient,
          apiBase: props.apiBase,
          token: props.token,
          onCrResponseSaved: (event: ResponseSavedEvent) => (lastSaved.value = `Saved: ${event.line.detailId} for ${event.line.campaignId}`),
          onCrAuthRequired: (event: AuthRequiredEvent) => emit('auth-required', event),
        }),
        h('p', { role: 'status', class: 'last-saved' }, lastSaved.value),
      ]);
  },
});
