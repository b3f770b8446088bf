export type * from './types.js';
export { CHANNELS, FUTURE_TOLERANCE_MS, NOTE_MAX_LENGTH } from './types.js';
export * from './vocabulary.js';
export * from './history.js';
export * from './response-dates.js';
export * from './stats.js';
export * from './schemas.js';
export * from './campaign-stats.js';
export * from './principal.js';
