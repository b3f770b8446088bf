import { html } from 'lit';
import type { TemplateResult } from 'lit';
import type { Localizer } from '../../i18n/localizer.js';

/** What the dialog's footer shows, handed over by the dialog on each render. */
export interface FooterContext {
  l: Localizer;
  askingDiscard: boolean;
  saving: boolean;
  mode: 'new' | 'update';
  /** The Actions menu (Update Status, where the person may delete), or nothing. */
  actions: unknown;
  onDiscard: () => void;
  onKeepEditing: () => void;
  onCancel: () => void;
}

/**
 * The buttons: Actions, the host's `footer` slot, Cancel, Save (a `type="submit"` button inside
 * the form); or the discard question.
 */
export function renderFooter(ctx: FooterContext): TemplateResult {
  const { l } = ctx;
  if (ctx.askingDiscard) {
    return html`<footer part="footer discard">
      <p id="discard-question" part="discard-question" role="alert">${l.t('dialog.discard.question')}</p>
      <button type="button" part="discard-confirm-button" data-discard="confirm" class="danger" @click=${ctx.onDiscard}>${l.t('dialog.discard.confirm')}</button>
      <button type="button" part="discard-keep-button" data-discard="keep" @click=${ctx.onKeepEditing}>${l.t('dialog.discard.keep')}</button>
    </footer>`;
  }
  const saveLabel = ctx.saving ? l.t('dialog.saving') : ctx.mode === 'new' ? l.t('dialog.save') : l.t('dialog.saveNew');
  return html`<footer part="footer">
    ${ctx.actions}
    <slot name="footer"></slot>
    <span class="spacer"></span>
    <button type="button" part="cancel-button" @click=${ctx.onCancel}>${l.t('dialog.cancel')}</button>
    <button type="submit" part="save-button" class="primary" ?disabled=${ctx.saving} aria-busy=${ctx.saving ? 'true' : 'false'}>${saveLabel}</button>
  </footer>`;
}
