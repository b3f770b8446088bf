import { css } from 'lit';

/**
 * The panel's tables (the events table with its rates), disclosures, and the forced-colors theme.
 * Adopted right after the panel's own styles, whose end they were: the cascade order is unchanged.
 */
export const tableStyles = css`
  details {
    margin-block-start: var(--_space-s);
  }
  summary {
    cursor: pointer;
    color: var(--_accent);
  }
  table {
    inline-size: 100%;
    border-collapse: collapse;
  }
  th,
  td {
    text-align: start;
    padding: var(--_space-s);
    border-block-end: 1px solid var(--_border);
    white-space: nowrap;
  }
  thead th {
    background: var(--_surface-alt);
  }
  td.num {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .rate {
    color: var(--_muted);
    font-size: var(--_font-size-s);
    margin-inline-start: 0.25em;
  }
  /*
   * Thirteen columns must fit a laptop's page: headings and event names wrap, and a count's rate sits
   * under it instead of beside it. The scroller stays for narrower hosts.
   */
  [part='events-table'] {
    font-size: var(--_font-size-s);
  }
  [part='events-table'] thead th,
  [part='events-table'] tbody th {
    white-space: normal;
    vertical-align: bottom;
  }
  [part='events-table'] tbody th {
    min-inline-size: 7rem;
    vertical-align: top;
  }
  [part='events-table'] td {
    vertical-align: top;
  }
  [part='events-table'] .rate {
    display: block;
    margin-inline-start: 0;
  }
  .table-scroll {
    overflow-x: auto;
    /* Absolutely placed visually-hidden text inside must scroll with the table, not widen the page. */
    position: relative;
  }
  .not-available {
    color: var(--_muted);
  }
  @media (forced-colors: active) {
    svg .bar,
    .swatch {
      fill: CanvasText;
      background: CanvasText;
      forced-color-adjust: none;
    }
    svg .bar.series-1 {
      fill: Highlight;
    }
    svg .bar.series-2 {
      fill: LinkText;
    }
    .swatch.series-1 {
      background: Highlight;
    }
    .swatch.series-2 {
      background: LinkText;
    }
    svg text {
      fill: CanvasText;
    }
    svg .axis {
      stroke: CanvasText;
    }
    .section,
    .formula {
      border: 1px solid CanvasText;
    }
  }
`;
