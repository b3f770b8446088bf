import { dataClientContext } from '../../data/context.js';
import { createRestDataClient, getDefaultDataClient } from '../../data/configure.js';
import type { CampaignDataClient } from '../../data/data-client.js';
import type { DataChange } from '../../data/changes.js';
import { ClientController, type ClientHost, type ClientSource } from './client-controller.js';

/** What an element offers the controller to find its data client. */
export interface DataClientHost extends ClientHost {
  dataClient: CampaignDataClient | undefined;
}

const dataClients: ClientSource<CampaignDataClient> = {
  context: dataClientContext,
  fromHost: (host) => (host as DataClientHost).dataClient,
  configured: getDefaultDataClient,
  createRest: createRestDataClient,
};

/**
 * Finds a recipient element's data client (see `ClientController` for the order): its
 * `dataClient` property, a provider, `configureCampaignKit()`, or its own from `api-base`; and
 * reports changes of its recipient's data.
 */
export class DataClientController extends ClientController<CampaignDataClient, DataChange> {
  constructor(host: DataClientHost, recipientId: () => string | undefined, onChange: (change: DataChange) => void) {
    super(host, dataClients, recipientId, onChange);
  }
}
