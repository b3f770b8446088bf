import { css } from 'lit';

export const styles = css`
  :host {
    --_min-height: var(--cr-campaign-clickthrough-report-min-height, 12rem);
    --_machine: var(--cr-color-machine, var(--_muted));
    --_header-background: var(--cr-campaign-clickthrough-report-header-background, var(--_surface-alt));
  }
  .report,
  .placeholder {
    display: grid;
    gap: var(--_space-l);
    min-block-size: var(--_min-height);
    align-content: start;
  }
  .table-scroll {
    overflow: auto;
    /* Absolutely placed visually-hidden text inside must scroll with the table, not widen the page. */
    position: relative;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  table {
    border-collapse: collapse;
    inline-size: 100%;
    font-variant-numeric: tabular-nums;
  }
  caption {
    text-align: start;
    font-weight: var(--_font-weight-strong);
    padding: var(--_space-m);
  }
  th,
  td {
    padding: var(--_space-s) var(--_space-m);
    border-block-end: 1px solid var(--_border);
    text-align: start;
    vertical-align: top;
  }
  thead th {
    background: var(--_header-background);
  }
  .number {
    text-align: end;
  }
  th.url {
    font-weight: normal;
    overflow-wrap: anywhere;
    max-inline-size: 50ch;
  }
  th.url a {
    color: var(--_accent);
  }
  .clickers {
    margin-inline-start: var(--_space-l);
    inline-size: calc(100% - var(--_space-l));
  }
  .clickers th {
    background: none;
    font-weight: var(--_font-weight-strong);
  }
  .machine {
    color: var(--_machine);
  }
  .no-clicks {
    margin: 0;
    color: var(--_muted);
  }
  button[aria-expanded]::before {
    content: '▸' / '';
    display: inline-block;
    margin-inline-end: var(--_space-s);
  }
  button[aria-expanded='true']::before {
    transform: rotate(90deg);
  }
  /* Right to left, the closed triangle points left (to where the text goes); open, still down. */
  button[aria-expanded]:dir(rtl)::before {
    transform: scaleX(-1);
  }
  button[aria-expanded='true']:dir(rtl)::before {
    transform: rotate(90deg);
  }
  @media (forced-colors: active) {
    .table-scroll {
      border-color: CanvasText;
    }
    th.url a {
      color: LinkText;
    }
    .machine {
      color: CanvasText;
    }
  }
`;
