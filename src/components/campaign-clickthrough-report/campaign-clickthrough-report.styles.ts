import { css } from 'lit';

export const styles = css`
  :host {
    --_min-height: var(--cr-campaign-clickthrough-report-min-height, 12rem);
    --_machine: var(--cr-color-machine, var(--_muted));
  }
  .report,
  .placeholder {
    display: grid;
    gap: calc(var(--_space) * 2);
    min-height: var(--_min-height);
    align-content: start;
  }
  .table-scroll {
    overflow: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  table {
    border-collapse: collapse;
    width: 100%;
    font-variant-numeric: tabular-nums;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding: var(--_space);
  }
  th,
  td {
    padding: calc(var(--_space) * 0.5) var(--_space);
    border-bottom: 1px solid var(--_border);
    text-align: start;
    vertical-align: top;
  }
  thead th {
    background: var(--_surface-alt);
  }
  .number {
    text-align: end;
  }
  th.url {
    font-weight: normal;
    overflow-wrap: anywhere;
    max-width: 50ch;
  }
  th.url a {
    color: var(--_accent);
  }
  .clickers {
    margin-inline-start: calc(var(--_space) * 2);
    width: calc(100% - var(--_space) * 2);
  }
  .clickers th {
    background: none;
    font-weight: 600;
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
    margin-inline-end: calc(var(--_space) * 0.5);
  }
  button[aria-expanded='true']::before {
    transform: rotate(90deg);
  }
`;
