/**
 * The kit's translations: English built in, German shipped and loaded when an element asks for it
 * (`de.ts`, a module of its own: a page in English never downloads it), and any other language a
 * host registers with `registerTranslation()`. Elements do not use a global language: each reads
 * `lang` from its nearest ancestor (see `LocaleController`) and asks `localizerFor()` for that
 * language. `t()` and `tPlural()` below are for code outside an element; they use the kit's default
 * language (`setDefaultLocale()`, English unless set).
 */
import type { MessageKey, Messages } from './en.js';
import { enBase } from './en/base.js';

/** A translation as registered: every key it has; a missing key falls back (de-AT → de → en). */
export type Translation = Partial<Messages>;

/**
 * English, as far as the elements on the page need it: the strings every element may show, and the
 * part of each element that has loaded (`registerEnglish()`), so that a page carries only the strings
 * of the elements it uses.
 */
const english: Translation = { ...enBase };

/** Adds English strings: an element's own part (src/i18n/en/), registered when its class is defined. */
export function registerEnglish(...parts: Translation[]): void {
  Object.assign(english, ...parts);
}

/** The English text of `key`, if a part holding it has been registered. */
export function englishText(key: MessageKey): string | undefined {
  return english[key];
}

const tables = new Map<string, Translation>([['en', english]]);

/**
 * The languages the kit ships beside English, each a module loaded on first use (a bundler makes it a
 * chunk of its own). A table the host registered for the same language wins: it is not loaded then.
 */
const shipped = new Map<string, () => Promise<Translation>>([
  ['de', () => Promise.all([import('./de.js'), loadEnglishVocabulary()]).then(([module]) => module.de)],
]);

let vocabulary: Promise<void> | undefined;

/**
 * The English labels of the built-in vocabulary. Under English an element shows the backend's labels
 * as they come; only under another language are they needed, to tell a built-in label (translated)
 * from a backend's own (shown as it is). So they load with the first other language, and no element
 * carries them.
 */
function loadEnglishVocabulary(): Promise<void> {
  vocabulary ??= import('./en/vocabulary.js').then(
    (module) => {
      registerEnglish(module.enVocabulary);
      settingsChanged();
    },
    (error: unknown) => {
      vocabulary = undefined;
      throw error;
    },
  );
  return vocabulary;
}
const loading = new Map<string, Promise<boolean>>();

/**
 * Loads a language the kit ships (`de`) and registers it; the elements showing it re-render. An element
 * under `lang="de"` does this by itself (its first render waits for the table, a moment on a first
 * visit: see `CrElement.scheduleUpdate()`); a host that wants the table before any element asks awaits this, or imports the table
 * (`campaign-response-kit/i18n/de.js`) and registers it. Resolves to whether a table for the language
 * is registered now: false for a language the kit does not ship, or when the module failed to load.
 */
export function loadTranslation(locale: string): Promise<boolean> {
  const language = normalize(locale).split('-')[0];
  if (tables.has(language)) return Promise.resolve(true);
  const load = shipped.get(language);
  if (!load) return Promise.resolve(false);
  let pending = loading.get(language);
  if (!pending) {
    pending = load().then(
      (table) => {
        if (!tables.has(language)) registerTranslation(language, table);
        return true;
      },
      (error: unknown) => {
        // Offline, say: stay in English; a later call tries again.
        loading.delete(language);
        console.warn(`campaign-response-kit: the ${language} translation did not load`, error);
        return false;
      },
    );
    loading.set(language, pending);
  }
  return pending;
}

/**
 * While a language the kit ships is loading for `locale` (started here if it has not been), the
 * promise of its load; undefined when there is nothing to wait for (English, a loaded or registered
 * language, one the kit does not ship).
 */
export function pendingTranslation(locale: string): Promise<boolean> | undefined {
  const language = normalize(locale).split('-')[0];
  if (!language || tables.has(language) || !shipped.has(language)) return undefined;
  return loadTranslation(language);
}

let version = 0;
const listeners = new Set<() => void>();

/**
 * Registers (or replaces) the strings of a language, e.g. `registerTranslation('fr', fr)`. A
 * complete translation is typed `Messages` (`satisfies Messages` makes TypeScript insist on every
 * key); a partial one is allowed, and each key it lacks comes from the base language (`de` for
 * `de-AT`) and then from English. Elements already on the page re-render in it.
 */
export function registerTranslation(locale: string, messages: Translation): void {
  const normalized = normalize(locale);
  tables.set(normalized, messages);
  // The elements re-render once it is there: built-in labels then show in this language.
  if (normalized.split('-')[0] !== 'en') loadEnglishVocabulary().catch(() => undefined);
  settingsChanged();
}

/** The former name of `registerTranslation()`. */
export const registerMessages = registerTranslation;

/**
 * The languages that have a registered table (lower case): English, the host's, and German once it
 * has loaded (see `loadTranslation()`).
 */
export function registeredLocales(): string[] {
  return [...tables.keys()];
}

/** Tells the listeners that a table or a kit-wide setting changed. */
export function settingsChanged(): void {
  version += 1;
  for (const listener of listeners) listener();
}

/** Called after every registration or change of a kit-wide setting (the locale controllers re-render their elements). */
export function onTranslationsChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Bumped by each registration: caches built from the tables compare it. */
export function translationsVersion(): number {
  return version;
}

function normalize(locale: string): string {
  return locale.trim().toLowerCase().replace(/_/g, '-');
}

/**
 * The tables to look a key up in, most specific first: `de-AT` → [de-at, de, en]. English is
 * always last, so every key is found. A shipped language that is not loaded yet starts loading
 * (the chain is English until it is there, and the elements re-render then).
 */
export function translationChain(locale: string): Translation[] {
  const chain: Translation[] = [];
  const subtags = normalize(locale).split('-').filter(Boolean);
  if (subtags.length > 0 && !tables.has(subtags[0]) && shipped.has(subtags[0])) void loadTranslation(subtags[0]);
  for (let length = subtags.length; length > 0; length -= 1) {
    const table = tables.get(subtags.slice(0, length).join('-'));
    if (table && !chain.includes(table)) chain.push(table);
  }
  if (!chain.includes(english)) chain.push(english);
  return chain;
}

export type MessageParams = Record<string, string | number>;

/** The template of `key` in the first table of `chain` that has it. */
export function lookup(chain: readonly Translation[], key: MessageKey): string {
  for (const table of chain) {
    const template = table[key];
    if (template !== undefined) return template;
  }
  // A key of a part nobody registered (a bug): shown as the key, so that it is seen and fixed.
  return english[key] ?? key;
}

/**
 * Fills `{name}` parameters; numbers through `formatNumber`. A value that ends its own sentence
 * (an error message: "…took too long).") takes the place of the template's full stop after it,
 * instead of making "..".
 */
export function fill(template: string, params: MessageParams, formatNumber: (value: number) => string): string {
  if (!template.includes('{')) return template;
  return template.replace(/\{(\w+)\}(\.?)/g, (whole, name: string, stop: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    if (typeof value === 'number') return formatNumber(value) + stop;
    return stop && /[.!?…。]$/u.test(value) ? value : value + stop;
  });
}

/** The keys that have `.one` and `.other` forms, e.g. `tab.deleted`. */
export type PluralBase<K extends string = MessageKey> = K extends `${infer B}.one` ? (`${B}.other` extends MessageKey ? B : never) : never;

let defaultLocale = '';

/**
 * The language of elements with no `lang` on any ancestor, and of `t()` / `tPlural()`; empty (the
 * default) means English strings and the browser's own formats.
 */
export function setDefaultLocale(locale: string): void {
  defaultLocale = locale;
  settingsChanged();
}

export function getDefaultLocale(): string {
  return defaultLocale;
}

/** The former name of `setDefaultLocale()`. */
export const setMessagesLocale = setDefaultLocale;
