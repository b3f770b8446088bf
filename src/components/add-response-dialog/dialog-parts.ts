import { exportPartsAs } from '../base/export-parts.js';

/**
 * Every part `<add-response-dialog>` documents, for the elements that hold one and re-export them
 * as `dialog__<part>` (the tab). test/browser/parts-and-tokens.test.ts checks the list against the
 * manifest through the tab's documented parts.
 */
export const DIALOG_PARTS = [
  'dialog',
  'form',
  'header',
  'title',
  'close-button',
  'body',
  'form-error',
  'field',
  'label',
  'control',
  'field-error',
  'time-zone',
  'note-count',
  'target',
  'footer',
  'save-button',
  'cancel-button',
  'menu-button',
  'menu',
  'menu-item',
  'discard',
  'discard-question',
  'discard-confirm-button',
  'discard-keep-button',
  'loading',
  'error',
  'auth',
  'not-found',
  'retry-button',
] as const;

export const DIALOG_EXPORTPARTS = exportPartsAs('dialog', DIALOG_PARTS);
