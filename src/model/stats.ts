/**
 * Derived campaign statistics (DESIGN.md §2). A ratio whose divisor is zero or missing is "not
 * available" with its reason, never Infinity or NaN, so a panel can say why.
 */

export type NotAvailableReason = 'no-cost' | 'no-revenue' | 'no-leads' | 'no-purchasers';

export type Figure =
  | { available: true; value: number }
  | { available: false; reason: NotAvailableReason };

export interface StatsInputs {
  /** Base cost of the campaign; null when not entered. */
  baseCost: number | null;
  /** Costs of its events; null entries were not entered. */
  eventCosts: readonly (number | null)[];
  revenue: number | null;
  leads: number;
  purchasers: number;
}

export interface DerivedStats {
  totalCost: Figure;
  profit: Figure;
  /** Percent: profit ÷ cost × 100. */
  roi: Figure;
  costPerLead: Figure;
  costPerPurchaser: Figure;
}

const available = (value: number): Figure => ({ available: true, value });
const missing = (reason: NotAvailableReason): Figure => ({ available: false, reason });

/** Total cost = base cost + event costs; not available when no cost at all was entered. */
export function totalCost(baseCost: number | null, eventCosts: readonly (number | null)[]): Figure {
  const entered = [baseCost, ...eventCosts].filter((c): c is number => c !== null && Number.isFinite(c));
  if (entered.length === 0) return missing('no-cost');
  return available(roundCents(entered.reduce((sum, c) => sum + c, 0)));
}

export function deriveStats(inputs: StatsInputs): DerivedStats {
  const cost = totalCost(inputs.baseCost, inputs.eventCosts);
  const revenue = inputs.revenue !== null && Number.isFinite(inputs.revenue) ? inputs.revenue : null;
  const profit: Figure = !cost.available
    ? cost
    : revenue === null
      ? missing('no-revenue')
      : available(roundCents(revenue - cost.value));
  const roi: Figure = !profit.available
    ? profit
    : cost.available && cost.value > 0
      ? available((profit.value / cost.value) * 100)
      : missing('no-cost');
  const per = (count: number, reason: NotAvailableReason): Figure =>
    !cost.available ? cost : count > 0 ? available(roundCents(cost.value / count)) : missing(reason);
  return {
    totalCost: cost,
    profit,
    roi,
    costPerLead: per(inputs.leads, 'no-leads'),
    costPerPurchaser: per(inputs.purchasers, 'no-purchasers'),
  };
}

/** A share of a whole (e.g. opened of sent), or not available when the whole is zero. */
export function rate(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

function roundCents(amount: number): number {
  return Math.round(amount * 100) / 100;
}
