import { css } from 'lit';

/**
 * The table look the two campaign reports share: a grid of sections, a bordered scroller per
 * table, and the table's cells. Each report sets `--_min-height` and `--_header-background` from
 * its own component tokens.
 */
export const reportTableStyles = css`
  .report,
  .placeholder {
    display: grid;
    /* One column as wide as the element, never as its widest table: a table wider than that
       scrolls in its own box instead of widening the page (a phone's 375 px). */
    grid-template-columns: minmax(0, 1fr);
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
  @media (forced-colors: active) {
    .table-scroll {
      border-color: CanvasText;
    }
  }
`;
