// React 19 JSX with the kit's typings (campaign-response-kit/react): properties, attributes and
// `oncr-*` events are checked. Compile-time only (npm run typecheck); the runtime side, that React 19
// sets these props as properties and hears the events, is test/browser/embed-react.test.ts.
import type {} from 'campaign-response-kit/react';
import type { CampaignDataClient, ResponseLine } from 'campaign-response-kit';

declare const dataClient: CampaignDataClient;
const saved: ResponseLine[] = [];

export const good = (
  <>
    <campaign-responses-tab
      recipientId="42"
      dataClient={dataClient}
      getToken={async () => 'token'}
      oncr-response-saved={(event) => saved.push(event.line)}
      oncr-auth-required={(event) => event.retryAfter(Promise.resolve('new'))}
    />
    <campaign-responses-tab recipient-id="42" api-base="/api" className="tab" />
    <campaign-sync-status expanded oncr-sync-failed={(event) => event.error} />
    <campaign-stats-panel campaignId="spring" excludeMachines />
  </>
);

// @ts-expect-error recipientId is a string
export const wrongPropertyType = <campaign-responses-tab recipientId={42} />;
// @ts-expect-error no such property
export const unknownProperty = <campaign-responses-tab recipient="42" />;
// @ts-expect-error the handler gets a ResponseSavedEvent, which has no `campaign`
export const wrongEventType = <campaign-responses-tab oncr-response-saved={(event) => event.campaign} />;
// (An unknown name with a dash, `oncr-sync-complete` on the tab, is not caught: TypeScript exempts
// JSX attributes with a dash from excess-property checks, as it does data-* and aria-*.)
// @ts-expect-error dataClient is a client, not a URL
export const wrongObject = <campaign-sync-status dataClient="/api" />;
