export { en } from './en.js';
export type { MessageKey, Messages } from './en.js';
export { t, tPlural, registerMessages, setMessagesLocale } from './translate.js';
export type { MessageParams } from './translate.js';
export { userTimeZone, zonedLocalToInstant, toZonedLocal, timeZoneLabel, timeZoneOffsetMs, formatInstant } from './datetime.js';
