/**
 * The funnel picture: sent → delivered → opened → clicked through → responded → purchased, as
 * horizontal bars in an inline SVG. Not every stage is a subset of the one before: a click needs no
 * recorded open (a mail read with images off), and a response may come from any channel or be typed
 * in by hand. Each step says what it is a share of, and a step that does not nest in the one before
 * is marked and explained, in the picture, its text alternative and its numbers. The SVG is one image
 * with a text alternative that says every number; the numbers are also a table behind "Show the
 * numbers" (a native disclosure, reachable by keyboard).
 */
import { html, nothing, svg } from 'lit';
import type { TemplateResult } from 'lit';
import type { StatsFigures } from '../../model/campaign-stats.js';
import type { Localizer } from '../../i18n/localizer.js';
import type { Formats } from './format.js';
import { shownTracked } from './figures.js';

export type FunnelKey = 'sent' | 'delivered' | 'opened' | 'clickedThrough' | 'responded' | 'purchased';

export interface FunnelStep {
  key: FunnelKey;
  label: string;
  count: number;
  /** What the step is a subset of, and its share: an earlier step, or all recipients. */
  within: { label: string; count: number };
  /** Whether the step is a subset of the step just before it. */
  nested: boolean;
}

/**
 * The steps with what each is a subset of, by the figures' definitions (docs/statistics.md): the
 * delivered were sent, openers and clickers were delivered to, purchasers responded (a purchase
 * counts as a response); responses are counted among all recipients.
 */
export function funnelSteps(l: Localizer, figures: StatsFigures, excludeMachines: boolean): FunnelStep[] {
  const tracked = shownTracked(figures, excludeMachines);
  const counts: Record<FunnelKey, number> = {
    sent: figures.sent.count,
    delivered: figures.delivered.count,
    opened: tracked.opened.count,
    clickedThrough: tracked.clickedThrough.count,
    responded: figures.responded.count,
    purchased: figures.purchasers.count,
  };
  const within: Record<FunnelKey, 'recipients' | 'sent' | 'delivered' | 'responded'> = {
    sent: 'recipients',
    delivered: 'sent',
    opened: 'delivered',
    clickedThrough: 'delivered',
    responded: 'recipients',
    purchased: 'responded',
  };
  const keys = Object.keys(counts) as FunnelKey[];
  return keys.map((key, i) => {
    const outer = within[key];
    return {
      key,
      label: l.t(`stats.${key}`),
      count: counts[key],
      within: { label: l.t(`stats.base.${outer}`), count: outer === 'recipients' ? figures.recipients : counts[outer] },
      nested: i === 0 || outer === keys[i - 1],
    };
  });
}

function share(step: FunnelStep, f: Formats): string {
  return step.within.count > 0
    ? f.l.t('stats.funnel.share', { share: f.percent(step.count / step.within.count), of: step.within.label })
    : f.l.t('stats.rateNotAvailable', { base: step.within.label });
}

/** Why a step is not a subset of the one before it, for the steps that are not. */
function notNestedText(step: FunnelStep, previous: FunnelStep, f: Formats): string {
  return f.l.t(step.key === 'clickedThrough' ? 'stats.funnel.notNested.clickedThrough' : 'stats.funnel.notNested.responded', {
    label: step.label,
    previous: previous.label,
  });
}

/** The text alternative: every step with its count, its share of what it is within, and where it does not nest. */
export function funnelSummary(steps: readonly FunnelStep[], f: Formats): string {
  const parts = steps.map((step, i) =>
    f.l.t(step.nested ? 'stats.funnel.stepShare' : 'stats.funnel.stepNotNested', {
      count: f.count(step.count),
      label: step.label,
      share: share(step, f),
      previous: i > 0 ? steps[i - 1].label : '',
    }),
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
  const notNested = steps.flatMap((step, i) => (step.nested ? [] : [notNestedText(step, steps[i - 1], f)]));
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
        return svg`<g class="step step-${i} ${step.nested ? '' : 'not-nested'}" data-step=${step.key}>
          <text class="label" x=${x(LABEL_WIDTH - 8)} y=${y + ROW / 2} text-anchor="end" dominant-baseline="middle">${step.nested ? step.label : f.l.t('stats.funnel.marked', { label: step.label })}</text>
          <rect class="bar" x=${x(LABEL_WIDTH + (BAR_WIDTH - width) / 2, width)} y=${y + 4} width=${width} height=${ROW - 8} rx="3"></rect>
          <text class="value" x=${x(LABEL_WIDTH + BAR_WIDTH + 6)} y=${y + ROW / 2} dominant-baseline="middle">${f.count(step.count)}</text>
        </g>`;
      })}
    </svg>
    ${notNested.length
      ? html`<ul class="muted note funnel-notes" part="funnel-notes">
          ${notNested.map((note) => html`<li>${note}</li>`)}
        </ul>`
      : nothing}
    <details part="numbers">
      <summary>${f.l.t('stats.showNumbers')}</summary>
      <table part="numbers-table">
        <thead>
          <tr><th scope="col">${f.l.t('stats.col.step')}</th><th scope="col">${f.l.t('stats.col.count')}</th><th scope="col">${f.l.t('stats.col.share')}</th></tr>
        </thead>
        <tbody>
          ${steps.map(
            (step) =>
              html`<tr data-step=${step.key} data-nested=${step.nested ? 'true' : 'false'}>
                <th scope="row">${step.nested ? step.label : f.l.t('stats.funnel.marked', { label: step.label })}</th>
                <td>${f.count(step.count)}</td>
                <td>${share(step, f)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </details>
  </figure>`;
}
