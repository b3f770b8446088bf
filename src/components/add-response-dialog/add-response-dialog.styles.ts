import { css } from 'lit';

export const styles = css`
  :host {
    --_width: var(--cr-add-response-dialog-width, min(36rem, 100vw - 2rem));
    --_padding: var(--cr-add-response-dialog-padding, var(--_space-l));
    --_dialog-backdrop: var(--cr-add-response-dialog-backdrop, var(--_backdrop));
    --_body-min-height: var(--cr-add-response-dialog-body-min-height, 18rem);
    display: contents;
  }
  dialog {
    inline-size: var(--_width);
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    color: var(--_text);
    background: var(--_surface);
  }
  dialog::backdrop {
    background: var(--_dialog-backdrop);
  }
  header,
  footer {
    display: flex;
    align-items: center;
    gap: var(--_space-m);
    padding: var(--_space-m) var(--_padding);
  }
  header {
    justify-content: space-between;
    border-block-end: 1px solid var(--_border);
  }
  footer {
    flex-wrap: wrap;
    border-block-start: 1px solid var(--_border);
  }
  footer p {
    flex-basis: 100%;
    margin: 0;
  }
  .spacer {
    flex: 1;
  }
  h2 {
    margin: 0;
    font-size: var(--_font-size-heading);
  }
  /* One column as wide as the dialog: a select is otherwise as wide as its longest option (a long
     campaign or event name), and on a phone it ran past the dialog's edge. */
  .body {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: calc(var(--_space-m) * 1.5);
    padding: var(--_padding);
    min-block-size: var(--_body-min-height);
  }
  .field {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_space-s);
  }
  label {
    font-weight: var(--_font-weight-strong);
  }
  select,
  input,
  textarea {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_control-border);
    border-radius: var(--_radius);
    padding: var(--_space-s);
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
    border-width: 2px;
  }
  .hint,
  .target {
    margin: 0;
    color: var(--_muted);
  }
  .target {
    font-weight: var(--_font-weight-strong);
    color: var(--_text);
  }
  .field-error,
  .form-error {
    margin: 0;
    color: var(--_danger);
  }
  .form-error:empty {
    display: none;
  }
  /* The menu button sits in the footer: its menu opens upward. */
  [role='menu'] {
    inset-block-start: auto;
    inset-block-end: 100%;
  }
  @media (forced-colors: active) {
    dialog {
      border: 2px solid CanvasText;
    }
    /* Not told by colour alone: the invalid control's border is thicker and its message is text. */
    [aria-invalid='true'] {
      border-color: Mark;
    }
  }
`;
