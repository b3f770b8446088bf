import { css } from 'lit';

export const styles = css`
  :host {
    --_min-height: var(--cr-campaign-response-report-min-height, 24rem);
    --_rows-height: var(--cr-campaign-response-report-rows-height, 32rem);
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
  .rows-scroll {
    max-height: var(--_rows-height);
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
  .as-of {
    display: block;
    font-weight: normal;
    color: var(--_muted);
    font-size: 0.875em;
  }
  th,
  td {
    padding: calc(var(--_space) * 0.5) var(--_space);
    border-bottom: 1px solid var(--_border);
    text-align: start;
    vertical-align: top;
  }
  thead th {
    position: sticky;
    top: 0;
    background: var(--_surface-alt);
  }
  .number {
    text-align: end;
  }
  tr.category th,
  tr.category td {
    background: var(--_surface-alt);
    font-weight: 600;
  }
  th.detail {
    font-weight: normal;
    padding-inline-start: calc(var(--_space) * 2);
  }
  tfoot th,
  tfoot td {
    font-weight: 700;
    border-top: 2px solid var(--_text);
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: end;
  }
  .filters label {
    display: grid;
    gap: calc(var(--_space) * 0.25);
  }
  select,
  input {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 0.25) calc(var(--_space) * 0.5);
  }
  input[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .field-error {
    flex-basis: 100%;
    margin: 0;
    color: var(--_danger);
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
    margin-block: var(--_space);
  }
  .count {
    margin-inline-end: auto;
    color: var(--_muted);
  }
  .export-status {
    flex-basis: 100%;
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
    margin: 0;
  }
  .export-status.failed {
    color: var(--_danger);
  }
  table[aria-busy='true'] tbody {
    opacity: 0.6;
  }
  .category {
    display: block;
    color: var(--_muted);
    font-size: 0.875em;
  }
  .machine {
    display: inline-block;
    margin-inline-start: calc(var(--_space) * 0.5);
    padding: 0 calc(var(--_space) * 0.5);
    border: 1px solid var(--_machine);
    border-radius: var(--_radius);
    color: var(--_machine);
    font-size: 0.875em;
  }
  .note {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    max-width: 40ch;
  }
  .no-match {
    color: var(--_muted);
  }
  .more {
    margin-block-start: var(--_space);
  }
  @media (forced-colors: active) {
    .machine {
      border-color: CanvasText;
      color: CanvasText;
    }
    tfoot th,
    tfoot td {
      border-top-color: CanvasText;
    }
  }
`;
