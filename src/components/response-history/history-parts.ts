import { exportPartsAs } from '../base/export-parts.js';

/**
 * Every part `<response-history>` documents, for the elements that hold one and re-export them as
 * `history__<part>` (the tab). test/browser/parts-and-tokens.test.ts checks the list against the
 * manifest through the tab's documented parts.
 */
export const HISTORY_PARTS = [
  'filters',
  'category-filter',
  'note-filter',
  'zone-toggle',
  'count',
  'history-note',
  'list',
  'line',
  'line-head',
  'line-detail',
  'line-category',
  'line-time',
  'line-campaign',
  'line-meta',
  'line-source',
  'line-link',
  'line-note',
  'loading-more',
  'stale-notice',
  'loading',
  'empty',
  'error',
  'auth',
  'not-found',
  'retry-button',
  'sync-mark',
  'sync-pending',
  'sync-syncing',
  'sync-failed',
  'sync-conflict',
  'sync-reason',
  'sync-retry',
  'line-actions',
  'menu-button',
  'menu',
  'menu-item',
  'line-deleted',
  'line-restore',
  'line-changes-button',
  'line-changes',
  'line-change',
  'line-notice',
  'notice-undo',
  'notice-restore',
  'notice-close',
] as const;

export const HISTORY_EXPORTPARTS = exportPartsAs('history', HISTORY_PARTS);
