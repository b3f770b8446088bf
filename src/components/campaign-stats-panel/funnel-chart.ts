/**
 * The funnel picture: sent → opened → clicked through → responded → purchased, as horizontal bars
 * in an inline SVG. The SVG is one image with a text alternative that says every number; the
 * numbers are also a table behind "Show the numbers" (a native disclosure, reachable by keyboard).
 */
import { html, svg } from 'lit';
import type { TemplateResult } from 'lit';
import type { StatsFigures } from '../../model/campaign-stats.js';
import type { Localizer } from '../../i18n/localizer.js';
import type { Formats } from './format.js';
import { shownTracked } from './figures.js';

export interface FunnelStep {
  key: 'sent' | 'opened' | 'clickedThrough' | 'responded' | 'purchased';
  label: string;
  count: number;
}

export function funnelSteps(l: Localizer, figures: StatsFigures, excludeMachines: boolean): FunnelStep[] {
  const tracked = shownTracked(figures, excludeMachines);
  return [
    { key: 'sent', label: l.t('stats.sent'), count: figures.sent.count },
    { key: 'opened', label: l.t('stats.opened'), count: tracked.opened.count },
    { key: 'clickedThrough', label: l.t('stats.clickedThrough'), count: tracked.clickedThrough.count },
    { key: 'responded', label: l.t('stats.responded'), count: figures.responded.count },
    { key: 'purchased', label: l.t('stats.purchased'), count: figures.purchasers.count },
  ];
}

/** The text alternative: every step with its count and its share of sent. */
export function funnelSummary(steps: readonly FunnelStep[], f: Formats): string {
  const sent = steps[0].count;
  const parts = steps.map((step, i) =>
    i === 0 || sent === 0
      ? f.l.t('stats.funnel.step', { count: f.count(step.count), label: step.label })
      : f.l.t('stats.funnel.stepShare', { count: f.count(step.count), label: step.label, share: f.percent(step.count / sent) }),
  );
  return f.l.t('stats.funnel.summary', { steps: parts.join(', ') });
}

const ROW = 34;
const LABEL_WIDTH = 130;
const BAR_WIDTH = 220;
const WIDTH = LABEL_WIDTH + BAR_WIDTH + 60;

/**
 * `rtl`: the picture mirrored, labels on the right and values on the left (the SVG's text takes
 * the page's direction, so `start`/`end` anchors already read from the right).
 */
export function renderFunnel(steps: readonly FunnelStep[], f: Formats, rtl = false): TemplateResult {
  const x = (ltr: number, width = 0) => (rtl ? WIDTH - ltr - width : ltr);
  const largest = Math.max(1, ...steps.map((s) => s.count));
  const sent = steps[0].count;
  const height = steps.length * ROW;
  return html`<figure class="chart" part="funnel">
    <svg
      role="img"
      aria-label=${funnelSummary(steps, f)}
      viewBox="0 0 ${WIDTH} ${height}"
      preserveAspectRatio=${rtl ? 'xMaxYMin meet' : 'xMinYMin meet'}
      part="funnel-chart"
    >
      ${steps.map((step, i) => {
        const width = Math.max((step.count / largest) * BAR_WIDTH, step.count ? 2 : 0);
        const y = i * ROW;
        return svg`<g class="step step-${i}" data-step=${step.key}>
          <text class="label" x=${x(LABEL_WIDTH - 8)} y=${y + ROW / 2} text-anchor="end" dominant-baseline="middle">${step.label}</text>
          <rect class="bar" x=${x(LABEL_WIDTH + (BAR_WIDTH - width) / 2, width)} y=${y + 4} width=${width} height=${ROW - 8} rx="3"></rect>
          <text class="value" x=${x(LABEL_WIDTH + BAR_WIDTH + 6)} y=${y + ROW / 2} dominant-baseline="middle">${f.count(step.count)}</text>
        </g>`;
      })}
    </svg>
    <details part="numbers">
      <summary>${f.l.t('stats.showNumbers')}</summary>
      <table part="numbers-table">
        <thead>
          <tr><th scope="col">${f.l.t('stats.col.step')}</th><th scope="col">${f.l.t('stats.col.count')}</th><th scope="col">${f.l.t('stats.col.share')}</th></tr>
        </thead>
        <tbody>
          ${steps.map(
            (step) =>
              html`<tr data-step=${step.key}>
                <th scope="row">${step.label}</th>
                <td>${f.count(step.count)}</td>
                <td>${sent ? f.percent(step.count / sent) : f.l.t('stats.notAvailableShort')}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </details>
  </figure>`;
}
