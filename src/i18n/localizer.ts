/**
 * One language and time zone's strings and formats: what an element renders with. `localizerFor()`
 * hands out one shared instance per (language, time zone), and each keeps its Intl formatters, so a
 * render that formats a hundred dates builds one formatter, not a hundred.
 */
import type { Instant, TimeZone } from '../model/types.js';
import type { MessageKey } from './en.js';
import { userTimeZone } from './datetime.js';
import {
  englishText,
  fill,
  getDefaultLocale,
  lookup,
  onTranslationsChange,
  settingsChanged,
  translationChain,
  type MessageParams,
  type PluralBase,
  type Translation,
} from './translate.js';

/** `locale` if Intl accepts it, else undefined (the browser's own); `lang="x-nonsense!"` must not throw. */
function intlLocale(locale: string): string | undefined {
  if (!locale) return undefined;
  try {
    return Intl.getCanonicalLocales(locale)[0];
  } catch {
    return undefined;
  }
}

function validZone(timeZone: string | undefined): TimeZone | undefined {
  if (!timeZone) return undefined;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone;
  } catch {
    return undefined;
  }
}

const BYTE_UNITS: [string, number][] = [
  ['gigabyte', 1e9],
  ['megabyte', 1e6],
  ['kilobyte', 1e3],
  ['byte', 1],
];

/** Strings and Intl formats in one language and time zone. */
export class Localizer {
  /** The language as the page gave it (`de-AT`), or empty when none was given. */
  readonly lang: string;
  /** The locale Intl formats with; undefined means the browser's own. */
  readonly intlLocale: string | undefined;
  /** The time zone dates and times are shown and entered in. */
  readonly timeZone: TimeZone;
  readonly #chain: Translation[];
  readonly #numberFormats = new Map<string, Intl.NumberFormat>();
  readonly #dateFormats = new Map<string, Intl.DateTimeFormat>();
  readonly #instantFormats = new Map<string, Intl.DateTimeFormat>();
  #instantFormat: Intl.DateTimeFormat | undefined;
  readonly #count: Intl.NumberFormat;
  #plural: Intl.PluralRules | undefined;
  #relative: Intl.RelativeTimeFormat | undefined;
  readonly #formatCount = (value: number) => this.#count.format(value);

  constructor(lang: string, timeZone: TimeZone) {
    this.lang = lang;
    this.intlLocale = intlLocale(lang);
    this.timeZone = timeZone;
    this.#chain = translationChain(lang);
    this.#count = new Intl.NumberFormat(this.intlLocale);
  }

  /** Whether the strings come from English alone (no table of the language, or none given). */
  get english(): boolean {
    return this.#chain.length === 1;
  }

  /** Looks a string up (falling back key by key: de-AT → de → en) and fills in its `{name}` parameters. */
  t(key: MessageKey, params: MessageParams = {}): string {
    return fill(lookup(this.#chain, key), params, this.#formatCount);
  }

  /** A count-dependent string: `<base>.one` or `<base>.other`, chosen by Intl.PluralRules of the language. */
  tPlural(base: PluralBase, count: number, params: MessageParams = {}): string {
    this.#plural ??= new Intl.PluralRules(this.intlLocale ?? 'en');
    const key = (this.#plural.select(count) === 'one' ? `${base}.one` : `${base}.other`) as MessageKey;
    return this.t(key, { ...params, count });
  }

  /**
   * A sentence with values that are not text (a `<time>` element, say) in its `{name}` places:
   * its pieces in the translation's word order, to render as a list.
   */
  tParts<V>(key: MessageKey, parts: Record<string, V>, params: MessageParams = {}): (string | V)[] {
    const names = Object.keys(parts);
    const marked = this.t(key, { ...params, ...Object.fromEntries(names.map((name, i) => [name, `\uE000${i}\uE000`])) });
    return marked
      .split(/\uE000(\d+)\uE000/u)
      .map((piece, index) => (index % 2 === 1 ? parts[names[Number(piece)]] : piece))
      .filter((piece) => piece !== '');
  }

  /** A shared Intl.NumberFormat in this language. */
  numberFormat(options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
    const key = JSON.stringify(options);
    let format = this.#numberFormats.get(key);
    if (!format) {
      format = new Intl.NumberFormat(this.intlLocale, options);
      this.#numberFormats.set(key, format);
    }
    return format;
  }

  /** A shared Intl.DateTimeFormat in this language, in this time zone unless `options.timeZone` says otherwise. */
  dateTimeFormat(options: Intl.DateTimeFormatOptions = {}): Intl.DateTimeFormat {
    const key = JSON.stringify(options);
    let format = this.#dateFormats.get(key);
    if (!format) {
      format = new Intl.DateTimeFormat(this.intlLocale, { timeZone: this.timeZone, ...options });
      this.#dateFormats.set(key, format);
    }
    return format;
  }

  /** A count: `1,234` / `1.234`. */
  count(value: number): string {
    return this.#count.format(value);
  }

  /** A number with at most `maximumFractionDigits` decimals: `1,234.5` / `1.234,5`. */
  number(value: number, maximumFractionDigits = 2): string {
    return this.numberFormat({ maximumFractionDigits }).format(value);
  }

  /** An amount of money: `$4,500.00` / `4.500,00 $`. */
  money(amount: number, currency: string): string {
    return this.numberFormat({ style: 'currency', currency }).format(amount);
  }

  /** A share 0…1 as a percentage: `83.3%` / `83,3 %`. */
  percent(share: number, maximumFractionDigits = 1): string {
    return this.numberFormat({ style: 'percent', maximumFractionDigits }).format(share);
  }

  /** A byte count in the largest unit that keeps it above 1 (`512 byte`, `1.5 kB`, `12 MB`). */
  bytes(bytes: number): string {
    const [unit, divisor] = BYTE_UNITS.find(([, size]) => bytes >= size) ?? BYTE_UNITS[BYTE_UNITS.length - 1];
    return this.numberFormat({ style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(bytes / divisor);
  }

  /**
   * An instant as date and time (medium date, short time) in this time zone, or in `timeZone`
   * (a recipient's, say). Not a date: returned as it came.
   */
  instant(instant: Instant | number, timeZone: TimeZone = this.timeZone): string {
    const ms = typeof instant === 'number' ? instant : Date.parse(instant);
    if (Number.isNaN(ms)) return String(instant);
    // The element's own zone (every row of a table) without a map lookup.
    let format = timeZone === this.timeZone ? this.#instantFormat : this.#instantFormats.get(timeZone);
    if (!format) {
      format = new Intl.DateTimeFormat(this.intlLocale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
      this.#instantFormats.set(timeZone, format);
      if (timeZone === this.timeZone) this.#instantFormat = format;
    }
    return format.format(ms);
  }

  /** "5 minutes ago", in the largest unit that fits. */
  age(ms: number): string {
    this.#relative ??= new Intl.RelativeTimeFormat(this.intlLocale, { numeric: 'auto' });
    const seconds = Math.round(ms / 1000);
    if (seconds < 60) return this.#relative.format(-seconds, 'second');
    const minutes = Math.round(seconds / 60);
    if (minutes < 60) return this.#relative.format(-minutes, 'minute');
    const hours = Math.round(minutes / 60);
    if (hours < 48) return this.#relative.format(-hours, 'hour');
    return this.#relative.format(-Math.round(hours / 24), 'day');
  }

  /** A zone's name with its offset now, e.g. `Europe/Berlin (GMT+01:00)`. */
  timeZoneLabel(timeZone: TimeZone, at = Date.now()): string {
    const offset = this.dateTimeFormat({ timeZone, timeZoneName: 'longOffset' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value;
    return offset ? `${timeZone} (${offset})` : timeZone;
  }

  /**
   * A response category's label. Labels come from the backend; when it sent the built-in English
   * label of a built-in category, this language's label for it is shown instead (a label the
   * backend chose itself is shown as it is).
   */
  categoryLabel(category: { id: string; label: string }): string {
    return this.#vocabularyLabel('category', category);
  }

  /** A response detail's label; see `categoryLabel()`. */
  detailLabel(detail: { id: string; label: string }): string {
    return this.#vocabularyLabel('detail', detail);
  }

  #vocabularyLabel(kind: 'category' | 'detail', entry: { id: string; label: string }): string {
    if (this.english) return entry.label;
    const key = `vocabulary.${kind}.${entry.id}` as MessageKey;
    // The English table holds the built-in labels: a label that differs is the backend's own.
    if (englishText(key) !== entry.label) return entry.label;
    return this.t(key);
  }
}

let kitTimeZone: TimeZone | undefined;

/**
 * The time zone of every element that has no `time-zone` of its own or on an ancestor; the
 * browser's when unset (undefined).
 */
export function setDefaultTimeZone(timeZone: TimeZone | undefined): void {
  kitTimeZone = validZone(timeZone);
  settingsChanged();
}

export function getDefaultTimeZone(): TimeZone {
  return kitTimeZone ?? userTimeZone();
}

const localizers = new Map<string, Localizer>();
onTranslationsChange(() => localizers.clear());

/**
 * The shared localizer of a language (`''`: the kit's default language) and time zone (undefined
 * or not a zone Intl knows: the kit's default, else the browser's).
 */
export function localizerFor(lang: string, timeZone?: string): Localizer {
  const language = lang || getDefaultLocale();
  const zone = validZone(timeZone) ?? getDefaultTimeZone();
  const key = `${language}\u0000${zone}`;
  let localizer = localizers.get(key);
  if (!localizer) {
    localizer = new Localizer(language, zone);
    localizers.set(key, localizer);
  }
  return localizer;
}
