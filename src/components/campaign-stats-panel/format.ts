/**
 * Intl formatting of the panel's figures: money in the campaign's currency, counts, rates as
 * percentages, and instants in the user's (or a named) time zone. Formatters are cached per
 * option set: a panel formats a few hundred values per render.
 */
import { html } from 'lit';
import type { TemplateResult } from 'lit';
import type { MessageKey } from '../../i18n/en.js';
import { t, type MessageParams } from '../../i18n/translate.js';

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = JSON.stringify(options);
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(undefined, options);
    numberFormats.set(key, format);
  }
  return format;
}

export interface Formats {
  money(amount: number): string;
  /** A plain number for formulas: grouping, at most two decimals, no currency. */
  amount(value: number): string;
  count(value: number): string;
  /** A share 0…1 as a percentage. */
  percent(share: number): string;
  /** ROI, already in percent (300 → "300 %"). */
  roi(percent: number): string;
  /** An instant as a time (with the date when it is not today in that zone). */
  instant(iso: string, now?: number): string;
  /** A UTC calendar day `YYYY-MM-DD`. */
  day(day: string): string;
  /** The same, short (an axis label: month and day). */
  dayShort(day: string): string;
  /** An instant as a date. */
  date(iso: string): string;
}

/** The formats of one panel: `currency` of the campaign, instants in `timeZone` (the user's by default). */
export function formatsFor(currency: string, timeZone: string | undefined): Formats {
  const moneyFormat = numberFormat({ style: 'currency', currency });
  const sameDay = (a: number, b: number) => {
    const day = new Intl.DateTimeFormat(undefined, { timeZone, dateStyle: 'short' });
    return day.format(a) === day.format(b);
  };
  return {
    money: (amount) => moneyFormat.format(amount),
    amount: (value) => numberFormat({ maximumFractionDigits: 2 }).format(value),
    count: (value) => numberFormat({}).format(value),
    percent: (share) => numberFormat({ style: 'percent', maximumFractionDigits: 1 }).format(share),
    roi: (percent) => numberFormat({ style: 'percent', maximumFractionDigits: 1 }).format(percent / 100),
    instant: (iso, now = Date.now()) => {
      const at = Date.parse(iso);
      const options: Intl.DateTimeFormatOptions = sameDay(at, now) ? { timeStyle: 'short' } : { dateStyle: 'medium', timeStyle: 'short' };
      return new Intl.DateTimeFormat(undefined, { ...options, timeZone }).format(at);
    },
    day: (day) => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.parse(`${day}T00:00:00Z`)),
    dayShort: (day) => new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(Date.parse(`${day}T00:00:00Z`)),
    date: (iso) => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone }).format(Date.parse(iso)),
  };
}

/**
 * A translated sentence with templates in its `{name}` places (a `<time>` element, say): the
 * sentence's word order stays the translation's.
 */
export function tWith(key: MessageKey, parts: Record<string, TemplateResult | string>, params: MessageParams = {}): TemplateResult[] {
  const names = Object.keys(parts);
  const marked = t(key, { ...params, ...Object.fromEntries(names.map((name, i) => [name, `\uE000${i}\uE000`])) });
  return marked.split(/\uE000(\d+)\uE000/u).map((piece, index) => (index % 2 === 1 ? html`${parts[names[Number(piece)]]}` : html`${piece}`));
}
