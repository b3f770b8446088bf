/**
 * Responses over time: per day, bars for opens, clicks and responses (machines left out when
 * asked), in an inline SVG with a text alternative, a legend, and the numbers as a table behind
 * "Show the numbers". Days are UTC days (the server buckets by the instant's UTC date).
 */
import { html, nothing, svg } from 'lit';
import type { TemplateResult } from 'lit';
import type { TimelineDay } from '../../model/campaign-stats.js';
import type { Formats } from './format.js';

export interface TimelinePoint {
  day: string;
  opened: number;
  clickedThrough: number;
  responded: number;
}

const SERIES = ['opened', 'clickedThrough', 'responded'] as const;

export function timelinePoints(timeline: readonly TimelineDay[], excludeMachines: boolean): TimelinePoint[] {
  return timeline.map((d) => ({
    day: d.day,
    opened: excludeMachines ? d.opened - d.openedByMachine : d.opened,
    clickedThrough: excludeMachines ? d.clickedThrough - d.clickedByMachine : d.clickedThrough,
    responded: d.responded,
  }));
}

const total = (p: TimelinePoint) => p.opened + p.clickedThrough + p.responded;

export function timelineSummary(points: readonly TimelinePoint[], f: Formats): string {
  if (points.length === 0) return f.l.t('stats.timeline.none');
  const peak = points.reduce((best, p) => (total(p) > total(best) ? p : best));
  return f.l.t('stats.timeline.summary', {
    days: f.count(points.length),
    first: f.day(points[0].day),
    last: f.day(points[points.length - 1].day),
    peak: f.day(peak.day),
    lines: f.count(total(peak)),
  });
}

const HEIGHT = 150;
const AXIS = 22;
const GROUP = 42;
const BAR = 11;
/** Room before the first group, for the first axis label. */
const START = 16;

/** `timeline` undefined: the backend does not offer it. `rtl`: time runs from right to left. */
export function renderTimeline(timeline: readonly TimelineDay[] | undefined, excludeMachines: boolean, f: Formats, rtl = false): TemplateResult {
  if (!timeline) return html`<p class="muted" part="timeline-unavailable">${f.l.t('stats.timeline.unavailable')}</p>`;
  const points = timelinePoints(timeline, excludeMachines);
  if (points.length === 0) return html`<p class="muted" part="timeline-empty">${f.l.t('stats.timeline.none')}</p>`;
  const largest = Math.max(1, ...points.flatMap((p) => SERIES.map((s) => p[s])));
  const width = Math.max(240, START + points.length * GROUP + 8);
  const plot = HEIGHT - AXIS;
  // Label every day when they fit, else about eight labels.
  const every = Math.max(1, Math.ceil(points.length / 8));
  const mirror = (ltr: number, w = 0) => (rtl ? width - ltr - w : ltr);
  return html`<figure class="chart" part="timeline">
    <svg role="img" aria-label=${timelineSummary(points, f)} viewBox="0 0 ${width} ${HEIGHT}" preserveAspectRatio=${rtl ? 'xMaxYMin meet' : 'xMinYMin meet'} part="timeline-chart">
      <line class="axis" x1="0" x2=${width} y1=${plot + 0.5} y2=${plot + 0.5}></line>
      ${points.map((p, i) => {
        const x = START + i * GROUP;
        return svg`<g data-day=${p.day}>
          ${SERIES.map((series, s) => {
            const h = (p[series] / largest) * (plot - 6);
            return svg`<rect class="bar series-${s}" x=${mirror(x + s * (BAR + 1), BAR)} y=${plot - h} width=${BAR} height=${h}></rect>`;
          })}
          ${i % every === 0 ? svg`<text class="label" x=${mirror(x + (BAR * 3) / 2)} y=${HEIGHT - 6} text-anchor="middle">${f.dayShort(p.day)}</text>` : nothing}
        </g>`;
      })}
    </svg>
    <ul class="legend" part="legend">
      ${SERIES.map((series, s) => html`<li><span class="swatch series-${s}" aria-hidden="true"></span>${f.l.t(`stats.${series}`)}</li>`)}
    </ul>
    <p class="muted note">${f.l.t('stats.timeline.note')}</p>
    <details part="numbers">
      <summary>${f.l.t('stats.showNumbers')}</summary>
      <table part="numbers-table">
        <thead>
          <tr>
            <th scope="col">${f.l.t('stats.col.day')}</th>
            ${SERIES.map((series) => html`<th scope="col">${f.l.t(`stats.${series}`)}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${points.map(
            (p) => html`<tr data-day=${p.day}>
              <th scope="row"><time datetime=${p.day}>${f.day(p.day)}</time></th>
              ${SERIES.map((series) => html`<td>${f.count(p[series])}</td>`)}
            </tr>`,
          )}
        </tbody>
      </table>
    </details>
  </figure>`;
}
