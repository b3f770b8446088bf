import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { SyncStatus } from '../../data/sync.js';
import type { Localizer } from '../../i18n/localizer.js';

/**
 * The one-line status (a polite live region): connectivity, waiting (and since when, as of `now`),
 * sending, failed, conflicts, last sync.
 */
export function renderSyncSummary(l: Localizer, status: SyncStatus, now: number): TemplateResult {
  const connectivity = status.connectivity;
  const glyph = connectivity === 'online' ? '●' : connectivity === 'offline' ? '○' : '◌';
  const waiting = status.pending + status.syncing;
  const age = status.oldestPendingAt === null ? undefined : l.age(Math.max(0, now - status.oldestPendingAt));
  return html`<p part="summary" class="summary" role="status" aria-live="polite">
    <span part="connectivity" class="connectivity-${connectivity}" data-connectivity=${connectivity}
      ><span aria-hidden="true">${glyph}</span> ${l.t(`sync.${connectivity}`)}</span
    >${waiting > 0
      ? html`<span part="pending" data-count=${waiting}
          >${age ? l.t('sync.pendingAndOldest', { pending: l.tPlural('sync.pending', waiting), oldest: l.t('sync.oldest', { age }) }) : l.tPlural('sync.pending', waiting)}</span
        >`
      : status.failed + status.conflict === 0
        ? html`<span part="pending" data-count="0">${l.t('sync.allSent')}</span>`
        : nothing}${status.syncing > 0 ? html`<span part="syncing">${l.t('sync.syncing')}</span>` : nothing}${status.failed > 0
      ? html`<span part="failed" data-count=${status.failed}>${l.tPlural('sync.failed', status.failed)}</span>`
      : nothing}${status.conflict > 0
      ? html`<span part="conflict" data-count=${status.conflict}>${l.tPlural('sync.conflict', status.conflict)}</span>`
      : nothing}${status.lastSyncAt !== null
      ? renderLastSync(l, new Date(status.lastSyncAt).toISOString())
      : nothing}
  </p>`;
}

/** "Last synced <time>", with the time where the translation puts it. */
function renderLastSync(l: Localizer, instant: string): TemplateResult {
  const time = html`<time datetime=${instant}>${l.instant(instant)}</time>`;
  return html`<span part="last-sync">${l.tParts('sync.lastSync', { when: time })}</span>`;
}
