export { CrElement } from './base/cr-element.js';
export { CrDataElement } from './base/cr-data-element.js';
export { CrCampaignElement } from './base/cr-campaign-element.js';
export { ReportsClientController } from './base/reports-client-controller.js';
export type { ReportsClientHost } from './base/reports-client-controller.js';
export { CampaignResponsesTab } from './campaign-responses-tab/campaign-responses-tab.js';
export { AddResponseDialog } from './add-response-dialog/add-response-dialog.js';
export { ResponseHistory } from './response-history/response-history.js';
export { CampaignDataProvider } from './campaign-data-provider/campaign-data-provider.js';
