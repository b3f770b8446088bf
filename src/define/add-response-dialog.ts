import { AddResponseDialog } from '../components/add-response-dialog/add-response-dialog.js';
import { ensureContextRoot } from '../data/context.js';

ensureContextRoot();
if (!customElements.get('add-response-dialog')) customElements.define('add-response-dialog', AddResponseDialog);

declare global {
  interface HTMLElementTagNameMap {
    'add-response-dialog': AddResponseDialog;
  }
}
