import { css } from 'lit';

export const styles = css`
  :host {
    --_chart-1: var(--cr-campaign-stats-panel-chart-1, var(--_accent));
    --_chart-2: var(--cr-campaign-stats-panel-chart-2, #b35c00);
    --_chart-3: var(--cr-campaign-stats-panel-chart-3, #2e7d32);
    --_min-height: var(--cr-campaign-stats-panel-min-height, 28rem);
  }
  .panel {
    display: grid;
    gap: calc(var(--_space) * 2);
  }
  /* The skeleton and the error take the room the figures will take: nothing jumps when they come. */
  .panel > .state {
    min-height: var(--_min-height);
  }
  .header {
    display: grid;
    gap: calc(var(--_space) * 0.5);
  }
  h2,
  h3 {
    margin: 0;
  }
  h2 {
    font-size: 1.25rem;
  }
  h3 {
    font-size: 1rem;
    margin-block-end: var(--_space);
  }
  p {
    margin: 0;
  }
  .muted,
  .note,
  .as-of {
    color: var(--_muted);
  }
  .hint,
  .note {
    font-size: 0.875em;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space) calc(var(--_space) * 2);
  }
  .toggle {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_space) * 0.5);
  }
  .columns {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 20rem), 1fr));
    gap: calc(var(--_space) * 2);
  }
  .section {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    background: var(--_surface);
    min-width: 0;
  }
  .figures {
    display: grid;
    gap: calc(var(--_space) * 0.5);
    margin: 0;
  }
  .figure {
    display: grid;
    grid-template-columns: 1fr auto 1.75rem;
    align-items: baseline;
    column-gap: var(--_space);
    padding-block: calc(var(--_space) * 0.25);
    border-bottom: 1px solid var(--_surface-alt);
  }
  .figure dt {
    grid-column: 1;
  }
  .figure dd {
    margin: 0;
  }
  [part~='figure-value'] {
    grid-column: 2;
    font-variant-numeric: tabular-nums;
    font-weight: 600;
    text-align: end;
  }
  [part~='figure-value'].not-available {
    font-weight: normal;
    color: var(--_muted);
  }
  .figure .note {
    grid-column: 1 / 3;
    grid-row: 2;
  }
  .formula-cell {
    grid-column: 3;
    grid-row: 1;
    display: contents;
  }
  .formula-toggle {
    grid-column: 3;
    grid-row: 1;
    width: 1.75rem;
    padding: 0;
    border-radius: 999px;
  }
  .formula {
    grid-column: 1 / -1;
    padding: calc(var(--_space) * 0.5);
    background: var(--_surface-alt);
    border-radius: var(--_radius);
    font-size: 0.875em;
  }
  .chart {
    margin: 0;
  }
  svg {
    display: block;
    width: 100%;
    height: auto;
    max-height: 14rem;
    font-family: var(--_font);
    font-size: 12px;
  }
  svg text {
    fill: var(--_text);
  }
  svg .bar,
  .swatch.series-0 {
    fill: var(--_chart-1);
    background: var(--_chart-1);
  }
  svg .bar.series-1,
  .swatch.series-1 {
    fill: var(--_chart-2);
    background: var(--_chart-2);
  }
  svg .bar.series-2,
  .swatch.series-2 {
    fill: var(--_chart-3);
    background: var(--_chart-3);
  }
  svg .axis {
    stroke: var(--_border);
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    list-style: none;
    margin: calc(var(--_space) * 0.5) 0;
    padding: 0;
  }
  .swatch {
    display: inline-block;
    width: 0.8em;
    height: 0.8em;
    margin-inline-end: 0.3em;
    border-radius: 2px;
  }
  details {
    margin-block-start: calc(var(--_space) * 0.5);
  }
  summary {
    cursor: pointer;
    color: var(--_accent);
  }
  table {
    width: 100%;
    border-collapse: collapse;
  }
  th,
  td {
    text-align: start;
    padding: calc(var(--_space) * 0.5);
    border-bottom: 1px solid var(--_border);
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
    font-size: 0.85em;
    margin-inline-start: 0.25em;
  }
  .table-scroll {
    overflow-x: auto;
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
  }
`;
