export { CampaignDataClient } from './data-client.js';
export type { CampaignDataClientOptions, ResponseDraft, SubscribeOptions } from './client-options.js';
export type { LiveState } from './live/live-hub.js';
export type { LiveArrival, LiveNewsListener } from './live/recipient-live.js';
export { PendingDeletion } from './pending-deletion.js';
export { RequestSlots } from './abort.js';
export type { ActionAnswer, PermissionLimit } from './permissions.js';
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
export { directParts } from './parts.js';
export type { ClientParts, ClientPartsFactory, ClientReads, ClientSync, ClientWrites, ManyLineResult, PartsContext } from './parts.js';
export { offlineParts } from './offline/parts.js';
export type { OfflineParts } from './offline/parts.js';
export type { OfflineOptions } from './offline/options.js';
export type { OfflineDevice } from './offline/device.js';
// Deprecated names, kept one release (see CHANGELOG).
export { OfflineDataClient, createOfflineRestDataClient } from './offline-client.js';
export type { OfflineDataClientOptions, OfflineRestClientConfig } from './offline-client.js';
export { asOfOf, queuedOpOf, syncMarkOf } from './marks.js';
export type { SyncMark, SyncState } from './marks.js';
export type { Connectivity, OfflineMode, SyncEvent, SyncListener, SyncProblem, SyncStatus } from './sync.js';
// The offline store's lifecycle, for hosts: wipe a user's data on logout; the typed storage error.
export { wipeOfflineData } from '../offline/db.js';
export { OutboxStorageError } from '../offline/errors.js';
export type { OutboxStorageErrorKind } from '../offline/errors.js';
export type { OpError } from '../offline/types.js';
