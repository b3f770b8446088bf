import { css } from 'lit';

export const styles = css`
  :host {
    --_list-height: var(--cr-bulk-response-entry-list-height, 20rem);
    --_row-padding: var(--cr-bulk-response-entry-row-padding, var(--_space-s) var(--_space-m));
    --_left-out: var(--cr-bulk-response-entry-left-out-color, var(--_muted));
  }
  h2,
  h3 {
    margin: 0 0 var(--_space-m);
    font-size: var(--_font-size-heading);
  }
  fieldset {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_space-m);
    margin: 0 0 var(--_space-l);
    padding: var(--_space-m);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .field {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_space-xs);
  }
  /* No wider than the element: a select is otherwise as wide as its longest option (a long event
     name or response detail) and runs past a phone's edge. */
  select,
  input,
  textarea {
    max-inline-size: 100%;
    min-inline-size: 0;
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_control-border);
    border-radius: var(--_radius);
    padding: var(--_space-xs) var(--_space-s);
  }
  input[type='checkbox'] {
    inline-size: 1.25rem;
    block-size: 1.25rem;
  }
  .hint,
  .muted {
    margin: 0;
    color: var(--_muted);
    font-size: var(--_font-size-s);
  }
  .field-error,
  .message {
    margin: 0;
    color: var(--_danger);
  }
  .actions,
  .progress {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-m);
    align-items: center;
    margin-block: var(--_space-m);
  }
  progress {
    flex: 1 1 12rem;
    accent-color: var(--_accent);
  }
  .list {
    block-size: var(--_list-height);
    overflow: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s) var(--_space-m);
    align-items: center;
    inline-size: 100%;
    padding: var(--_row-padding);
    border-block-end: 1px solid var(--_border);
  }
  .row.left-out .key {
    color: var(--_left-out);
  }
  .key {
    min-inline-size: min(12rem, 100%);
    overflow-wrap: anywhere;
  }
  .reason {
    color: var(--_warning);
    font-size: var(--_font-size-s);
  }
  .status {
    margin: 0;
  }
  .failed-list {
    color: var(--_danger);
    padding-inline-start: var(--_space-l);
  }
  @media (forced-colors: active) {
    .reason,
    .field-error,
    .failed-list {
      forced-color-adjust: auto;
    }
  }
`;
