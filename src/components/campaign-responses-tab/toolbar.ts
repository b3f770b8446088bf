import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { CampaignDataClient } from '../../data/data-client.js';
import type { Localizer } from '../../i18n/localizer.js';
import type { SavedNoticeState } from './saved-notice.js';

/** What the tab's toolbar shows, handed over by the tab on each render. */
export interface ToolbarContext {
  l: Localizer;
  client: CampaignDataClient;
  /** Whether campaigns are shown: Add Response waits for them. */
  loaded: boolean;
  /** When the shown campaigns were read from the cache (offline), if they were. */
  asOf: number | undefined;
  saved: SavedNoticeState;
  onAdd: (event: Event) => void;
}

/** Add Response (or why it is disabled), the host's actions, and the notices. */
export function renderToolbar(ctx: ToolbarContext): TemplateResult {
  const { l } = ctx;
  const add = ctx.client.check('write');
  return html`<div part="toolbar" class="toolbar">
    <button
      type="button"
      part="add-button"
      class="primary"
      ?disabled=${!ctx.loaded || !add.allowed}
      aria-describedby=${add.allowed ? nothing : 'read-only-reason'}
      @click=${ctx.onAdd}
    >
      ${l.t('tab.addResponse')}
    </button>
    ${add.allowed
      ? nothing
      : html`<span id="read-only-reason" part="read-only-reason">${l.t(add.by === 'backend' && add.reason ? add.reason : 'tab.readOnly')}</span>`}
    <slot name="actions"></slot>
    ${renderNotices(ctx)}
  </div>`;
}

/**
 * What a person must know about where their data is: only when it applies (the plain client
 * never has any, and the first paint pays one property read).
 */
function renderNotices({ l, client, asOf, saved }: ToolbarContext): unknown {
  const unavailable = client.offlineMode === 'unavailable';
  if (asOf === undefined && !unavailable && saved === 'none') return nothing;
  return html`${unavailable ? html`<p part="offline-notice" class="notice" role="note">${l.t('offline.unavailable')}</p>` : nothing}
    ${asOf !== undefined
      ? html`<p part="stale-notice" class="notice" role="status">${l.t('offline.asOf', { when: l.instant(new Date(asOf).toISOString()) })}</p>`
      : nothing}
    <p part="queued-notice" class="notice" role="status">${saved === 'none' ? nothing : l.t(saved === 'saved' ? 'offline.saved' : 'offline.queued')}</p>`;
}
