/**
 * The derived figures' formulas, with the inputs the figure was computed from ("ROI = profit ÷
 * total cost × 100 = 4,500 ÷ 1,500 × 100 = 300 %"), and the not-available reasons. Pure: the
 * panel renders what these return.
 */
import type { RateBase, RatedCount, StatsFigures } from '../../model/campaign-stats.js';
import type { Figure, NotAvailableReason } from '../../model/stats.js';
import type { MessageKey } from '../../i18n/en.js';
import type { Localizer } from '../../i18n/localizer.js';
import type { Formats } from './format.js';

export type DerivedKey = 'totalCost' | 'profit' | 'roi' | 'costPerLead' | 'costPerPurchaser';

export function reasonText(l: Localizer, reason: NotAvailableReason): string {
  return l.t(`stats.reason.${reason}` as MessageKey);
}

const withInputs = (f: Formats, definition: string, inputs: string, result: string) => f.l.t('stats.formula', { definition, inputs, result });
const op = (f: Formats, key: 'stats.inputs.plus' | 'stats.inputs.minus' | 'stats.inputs.divide' | 'stats.inputs.percent', a: string, b: string) =>
  f.l.t(key, { a, b });

/**
 * The formula of a money figure. Without its value (not available), only the definition: the
 * reason says what is missing.
 *
 * @param costs the entered costs that make up the total: the base cost and each event's (campaign), or the event's own.
 */
export function moneyFormula(key: DerivedKey, figures: StatsFigures, costs: readonly number[], f: Formats): string {
  const definition = f.l.t(`stats.def.${key}` as MessageKey);
  const figure: Figure = figures[key];
  if (!figure.available) return definition;
  const cost = figures.totalCost.available ? f.amount(figures.totalCost.value) : '';
  switch (key) {
    case 'totalCost': {
      const terms = costs.length ? costs.map((c) => f.amount(c)).reduce((a, b) => op(f, 'stats.inputs.plus', a, b)) : f.amount(0);
      return withInputs(f, definition, terms, f.amount(figure.value));
    }
    case 'profit':
      return withInputs(f, definition, op(f, 'stats.inputs.minus', f.amount(figures.revenue ?? 0), cost), f.amount(figure.value));
    case 'roi': {
      const profit = figures.profit.available ? f.amount(figures.profit.value) : '';
      return withInputs(f, definition, op(f, 'stats.inputs.percent', profit, cost), f.roi(figure.value));
    }
    case 'costPerLead':
      return withInputs(f, definition, op(f, 'stats.inputs.divide', cost, f.count(figures.leads.count)), f.amount(figure.value));
    case 'costPerPurchaser':
      return withInputs(f, definition, op(f, 'stats.inputs.divide', cost, f.count(figures.purchasers.count)), f.amount(figure.value));
  }
}

/**
 * An event's ROI with its inputs: (its revenue − its cost) ÷ its cost × 100. The campaign's base
 * cost belongs to no event, so an event's ROI leaves it out (the campaign's includes it); without
 * a value, only the definition (the reason says what is missing).
 */
export function eventRoiFormula(event: StatsFigures, f: Formats): string {
  const definition = f.l.t('stats.def.eventRoi');
  if (!event.roi.available || event.revenue === null || event.ownCost === null) return definition;
  const inputs = f.l.t('stats.inputs.eventRoi', { revenue: f.amount(event.revenue), cost: f.amount(event.ownCost) });
  return withInputs(f, definition, inputs, f.roi(event.roi.value));
}

/** The count a rate of `of` divides by. */
export function baseCount(figures: StatsFigures, of: RateBase): number {
  return of === 'recipients' ? figures.recipients : figures[of].count;
}

export function baseName(l: Localizer, of: RateBase): string {
  return l.t(`stats.base.${of}` as MessageKey);
}

/** "Opened rate = Opened ÷ delivered = 3 ÷ 6 = 50 %", or the definition when the divisor is 0. */
export function rateFormula(label: string, count: RatedCount, figures: StatsFigures, f: Formats): string {
  const definition = f.l.t('stats.def.rate', { figure: label, base: baseName(f.l, count.of) });
  if (count.rate === null) return definition;
  return withInputs(f, definition, op(f, 'stats.inputs.divide', f.count(count.count), f.count(baseCount(figures, count.of))), f.percent(count.rate));
}

/** "83.3 % of delivered", or "No rate: no delivered yet". */
export function rateText(count: RatedCount, f: Formats): string {
  return count.rate === null
    ? f.l.t('stats.rateNotAvailable', { base: baseName(f.l, count.of) })
    : f.l.t('stats.rate', { rate: f.percent(count.rate), base: baseName(f.l, count.of) });
}
