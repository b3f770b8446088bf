/**
 * The panel's figure lists: money (cost, revenue, profit, ROI, cost per lead and purchaser) and
 * reach (recipients, sent, bounces, opened, clicked through, responded, …), each with its value,
 * its rate, and a disclosure revealing its formula with the inputs used, or why it is not available.
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { RatedCount, StatsFigures } from '../../model/campaign-stats.js';
import type { Figure } from '../../model/stats.js';
import type { MessageKey } from '../../i18n/en.js';
import type { Localizer } from '../../i18n/localizer.js';
import type { Formats } from './format.js';
import { moneyFormula, rateFormula, rateText, reasonText, type DerivedKey } from './formulas.js';

export interface FigureItem {
  /** Stable name: `data-figure` in the DOM, the formula's disclosure id. */
  key: string;
  label: string;
  value: string;
  /** Under the value: a rate, or why the figure is not available. */
  note?: string;
  /** Marks the value as not available (styling, and tests). */
  notAvailable?: boolean;
  formula?: string;
}

/** Opens and clicks as shown: every unique recipient, or (machines left out) those judged human. */
export function shownTracked(figures: StatsFigures, excludeMachines: boolean): { opened: RatedCount; clickedThrough: RatedCount } {
  return excludeMachines
    ? { opened: figures.opened.human, clickedThrough: figures.clickedThrough.human }
    : { opened: figures.opened, clickedThrough: figures.clickedThrough };
}

const label = (f: Formats, key: string) => f.l.t(`stats.${key}` as MessageKey);

function derived(key: DerivedKey, figures: StatsFigures, costs: readonly number[], f: Formats): FigureItem {
  const figure: Figure = figures[key];
  const formula = moneyFormula(key, figures, costs, f);
  if (!figure.available) {
    return { key, label: label(f, key), value: f.l.t('stats.notAvailable'), note: reasonText(f.l, figure.reason), notAvailable: true, formula };
  }
  return { key, label: label(f, key), value: key === 'roi' ? f.roi(figure.value) : f.money(figure.value), formula };
}

const entered = (key: string, amount: number | null, f: Formats): FigureItem =>
  amount === null
    ? { key, label: label(f, key), value: f.l.t('stats.notEntered'), notAvailable: true }
    : { key, label: label(f, key), value: f.money(amount) };

/**
 * Cost and return. `eventCosts` are the events' own costs (campaign totals); an event's list
 * leaves out base cost and event costs, its cost being its total.
 */
export function moneyItems(figures: StatsFigures, eventCosts: readonly (number | null)[] | undefined, f: Formats): FigureItem[] {
  const enteredEventCosts = (eventCosts ?? []).filter((c): c is number => c !== null);
  const costs = eventCosts ? [...(figures.ownCost === null ? [] : [figures.ownCost]), ...enteredEventCosts] : figures.ownCost === null ? [] : [figures.ownCost];
  const items: FigureItem[] = [];
  if (eventCosts) {
    items.push(entered('baseCost', figures.ownCost, f));
    items.push(entered('eventCosts', enteredEventCosts.length ? enteredEventCosts.reduce((a, b) => a + b, 0) : null, f));
  }
  items.push(derived('totalCost', figures, costs, f), entered('revenue', figures.revenue, f));
  for (const key of ['profit', 'roi', 'costPerLead', 'costPerPurchaser'] as const) items.push(derived(key, figures, costs, f));
  return items;
}

function rated(key: string, count: RatedCount, figures: StatsFigures, f: Formats, extra = ''): FigureItem {
  return {
    key,
    label: label(f, key),
    value: f.count(count.count),
    note: extra ? `${rateText(count, f)} · ${extra}` : rateText(count, f),
    notAvailable: false,
    formula: rateFormula(label(f, key), count, figures, f),
  };
}

/** Reach and responses, each with its rate; opens and clicks without machines when asked. */
export function reachItems(figures: StatsFigures, excludeMachines: boolean, f: Formats): FigureItem[] {
  const tracked = shownTracked(figures, excludeMachines);
  const machinesNote = excludeMachines ? f.l.t('stats.machinesLeftOut') : '';
  return [
    { key: 'recipients', label: label(f, 'recipients'), value: f.count(figures.recipients) },
    rated('sent', figures.sent, figures, f),
    rated('delivered', figures.delivered, figures, f),
    rated('bounced', figures.bounced, figures, f),
    rated('hardBounced', figures.hardBounced, figures, f),
    rated('softBounced', figures.softBounced, figures, f),
    rated('skipped', figures.skipped, figures, f),
    rated('opened', tracked.opened, figures, f, machinesNote),
    rated('clickedThrough', tracked.clickedThrough, figures, f, machinesNote),
    { key: 'websiteVisitors', label: label(f, 'websiteVisitors'), value: f.count(figures.websiteVisitors), formula: f.l.t('stats.def.websiteVisitors') },
    rated('responded', figures.responded, figures, f),
    rated('leads', figures.leads, figures, f),
    rated('purchasers', figures.purchasers, figures, f),
    rated('unsubscribed', figures.unsubscribed, figures, f),
  ];
}

/**
 * A `<dl>` of figures. Each formula sits behind a "?" button (aria-expanded) that reveals it in
 * place; `open` holds the keys shown, `toggle` flips one.
 */
export function renderFigureList(
  name: string,
  items: readonly FigureItem[],
  open: ReadonlySet<string>,
  l: Localizer,
  toggle: (key: string) => void,
): TemplateResult {
  return html`<dl class="figures" part="figures ${name}">
    ${items.map((item) => {
      const formulaId = `formula-${item.key}`;
      const shown = open.has(item.key);
      return html`<div class="figure" part="figure" data-figure=${item.key}>
        <dt part="figure-label">${item.label}</dt>
        <dd part="figure-value" class=${item.notAvailable ? 'not-available' : ''}>${item.value}</dd>
        ${item.note ? html`<dd part=${item.notAvailable ? 'figure-note reason' : 'figure-note'} class="note">${item.note}</dd>` : nothing}
        ${item.formula
          ? html`<dd class="formula-cell">
              <button
                type="button"
                class="formula-toggle"
                part="formula-button"
                aria-expanded=${shown ? 'true' : 'false'}
                aria-controls=${formulaId}
                aria-label=${l.t('stats.formulaFor', { figure: item.label })}
                @click=${() => toggle(item.key)}
              >
                ${l.t('stats.formulaToggle')}
              </button>
              <p id=${formulaId} part="formula" class="formula" ?hidden=${!shown}>${item.formula}</p>
            </dd>`
          : nothing}
      </div>`;
    })}
  </dl>`;
}
