/**
 * Responses over time: per day, bars for opens, clicks and responses (machines left out when
 * asked), in an inline SVG with a text alternative, a legend, and the numbers as a table behind
 * "Show the numbers". Days are UTC days (the server buckets by the instant's UTC date).
 */
import { html, svg } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
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

const HEIGHT = 128;
/** Width of one day in the SVG's own units: three bars and a gap. */
const DAY = 40;
const BAR = 11;
const DAY_MS = 86_400_000;
/** At most this many dates on the axis, evenly spread over the span: they must fit a phone. */
const MAX_TICKS = 5;

const dayNumber = (day: string) => Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
const dayText = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

/** The dates on the axis: every day of a short span, else MAX_TICKS spread evenly from the first to the last. */
export function axisTicks(first: number, last: number): number[] {
  const span = last - first;
  if (span < MAX_TICKS) return Array.from({ length: span + 1 }, (_, i) => first + i);
  return Array.from({ length: MAX_TICKS }, (_, i) => first + Math.round((span * i) / (MAX_TICKS - 1)));
}

/**
 * `timeline` undefined: the backend does not offer it. `rtl`: time runs from right to left.
 *
 * Days are placed by date, so a quiet week is a gap. The SVG holds only the bars and stretches to the
 * width it gets; the axis dates are HTML placed at their share of the span, so they keep the text size
 * of the page however narrow the panel (text inside a scaled SVG shrank to a few pixels on a phone).
 */
export function renderTimeline(timeline: readonly TimelineDay[] | undefined, excludeMachines: boolean, f: Formats, rtl = false): TemplateResult {
  if (!timeline) return html`<p class="muted" part="timeline-unavailable">${f.l.t('stats.timeline.unavailable')}</p>`;
  const points = timelinePoints(timeline, excludeMachines);
  if (points.length === 0) return html`<p class="muted" part="timeline-empty">${f.l.t('stats.timeline.none')}</p>`;
  const largest = Math.max(1, ...points.flatMap((p) => SERIES.map((s) => p[s])));
  const first = dayNumber(points[0].day);
  const last = dayNumber(points[points.length - 1].day);
  const width = (last - first + 1) * DAY;
  const mirror = (ltr: number, w = 0) => (rtl ? width - ltr - w : ltr);
  /** Where a day's middle lies, as a share of the width (from the start edge, whichever side that is). */
  const middle = (n: number) => ((n - first + 0.5) * DAY) / width;
  return html`<figure class="chart" part="timeline">
    <div class="timeline-plot">
      <svg role="img" aria-label=${timelineSummary(points, f)} viewBox="0 0 ${width} ${HEIGHT}" preserveAspectRatio="none" part="timeline-chart">
        <line class="axis" x1="0" x2=${width} y1=${HEIGHT - 0.5} y2=${HEIGHT - 0.5} vector-effect="non-scaling-stroke"></line>
        ${points.map((p) => {
          const x = (dayNumber(p.day) - first) * DAY + (DAY - 3 * BAR - 2) / 2;
          return svg`<g data-day=${p.day}>
            ${SERIES.map((series, s) => {
              const h = (p[series] / largest) * (HEIGHT - 4);
              return svg`<rect class="bar series-${s}" x=${mirror(x + s * (BAR + 1), BAR)} y=${HEIGHT - h} width=${BAR} height=${h}></rect>`;
            })}
          </g>`;
        })}
      </svg>
      <div class="axis-labels" aria-hidden="true">
        ${axisTicks(first, last).map((n, i, all) => {
          const edge = all.length > 1 && i === 0 ? 'first' : all.length > 1 && i === all.length - 1 ? 'last' : '';
          // styleMap sets the property through the CSSOM, which a strict Content-Security-Policy allows.
          const place = edge ? {} : { insetInlineStart: `${(middle(n) * 100).toFixed(3)}%` };
          return html`<span class="label ${edge}" data-tick=${dayText(n)} style=${styleMap(place)}>${f.dayShort(dayText(n))}</span>`;
        })}
      </div>
    </div>
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
