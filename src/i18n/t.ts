/**
 * `t()` and `tPlural()`, for code outside an element, in the kit's default language
 * (`setDefaultLocale()`, English unless set). Apart from translate.ts because they know every key:
 * the first call registers the whole English table, which an element never needs (each carries its
 * own part), so only a page that calls them pays for it.
 */
import { en, type MessageKey } from './en.js';
import { fill, getDefaultLocale, lookup, registerEnglish, translationChain, type MessageParams, type PluralBase } from './translate.js';

let complete = false;
const defaultNumbers = new Map<string, Intl.NumberFormat>();

function defaultNumber(value: number): string {
  const locale = getDefaultLocale();
  let format = defaultNumbers.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale || undefined);
    defaultNumbers.set(locale, format);
  }
  return format.format(value);
}

/** Looks a string up in the default language and fills in its `{name}` parameters. */
export function t(key: MessageKey, params: MessageParams = {}): string {
  if (!complete) {
    registerEnglish(en);
    complete = true;
  }
  return fill(lookup(translationChain(getDefaultLocale()), key), params, defaultNumber);
}

/** A count-dependent string in the default language: `<base>.one` or `<base>.other` by Intl.PluralRules. */
export function tPlural(base: PluralBase, count: number, params: MessageParams = {}): string {
  const rule = new Intl.PluralRules(getDefaultLocale() || 'en').select(count);
  const key = (rule === 'one' ? `${base}.one` : `${base}.other`) as MessageKey;
  return t(key, { ...params, count });
}
