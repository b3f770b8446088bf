import { css } from 'lit';

export const styles = css`
  :host {
    --_chart-1: var(--cr-campaign-stats-panel-chart-1, var(--_accent));
    --_chart-2: var(--cr-campaign-stats-panel-chart-2, var(--_warning));
    --_chart-3: var(--cr-campaign-stats-panel-chart-3, var(--_success));
    --_section-background: var(--cr-campaign-stats-panel-section-background, var(--_surface));
    --_min-height: var(--cr-campaign-stats-panel-min-height, 28rem);
  }
  .panel {
    display: grid;
    gap: var(--_space-l);
  }
  /* The skeleton and the error take the room the figures will take: nothing jumps when they come. */
  .panel > .state {
    min-block-size: var(--_min-height);
  }
  .header {
    display: grid;
    gap: var(--_space-s);
  }
  h2,
  h3 {
    margin: 0;
  }
  h2 {
    font-size: var(--_font-size-title);
  }
  h3 {
    font-size: var(--_font-size-heading);
    margin-block-end: var(--_space-m);
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
    font-size: var(--_font-size-s);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-m) var(--_space-l);
  }
  .toggle {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-s);
  }
  .columns {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 20rem), 1fr));
    gap: var(--_space-l);
  }
  .section {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space-m);
    background: var(--_section-background);
    min-inline-size: 0;
  }
  .figures {
    display: grid;
    gap: var(--_space-s);
    margin: 0;
  }
  .figure {
    display: grid;
    grid-template-columns: 1fr auto 1.75rem;
    align-items: baseline;
    column-gap: var(--_space-m);
    padding-block: var(--_space-xs);
    border-block-end: 1px solid var(--_surface-alt);
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
    font-weight: var(--_font-weight-strong);
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
    inline-size: 1.75rem;
    padding: 0;
    border-radius: var(--_radius-round);
  }
  .formula {
    grid-column: 1 / -1;
    padding: var(--_space-s);
    background: var(--_surface-alt);
    border-radius: var(--_radius);
    font-size: var(--_font-size-s);
  }
  .chart {
    margin: 0;
  }
  svg {
    display: block;
    inline-size: 100%;
    block-size: auto;
    max-block-size: 14rem;
    font-family: var(--_font);
    font-size: var(--_font-size-s);
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
  /* The timeline's bars stretch to the width; its dates below stay text of the page's size. */
  .timeline-plot svg {
    block-size: 8rem;
    max-block-size: none;
  }
  .axis-labels {
    position: relative;
    block-size: 1.6em;
    margin-block-start: var(--_space-xs);
    font-size: var(--_font-size-s);
    color: var(--_text);
  }
  .axis-labels .label {
    position: absolute;
    inset-block-start: 0;
    white-space: nowrap;
    transform: translateX(-50%);
  }
  :host(:dir(rtl)) .axis-labels .label {
    transform: translateX(50%);
  }
  /* The outermost dates end at the edges instead of hanging over them. */
  .axis-labels .label.first {
    transform: none;
    inset-inline-start: 0;
  }
  .axis-labels .label.last {
    transform: none;
    inset-inline-end: 0;
  }
  /* A step that is not a subset of the one before: drawn hollow, so the eye does not read it as a narrowing. */
  svg .not-nested .bar {
    fill-opacity: 0.35;
    stroke: var(--_chart-1);
    stroke-dasharray: 4 2;
  }
  .event-formulas {
    margin: 0;
    padding-inline-start: var(--_space-l);
    font-size: var(--_font-size-s);
  }
  [part='events-note'] {
    margin-block-start: var(--_space-s);
  }
  .funnel-notes {
    margin: 0;
    margin-block-start: var(--_space-s);
    padding: 0;
    list-style: none;
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-m);
    list-style: none;
    margin: 0;
    margin-block: var(--_space-s);
    padding: 0;
  }
  .swatch {
    display: inline-block;
    inline-size: 0.8em;
    block-size: 0.8em;
    margin-inline-end: 0.3em;
    border-radius: var(--_radius-s);
  }
`;
