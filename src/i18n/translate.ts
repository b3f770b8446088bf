import { en } from './en.js';
import type { MessageKey, Messages } from './en.js';

const tables = new Map<string, Messages>([['en', en]]);
let currentLocale = 'en';

/** Registers (or replaces) the strings of a language, e.g. `registerMessages('de', de)`. */
export function registerMessages(locale: string, messages: Messages): void {
  tables.set(locale, messages);
}

/**
 * Chooses the language of the kit's strings. Falls back to the base language (`de` for `de-AT`)
 * and then to English. Formatting of dates and numbers follows the browser's locale regardless.
 */
export function setMessagesLocale(locale: string): void {
  currentLocale = locale;
}

function table(): Messages {
  return tables.get(currentLocale) ?? tables.get(currentLocale.split('-')[0]) ?? en;
}

export type MessageParams = Record<string, string | number>;

/** Looks up a string and fills in its `{name}` parameters (numbers formatted with Intl). */
export function t(key: MessageKey, params: MessageParams = {}): string {
  const template = table()[key] ?? en[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? new Intl.NumberFormat().format(value) : value;
  });
}

type PluralBase<K extends string> = K extends `${infer B}.one` ? (`${B}.other` extends MessageKey ? B : never) : never;

/** A count-dependent string: picks `<base>.one` or `<base>.other` with Intl.PluralRules. */
export function tPlural(base: PluralBase<MessageKey>, count: number, params: MessageParams = {}): string {
  const rule = new Intl.PluralRules(currentLocale).select(count);
  const key = (rule === 'one' ? `${base}.one` : `${base}.other`) as MessageKey;
  return t(key, { ...params, count });
}
