// A React 19 host component showing the kit's Campaigns subtab for a recipient the host picks.
//
// No wrapper: React 19 sets a prop as a property when the element has one ('recipientId' in el), so
// objects and functions (dataClient, getToken) arrive as they are, and it listens with
// addEventListener for an `on` + event name prop it does not know ('oncr-response-saved'). The element
// must be defined before React creates it, or the props become attributes: the define import comes first.
// Written with createElement so it needs no JSX set-up; in JSX it is
// <campaign-responses-tab recipientId={recipientId} dataClient={dataClient} oncr-response-saved={onSaved} />.
import { createElement, useState, type ReactElement } from 'react';
import '../../src/define/campaign-responses-tab.js'; // in an app: 'campaign-response-kit/define/campaign-responses-tab.js'
import type { AuthRequiredEvent, CampaignDataClient, Recipient, ResponseSavedEvent } from '../../src/index.js';
// The kit's React typings (in an app: 'campaign-response-kit/react'): the tab's props below are
// checked against them, so the browser test that mounts this component runs what the typings promise.
import type { CampaignResponsesTabReactProps } from '../../frameworks/react.js';

export interface RecipientCampaignsProps {
  recipients: Recipient[];
  /** The kit's data client, or `apiBase` and `token` for the default REST client. */
  dataClient?: CampaignDataClient;
  apiBase?: string;
  token?: string;
  onAuthRequired?: (event: AuthRequiredEvent) => void;
}

export function RecipientCampaigns({ recipients, dataClient, apiBase, token, onAuthRequired }: RecipientCampaignsProps): ReactElement {
  const [recipientId, setRecipientId] = useState(recipients[0]?.id ?? '');
  const [lastSaved, setLastSaved] = useState('');
  return createElement(
    'section',
    { className: 'embed-example' },
    createElement(
      'label',
      null,
      'Recipient ',
      createElement(
        'select',
        { value: recipientId, onChange: (event: { target: HTMLSelectElement }) => setRecipientId(event.target.value) },
        recipients.map((recipient) => createElement('option', { key: recipient.id, value: recipient.id }, recipient.displayName)),
      ),
    ),
    createElement('campaign-responses-tab', {
      recipientId,
      dataClient,
      apiBase,
      token,
      'oncr-response-saved': (event: ResponseSavedEvent) => setLastSaved(`Saved: ${event.line.detailId} for ${event.line.campaignId}`),
      'oncr-auth-required': (event: AuthRequiredEvent) => onAuthRequired?.(event),
    } satisfies CampaignResponsesTabReactProps),
    createElement('p', { role: 'status', className: 'last-saved' }, lastSaved),
  );
}
