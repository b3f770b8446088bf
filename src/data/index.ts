export { CampaignDataClient } from './data-client.js';
export type { CampaignDataClientOptions, ResponseDraft } from './data-client.js';
export { PendingDeletion } from './pending-deletion.js';
export { RequestSlots } from './abort.js';
export type { DataChange, DataChangeListener } from './changes.js';
export { dataClientContext, ensureContextRoot, reportsClientContext } from './context.js';
export {
  configureCampaignKit,
  createRestDataClient,
  getDefaultDataClient,
  onDefaultDataClientChange,
  resetCampaignKit,
} from './configure.js';
export type { CampaignKitConfig, ReportsKitConfig, ReportsSource, RestClientConfig, TokenSource } from './configure.js';
export { CampaignReportsClient } from './reports-client.js';
export type { CampaignChange, CampaignChangeListener, CampaignReportsClientOptions } from './reports-client.js';
export {
  configureCampaignReports,
  createRestReportsClient,
  getDefaultReportsClient,
  installReportsClientFactory,
} from './reports-configure.js';
export type { CampaignReportsConfig } from './reports-configure.js';
