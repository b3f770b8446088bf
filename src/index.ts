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
// Bulk response entry: the pure rules, the reads and the save (CSV parsing stays behind the
// element's import of src/bulk/csv.js, so the root does not carry Papa Parse).
export { parsePastedKeys, rowOf, kindOf } from './bulk/rows.js';
export type { BulkRow, KeyKind } from './bulk/rows.js';
export { RecipientDirectory, nameKey } from './bulk/matching.js';
export type { RowMatch } from './bulk/matching.js';
export { buildPreview, countPreview, recipientOf } from './bulk/preview.js';
export type { DuplicateReason, ExistingAnswer, PreviewRow, PreviewCounts } from './bulk/preview.js';
export { findRecipients, findResponded } from './data/bulk-lookup.js';
export type { BulkScope, BulkReadOptions } from './data/bulk-lookup.js';
export { saveBulkLines, batchUndoOf } from './data/bulk-save.js';
export type { LineOutcome, BulkSaveOptions } from './data/bulk-save.js';
export type { BatchLineOutcome, BulkResponseOperations, RespondedQuery } from './adapter/bulk-operations.js';
