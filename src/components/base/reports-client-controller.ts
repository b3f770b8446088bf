import { reportsClientContext } from '../../data/context.js';
import type { CampaignChange, CampaignReportsClient } from '../../data/reports-client.js';
import { createRestReportsClient, getDefaultReportsClient, installReportsClientFactory } from '../../data/reports-configure.js';
import { ClientController, type ClientHost, type ClientSource } from './client-controller.js';

/** What an element offers the controller to find its campaign-side client. */
export interface ReportsClientHost extends ClientHost {
  reportsClient: CampaignReportsClient | undefined;
}

const reportsClients: ClientSource<CampaignReportsClient> = {
  context: reportsClientContext,
  fromHost: (host) => (host as ReportsClientHost).reportsClient,
  configured: getDefaultReportsClient,
  createRest: createRestReportsClient,
};

/**
 * Finds a campaign element's client the way `DataClientController` finds a recipient element's:
 * its `reportsClient` property, a `<campaign-data-provider>` above it (context, also when the
 * provider upgrades later), the client of `configureCampaignKit()` / `configureCampaignReports()`,
 * and last a REST client of its own from `api-base` (with `token` / `getToken`). Gives the element
 * a request view (aborted when it disconnects) and reports changes of its campaign.
 */
export class ReportsClientController extends ClientController<CampaignReportsClient, CampaignChange> {
  constructor(host: ReportsClientHost, campaignId: () => string | undefined, onChange: (change: CampaignChange) => void) {
    // A provider makes its campaign-side client only once this side is loaded: it is, now.
    installReportsClientFactory();
    super(host, reportsClients, campaignId, onChange);
  }
}
