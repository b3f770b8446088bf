import { html } from 'lit';
import type { TemplateResult } from 'lit';
import type { Localizer } from '../../i18n/localizer.js';

/** The title bar: the heading (`id="title"`, which names the dialog) and the close button. */
export function renderDialogHeader(l: Localizer, title: string, onClose: () => void): TemplateResult {
  return html`<header part="header">
    <h2 id="title" part="title">${title}</h2>
    <button type="button" part="close-button" aria-label=${l.t('dialog.close')} @click=${onClose}>
      <span aria-hidden="true">×</span>
    </button>
  </header>`;
}
