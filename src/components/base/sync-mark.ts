import { css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { SyncMark, SyncState } from '../../data/marks.js';
import type { Localizer } from '../../i18n/localizer.js';

/** The attribute a Retry button of a mark carries: the operation to send again (event delegation). */
export const SYNC_RETRY_ATTRIBUTE = 'data-sync-retry';

/** A glyph per state, beside the words (never the colour alone); hidden from assistive technology. */
const ICONS: Record<SyncState, string> = { pending: '◷', syncing: '↻', failed: '⚠', conflict: '⇄' };

export function syncStateLabel(l: Localizer, state: SyncState): string {
  return l.t(`sync.state.${state}`);
}

/** The server's reason for a failed or conflicted edit, as text. */
export function syncReason(l: Localizer, mark: Pick<SyncMark, 'error'>): string {
  const error = mark.error;
  // The outbox's own reason, not the server's: it gave up on an edit too old to send safely.
  if (error?.kind === 'expired') return l.t('sync.expired');
  const reason = error?.problem?.detail ?? error?.problem?.title ?? error?.message;
  return reason ? l.t('sync.reason', { reason }) : l.t('sync.noReason');
}

/**
 * The mark of a line the server has not confirmed: a glyph and the state in words; for a failed or
 * conflicted edit also the server's reason and Retry (Discard, which asks first, is in
 * `<campaign-sync-status>`). Elements call it only for a marked line: unmarked lines cost nothing.
 */
export function renderSyncMark(l: Localizer, mark: SyncMark, what: string): TemplateResult {
  const needsPerson = mark.state === 'failed' || mark.state === 'conflict';
  return html`<span part="sync-mark sync-${mark.state}" class="sync-mark sync-${mark.state}" data-sync-state=${mark.state}><span class="sync-icon" aria-hidden="true">${ICONS[mark.state]}</span> ${syncStateLabel(l, mark.state)}</span>${
    needsPerson
      ? html` <span part="sync-reason" class="sync-reason">${syncReason(l, mark)}</span> <button
            type="button"
            part="sync-retry"
            class="sync-retry"
            data-sync-retry=${mark.opId}
            aria-label=${l.t('sync.retryFor', { what })}
          >${l.t('sync.retry')}</button> <span class="sync-hint">${l.t('sync.lineHint')}</span>`
      : nothing
  }`;
}

/** The marks' look: an outlined label (shape, glyph and words, so not colour alone). */
export const syncMarkStyles = css`
  .sync-mark {
    display: inline-block;
    margin-inline-start: var(--_space-s);
    padding-inline: 0.4em;
    border: 1px dashed currentColor;
    border-radius: var(--_radius);
    font-size: var(--_font-size-s);
    color: var(--_muted);
    white-space: nowrap;
  }
  .sync-failed,
  .sync-conflict {
    border-style: solid;
    color: var(--_danger);
  }
  .sync-conflict {
    color: var(--_warning);
  }
  .sync-reason,
  .sync-hint {
    font-size: var(--_font-size-s);
  }
  .sync-hint {
    color: var(--_muted);
  }
  .sync-retry {
    font-size: var(--_font-size-s);
    padding-block: 0;
    padding-inline: var(--_space-m);
  }
  @media (forced-colors: active) {
    .sync-mark {
      color: CanvasText;
    }
  }
`;
