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
  /* No flex or grid inside the cells: an auto-layout table sizes every cell twice (its narrowest and
     widest), and 100 campaigns' flex and grid boxes made that the larger part of the first paint.
     Floats and margins give the same picture. */
  .disclosure {
    border: none;
    background: none;
    padding: 0;
    font-weight: 600;
    text-align: start;
  }
  /* The chevron is decoration: the alternative text after the slash keeps it out of the name. */
  .disclosure::before {
    content: '▸' / '';
    margin-inline-end: calc(var(--_space) * 0.5);
  }
  .disclosure[aria-expanded='true']::before {
    content: '▾' / '';
  }
  .events {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  /* The event's name and, at the end of its line, its Update Status button, centred on each other:
     the line is as tall as the button (the parent's line, the button's block padding and border)
     and the button's own line is the parent's again. */
  .events li {
    display: flow-root;
    line-height: calc(1lh + var(--_space) + 2px);
  }
  .events li + li {
    margin-block-start: calc(var(--_space) * 0.5);
  }
  .events button {
    float: inline-end;
    line-height: calc(1lh - var(--_space) - 2px);
    margin-inline-start: var(--_space);
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
    box-sizing: border-box;
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
