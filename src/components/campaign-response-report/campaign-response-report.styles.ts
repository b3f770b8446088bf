import { css } from 'lit';

export const styles = css`
  :host {
    --_min-height: var(--cr-campaign-response-report-min-height, 24rem);
    --_rows-height: var(--cr-campaign-response-report-rows-height, 32rem);
    --_machine: var(--cr-color-machine, var(--_muted));
    --_header-background: var(--cr-campaign-response-report-header-background, var(--_surface-alt));
  }
  .rows-scroll {
    max-block-size: var(--_rows-height);
  }
  .as-of {
    display: block;
    font-weight: normal;
    color: var(--_muted);
    font-size: var(--_font-size-s);
  }
  thead th {
    position: sticky;
    inset-block-start: 0;
    background: var(--_header-background);
  }
  tr.category th,
  tr.category td {
    background: var(--_header-background);
    font-weight: var(--_font-weight-strong);
  }
  th.detail {
    font-weight: normal;
    padding-inline-start: var(--_space-l);
  }
  tfoot th,
  tfoot td {
    font-weight: var(--_font-weight-strong);
    border-block-start: 2px solid var(--_text);
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-m);
    align-items: end;
  }
  .filters label {
    display: grid;
    gap: var(--_space-xs);
    /* A select is as wide as its longest option (a campaign event's name): on a phone it shrinks
       to the report's width rather than widening the page. */
    grid-template-columns: minmax(0, auto);
    max-inline-size: 100%;
  }
  .filters select {
    max-inline-size: 100%;
  }
  select,
  input {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_control-border);
    border-radius: var(--_radius);
    padding: var(--_space-xs) var(--_space-s);
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
    gap: var(--_space-m);
    align-items: center;
    margin-block: var(--_space-m);
  }
  .count {
    margin-inline-end: auto;
    color: var(--_muted);
  }
  .export-status {
    flex-basis: 100%;
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-m);
    align-items: center;
    margin: 0;
  }
  .export-status.failed {
    color: var(--_danger);
  }
  table[aria-busy='true'] tbody {
    opacity: 0.6;
  }
  /* The category under a detail in a detail row; not the summary's category rows (tr.category). */
  span.category {
    display: block;
    color: var(--_muted);
    font-size: var(--_font-size-s);
  }
  .machine {
    display: inline-block;
    margin-inline-start: var(--_space-s);
    padding-inline: var(--_space-s);
    border: 1px solid var(--_machine);
    border-radius: var(--_radius);
    color: var(--_machine);
    font-size: var(--_font-size-s);
  }
  .note {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    max-inline-size: 40ch;
  }
  .no-match {
    color: var(--_muted);
  }
  .more {
    margin-block-start: var(--_space-m);
  }
  @media (forced-colors: active) {
    .machine {
      border-color: CanvasText;
      color: CanvasText;
    }
    tfoot th,
    tfoot td {
      border-block-start-color: CanvasText;
    }
    /* The subtotal rows lose their background: a rule above them tells them apart. */
    tr.category th,
    tr.category td {
      border-block-start: 1px solid CanvasText;
    }
  }
`;
