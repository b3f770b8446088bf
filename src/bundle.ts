// The single-file bundle's entry (`dist/campaign-kit.bundle.js`, built by scripts/build-bundle.mjs): for
// hosts without a bundler. Unlike the package root it registers every element, and it carries Lit,
// @lit/context, idb, valibot and the virtualizer, so one <script type="module"> is enough.
//
// The dialog and the history (with the virtualizer) are chunks beside it, imported on demand: the
// tab's first paint waits for neither. The tab's define file registers their loaders; they are
// fetched when the page is first idle (a page may show either on its own, without a tab) or when a
// tab first needs them. Their classes are therefore not exported here: a page that subclasses them
// takes them from `customElements.whenDefined()`, or uses the package with a bundler.
import './define/campaign-data-provider.js';
import './define/campaign-responses-tab.js';
import './define/campaign-stats-panel.js';
import './define/campaign-sync-status.js';
import './define/campaign-response-report.js';
import './define/campaign-clickthrough-report.js';
import { preloadElements, registerElementLoader, whenIdle } from './components/base/lazy-elements.js';

// The bulk entry (with its virtualized preview) is a chunk too: few pages show it, and none needs
// it for a first paint; defined when the page is first idle, it upgrades any already in the page.
registerElementLoader('bulk-response-entry', () => import('./define/bulk-response-entry.js'));
whenIdle(() => preloadElements('add-response-dialog', 'response-history', 'bulk-response-entry'));

// The package root's exports (src/index.ts) but the three classes loaded on demand; test/node/bundle-graph.test.ts
// checks that the lists agree.
export * from './model/index.js';
export * from './adapter/index.js';
export * from './data/index.js';
export * from './events/index.js';
export * from './i18n/index.js';
export { CrElement } from './components/base/cr-element.js';
export { CrDataElement } from './components/base/cr-data-element.js';
export { CrCampaignElement } from './components/base/cr-campaign-element.js';
export { ReportsClientController } from './components/base/reports-client-controller.js';
export type { ReportsClientHost } from './components/base/reports-client-controller.js';
export { CampaignResponsesTab } from './components/campaign-responses-tab/campaign-responses-tab.js';
export { CampaignDataProvider } from './components/campaign-data-provider/campaign-data-provider.js';
export { CampaignStatsPanel } from './components/campaign-stats-panel/campaign-stats-panel.js';
export { CampaignSyncStatus } from './components/campaign-sync-status/campaign-sync-status.js';
export type { CampaignRowContext, VocabularyLabels } from './components/campaign-responses-tab/campaign-rows.js';
export type { LineContext } from './components/response-history/history-line.js';
export type { Formats } from './components/campaign-stats-panel/format.js';
export { DIALOG_PARTS } from './components/add-response-dialog/dialog-parts.js';
export { HISTORY_PARTS } from './components/response-history/history-parts.js';
export { LocaleController } from './components/base/locale-controller.js';
export type { LocaleHost } from './components/base/locale-controller.js';
export { CampaignResponseReport } from './components/campaign-response-report/campaign-response-report.js';
export { CampaignClickthroughReport, isClickableUrl } from './components/campaign-clickthrough-report/campaign-clickthrough-report.js';
export { CsvExportController, CsvRecordCounter } from './components/campaign-response-report/csv-export.js';
export type { CsvExportState } from './components/campaign-response-report/csv-export.js';
export * from './offline/index.js';
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
