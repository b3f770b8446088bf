// The package root: side-effect free. Importing it registers no element; use `./define/<tag>.js`.
export * from './model/index.js';
export * from './adapter/index.js';
export * from './data/index.js';
export * from './events/index.js';
export * from './i18n/index.js';
export * from './components/index.js';
export { LocaleController } from './components/base/locale-controller.js';
export type { LocaleHost } from './components/base/locale-controller.js';
export { CampaignResponseReport } from './components/campaign-response-report/campaign-response-report.js';
export { CampaignClickthroughReport, isClickableUrl } from './components/campaign-clickthrough-report/campaign-clickthrough-report.js';
export { CsvExportController, CsvRecordCounter } from './components/campaign-response-report/csv-export.js';
export type { CsvExportState } from './components/campaign-response-report/csv-export.js';
