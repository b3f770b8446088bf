/**
 * The per-event table: each campaign event's cost, revenue, profit, ROI and counts with rates, in a
 * native `<table>`. A figure that is not available shows a dash and says why to screen readers and
 * in a tooltip.
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { EventStats, RatedCount } from '../../model/campaign-stats.js';
import type { Figure } from '../../model/stats.js';
import type { Formats } from './format.js';
import { eventRoiFormula, rateText, reasonText } from './formulas.js';
import { shownTracked } from './figures.js';

function notAvailable(f: Formats, reason: string): TemplateResult {
  return html`<span class="not-available" title=${reason}
    ><span aria-hidden="true">${f.l.t('stats.notAvailableShort')}</span><span class="visually-hidden">${f.l.t('stats.notAvailableBecause', { reason })}</span></span
  >`;
}

function money(amount: number | null, f: Formats): TemplateResult | string {
  return amount === null ? notAvailable(f, f.l.t('stats.notEntered')) : f.moneyWhole(amount);
}

function figure(value: Figure, f: Formats, as: 'money' | 'roi'): TemplateResult | string {
  if (!value.available) return notAvailable(f, reasonText(f.l, value.reason));
  return as === 'roi' ? f.roi(value.value) : f.moneyWhole(value.value);
}

function counted(count: RatedCount, f: Formats): TemplateResult {
  return html`${f.count(count.count)}
    <span class="rate">${count.rate === null ? nothing : f.percent(count.rate)}</span><span class="visually-hidden"
      >${count.rate === null ? rateText(count, f) : nothing}</span
    >`;
}

const COUNT_COLUMNS = ['sent', 'bounced', 'opened', 'clickedThrough', 'responded', 'leads', 'purchasers'] as const;

/**
 * What an event's ROI is and leaves out (the campaign's base cost, `baseCost`), and each event's
 * formula with its inputs behind a disclosure, as the campaign's figures show theirs.
 */
function renderRoiNote(events: readonly EventStats[], baseCost: number | null, f: Formats): TemplateResult {
  return html`<p class="muted note" part="events-note">
      ${baseCost === null ? f.l.t('stats.eventRoiNoBase') : f.l.t('stats.eventRoiLeavesOut', { baseCost: f.money(baseCost) })}
    </p>
    <details part="event-formulas">
      <summary>${f.l.t('stats.eventFormulas')}</summary>
      <ul class="event-formulas">
        ${events.map((event) => {
          const formula = eventRoiFormula(event, f);
          return html`<li data-event=${event.eventId}>
            <bdi>${event.name}</bdi>: ${formula}${event.roi.available ? nothing : html` (${reasonText(f.l, event.roi.reason)})`}
          </li>`;
        })}
      </ul>
    </details>`;
}

export function renderEventTable(events: readonly EventStats[], excludeMachines: boolean, f: Formats, baseCost: number | null = null): TemplateResult {
  if (events.length === 0) return html`<p class="muted" part="events-empty">${f.l.t('stats.eventsEmpty')}</p>`;
  return html`<div class="table-scroll" part="events-scroll" tabindex="0" role="group" aria-label=${f.l.t('stats.section.events')}>
    <table part="events-table">
      <thead>
        <tr>
          <th scope="col">${f.l.t('stats.col.event')}</th>
          <th scope="col">${f.l.t('stats.col.date')}</th>
          <th scope="col">${f.l.t('stats.col.cost')}</th>
          <th scope="col">${f.l.t('stats.revenue')}</th>
          <th scope="col">${f.l.t('stats.profit')}</th>
          <th scope="col">${f.l.t('stats.roi')}</th>
          ${COUNT_COLUMNS.map((key) => html`<th scope="col">${f.l.t(`stats.col.${key}`)}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${events.map((event) => {
          const tracked = shownTracked(event, excludeMachines);
          const counts: Record<(typeof COUNT_COLUMNS)[number], RatedCount> = {
            sent: event.sent,
            bounced: event.bounced,
            opened: tracked.opened,
            clickedThrough: tracked.clickedThrough,
            responded: event.responded,
            leads: event.leads,
            purchasers: event.purchasers,
          };
          return html`<tr part="event-row" data-event=${event.eventId}>
            <th scope="row"><bdi>${event.name}</bdi></th>
            <td>${event.date ? html`<time datetime=${event.date}>${f.date(event.date)}</time>` : nothing}</td>
            <td class="num">${money(event.ownCost, f)}</td>
            <td class="num">${money(event.revenue, f)}</td>
            <td class="num">${figure(event.profit, f, 'money')}</td>
            <td class="num">${figure(event.roi, f, 'roi')}</td>
            ${COUNT_COLUMNS.map((key) => html`<td class="num" data-column=${key}>${counted(counts[key], f)}</td>`)}
          </tr>`;
        })}
      </tbody>
    </table>
  </div>
  ${renderRoiNote(events, baseCost, f)}`;
}
