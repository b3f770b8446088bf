import { css } from 'lit';

export const styles = css`
  :host {
    --_width: var(--cr-add-response-dialog-width, min(36rem, 100vw - 2rem));
    display: contents;
  }
  dialog {
    width: var(--_width);
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    color: var(--_text);
    background: var(--_surface);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.4);
  }
  header,
  footer {
    display: flex;
    align-items: center;
    gap: var(--_space);
    padding: var(--_space) calc(var(--_space) * 2);
  }
  header {
    justify-content: space-between;
    border-bottom: 1px solid var(--_border);
  }
  footer {
    flex-wrap: wrap;
    border-top: 1px solid var(--_border);
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
    font-size: 1.15rem;
  }
  .body {
    display: grid;
    gap: calc(var(--_space) * 1.5);
    padding: calc(var(--_space) * 2);
    min-height: 18rem;
  }
  .field {
    display: grid;
    gap: calc(var(--_space) * 0.5);
  }
  label {
    font-weight: 600;
  }
  select,
  input,
  textarea {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 0.5);
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
    font-weight: 600;
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
  .menu-root {
    position: relative;
  }
  [role='menu'] {
    position: absolute;
    bottom: 100%;
    left: 0;
    min-width: 10rem;
    padding: calc(var(--_space) * 0.5) 0;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: 0 2px 8px rgb(0 0 0 / 0.2);
  }
  [role='menu'][hidden] {
    display: none;
  }
  [role='menuitem'] {
    padding: calc(var(--_space) * 0.5) var(--_space);
    cursor: pointer;
  }
  [role='menuitem']:focus,
  [role='menuitem']:hover {
    background: var(--_surface-alt);
  }
`;
