import { css } from 'lit';

export const styles = css`
  :host {
    --_cell-gap: var(--cr-campaign-responses-tab-row-gap, var(--_space));
    --_header-background: var(--cr-campaign-responses-tab-header-background, var(--_surface-alt));
  }
  .toolbar {
    display: flex;
    justify-content: flex-start;
    margin-block-end: var(--_space);
  }
  .content {
    min-height: 8rem;
  }
  table {
    width: 100%;
    border-collapse: collapse;
  }
  th,
  td {
    text-align: start;
    vertical-align: top;
    padding: var(--_cell-gap);
    border-bottom: 1px solid var(--_border);
  }
  thead th {
    background: var(--_header-background);
  }
  .disclosure {
    border: none;
    background: none;
    padding: 0;
    font-weight: 600;
    text-align: start;
    display: inline-flex;
    gap: calc(var(--_space) * 0.5);
    align-items: baseline;
  }
  .chevron::before {
    content: '▸';
    display: inline-block;
  }
  [aria-expanded='true'] .chevron::before {
    content: '▾';
  }
  .events {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: calc(var(--_space) * 0.5);
  }
  .events li {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
    justify-content: space-between;
  }
  .category {
    color: var(--_muted);
  }
  .category::before {
    content: '· ';
  }
  .none {
    color: var(--_muted);
  }
  .delay-note {
    margin: calc(var(--_space) * 0.5) 0 0;
    font-size: 0.875em;
    color: var(--_muted);
  }
  dialog {
    max-width: min(30rem, 100vw - 2rem);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    color: var(--_text);
    background: var(--_surface);
  }
  dialog h2 {
    margin-top: 0;
    font-size: 1.15rem;
  }
  .buttons {
    display: flex;
    justify-content: flex-end;
    gap: var(--_space);
  }
  .snackbar {
    position: fixed;
    inset-block-end: calc(var(--_space) * 2);
    inset-inline-start: 50%;
    translate: -50% 0;
    display: flex;
    gap: calc(var(--_space) * 2);
    align-items: center;
    padding: var(--_space) calc(var(--_space) * 2);
    border-radius: var(--_radius);
    background: #1f1f1f;
    color: #fff;
  }
  .snackbar button {
    color: #fff;
    background: transparent;
    border-color: #fff;
  }
  @media (forced-colors: active) {
    .snackbar {
      border: 1px solid CanvasText;
    }
  }
`;
