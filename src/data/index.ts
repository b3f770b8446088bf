export { CampaignDataClient } from './data-client.js';
export type { CampaignDataClientOptions, ResponseDraft } from './data-client.js';
export { PendingDeletion } from './pending-deletion.js';
export { RequestSlots } from './abort.js';
export type { DataChange, DataChangeListener } from './changes.js';
export { dataClientContext, ensureContextRoot } from './context.js';
export {
  configureCampaignKit,
  createRestDataClient,
  getDefaultDataClient,
  onDefaultDataClientChange,
  resetCampaignKit,
} from './configure.js';
export type { CampaignKitConfig, RestClientConfig, TokenSource } from './configure.js';
