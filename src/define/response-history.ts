import { ResponseHistory } from '../components/response-history/response-history.js';
import { ensureContextRoot } from '../data/context.js';

ensureContextRoot();
if (!customElements.get('response-history')) customElements.define('response-history', ResponseHistory);

declare global {
  interface HTMLElementTagNameMap {
    'response-history': ResponseHistory;
  }
}
