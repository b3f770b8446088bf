import { BulkResponseEntry } from '../components/bulk-response-entry/bulk-response-entry.js';
import { ensureContextRoot } from '../data/context.js';

ensureContextRoot();
if (!customElements.get('bulk-response-entry')) customElements.define('bulk-response-entry', BulkResponseEntry);

declare global {
  interface HTMLElementTagNameMap {
    'bulk-response-entry': BulkResponseEntry;
  }
}
