/**
 * Intl formatting of the panel's figures: money in the campaign's currency, counts, rates as
 * percentages, and instants in the panel's time zone, all in the panel's language. The formatters
 * are the localizer's, shared by every panel in that language: a panel formats a few hundred values
 * per render.
 */
import type { Localizer } from '../../i18n/localizer.js';

export interface Formats {
  /** The panel's strings and formats. */
  l: Localizer;
  money(amount: number): string;
  /** The same without cents when there are none (`$4,800`): for the dense per-event table. */
  moneyWhole(amount: number): string;
  /** A plain number for formulas: grouping, at most two decimals, no currency. */
  amount(value: number): string;
  count(value: number): string;
  /** A share 0…1 as a percentage. */
  percent(share: number): string;
  /** ROI, already in percent (300 → "300 %"). */
  roi(percent: number): string;
  /** An instant as a time (with the date when it is not today in the panel's zone). */
  instant(iso: string, now?: number): string;
  /** A UTC calendar day `YYYY-MM-DD`. */
  day(day: string): string;
  /** The same, short (an axis label: month and day). */
  dayShort(day: string): string;
  /** An instant as a date. */
  date(iso: string): string;
}

const utcDay = (day: string) => Date.parse(`${day}T00:00:00Z`);

/** The formats of one panel: `currency` of the campaign, language and time zone of `l`. */
export function formatsFor(l: Localizer, currency: string): Formats {
  const dayOf = l.dateTimeFormat({ dateStyle: 'short' });
  const time = l.dateTimeFormat({ timeStyle: 'short' });
  const dateAndTime = l.dateTimeFormat({ dateStyle: 'medium', timeStyle: 'short' });
  return {
    l,
    money: (amount) => l.money(amount, currency),
    moneyWhole: (amount) =>
      Number.isInteger(amount) ? l.numberFormat({ style: 'currency', currency, minimumFractionDigits: 0, maximumFractionDigits: 0 }).format(amount) : l.money(amount, currency),
    amount: (value) => l.number(value, 2),
    count: (value) => l.count(value),
    percent: (share) => l.percent(share, 1),
    roi: (percent) => l.percent(percent / 100, 1),
    instant: (iso, now = Date.now()) => {
      const at = Date.parse(iso);
      return (dayOf.format(at) === dayOf.format(now) ? time : dateAndTime).format(at);
    },
    day: (day) => l.dateTimeFormat({ dateStyle: 'medium', timeZone: 'UTC' }).format(utcDay(day)),
    dayShort: (day) => l.dateTimeFormat({ month: 'short', day: 'numeric', timeZone: 'UTC' }).format(utcDay(day)),
    date: (iso) => l.dateTimeFormat({ dateStyle: 'medium' }).format(Date.parse(iso)),
  };
}
