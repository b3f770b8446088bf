// Registers every element of the kit.
import './campaign-data-provider.js';
import './campaign-responses-tab.js';
import './add-response-dialog.js';
import './response-history.js';
import './campaign-stats-panel.js';
import './campaign-sync-status.js';
import './campaign-response-report.js';
import './campaign-clickthrough-report.js';
import './bulk-response-entry.js';
