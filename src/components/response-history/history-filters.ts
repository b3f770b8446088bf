import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { ResponseVocabulary } from '../../model/types.js';
import type { Localizer } from '../../i18n/localizer.js';
import type { MessageKey } from '../../i18n/en.js';

/** The filters as chosen, and what changes them (the history's HistoryFilterState). */
export interface FilterBarState {
  category: string;
  /** The note filter as typed. */
  note: string;
  showRecipientZone: boolean;
  onCategory: (event: Event) => void;
  onNoteInput: (event: Event) => void;
  onZoneToggle: (event: Event) => void;
}

/** What the history's filter bar shows, handed over by the history on each render. */
export interface FilterBarContext {
  l: Localizer;
  vocabulary: ResponseVocabulary | undefined;
  filters: FilterBarState;
  /** The recipient's time zone, when known: then the bar offers to show times in it. */
  recipientZone: string | undefined;
  /** Lines loaded, and how many there are. */
  shown: number;
  total: number;
}

/** The filter bar: category, note text, the recipient's time zone, and the count. */
export function renderFilterBar(ctx: FilterBarContext): TemplateResult {
  const { l, recipientZone: zone, filters } = ctx;
  return html`<div class="filters" part="filters">
    <label>
      <span>${l.t('history.filterCategory')}</span>
      <select part="category-filter" .value=${filters.category} @change=${filters.onCategory}>
        <option value="">${l.t('history.allCategories')}</option>
        ${(ctx.vocabulary?.categories ?? []).map((c) => html`<option value=${c.id} ?selected=${c.id === filters.category}>${l.categoryLabel(c)}</option>`)}
      </select>
    </label>
    <label>
      <span>${l.t('history.filterNote')}</span>
      <input type="search" part="note-filter" .value=${filters.note} @input=${filters.onNoteInput} />
    </label>
    ${zone
      ? html`<label part="zone-toggle" class="toggle">
          <input type="checkbox" .checked=${filters.showRecipientZone} @change=${filters.onZoneToggle} />
          <span>${l.t('history.showRecipientZone', { zone })}</span>
        </label>`
      : nothing}
    <span class="count" part="count">${l.t('history.count', { shown: ctx.shown, total: ctx.total })}</span>
  </div>`;
}

/**
 * Above the list: what the backend does not keep (a backend that keeps only the current status has
 * no earlier lines to show), and whether the lines come from this device (offline).
 */
export function renderHistoryNotices(l: Localizer, note: MessageKey | undefined, asOf: number | undefined, localOnly: boolean | undefined): TemplateResult {
  return html`${note ? html`<p part="history-note" class="history-note">${l.t(note)}</p>` : nothing}
    ${asOf !== undefined ? html`<p part="stale-notice" class="stale" role="status">${l.t('offline.asOf', { when: l.instant(new Date(asOf).toISOString()) })}</p>` : nothing}
    ${localOnly ? html`<p part="stale-notice" class="stale" role="status">${l.t('offline.historyLocalOnly')}</p>` : nothing}`;
}
