export { en } from './en.js';
// German is not here: it loads when an element's lang asks for it (loadTranslation), and a host that
// wants the table itself imports './de.js' (`campaign-response-kit/i18n/de.js`).
export type { MessageKey, Messages } from './en.js';
export { t, tPlural } from './t.js';
export {
  registerTranslation,
  loadTranslation,
  registerMessages,
  registeredLocales,
  setDefaultLocale,
  setMessagesLocale,
} from './translate.js';
export type { MessageParams, Translation } from './translate.js';
export { Localizer, localizerFor, setDefaultTimeZone, getDefaultTimeZone } from './localizer.js';
export { userTimeZone, zonedLocalToInstant, toZonedLocal, timeZoneLabel, timeZoneOffsetMs, formatInstant } from './datetime.js';
