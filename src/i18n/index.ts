export { en } from './en.js';
export { de } from './de.js';
export type { MessageKey, Messages } from './en.js';
export {
  t,
  tPlural,
  registerTranslation,
  registerMessages,
  registeredLocales,
  setDefaultLocale,
  setMessagesLocale,
} from './translate.js';
export type { MessageParams, Translation } from './translate.js';
export { Localizer, localizerFor, setDefaultTimeZone, getDefaultTimeZone } from './localizer.js';
export { userTimeZone, zonedLocalToInstant, toZonedLocal, timeZoneLabel, timeZoneOffsetMs, formatInstant } from './datetime.js';
