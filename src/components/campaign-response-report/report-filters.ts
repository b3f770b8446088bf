/**
 * The detail report's filter form: what a person chose (strings, as form controls hold them) and
 * the `ResponseFilters` of the contract made from it. Dates are days in the user's time zone: "from"
 * is the start of its day, "to" the start of the day after (the server's `to` is exclusive, a person's
 * "to" date is inclusive).
 */
import { html } from 'lit';
import { live } from 'lit/directives/live.js';
import type { TemplateResult } from 'lit';
import { REPORT_SORTS, type ReportSort, type ResponseFilters, type SummaryEvent } from '../../model/campaign-stats.js';
import type { ResponseSource, ResponseVocabulary, TimeZone } from '../../model/types.js';
import { zonedLocalToInstant } from '../../i18n/datetime.js';
import type { Localizer } from '../../i18n/localizer.js';
import type { MessageKey } from '../../i18n/en.js';

export interface FilterValues {
  detailId: string;
  categoryId: string;
  eventId: string;
  /** `YYYY-MM-DD` or empty. */
  from: string;
  /** `YYYY-MM-DD` or empty; inclusive. */
  to: string;
  source: '' | ResponseSource;
  /** '' both, 'false' people only, 'true' machines only. */
  machine: '' | 'true' | 'false';
  /** The note text as typed (sent once typing pauses). */
  note: string;
  sort: ReportSort;
}

export const EMPTY_FILTERS: Readonly<FilterValues> = {
  detailId: '',
  categoryId: '',
  eventId: '',
  from: '',
  to: '',
  source: '',
  machine: '',
  note: '',
  sort: '-respondedAt',
};

const SOURCES: readonly ResponseSource[] = ['manual', 'tracked', 'import'];

/** The day after a `YYYY-MM-DD` date, in the same form. */
function nextDay(date: string): string {
  const ms = Date.parse(`${date}T00:00:00Z`);
  return new Date(ms + 86_400_000).toISOString().slice(0, 10);
}

/** Whether the "to" date comes before the "from" date (the form then asks nothing of the server). */
export function datesReversed(values: FilterValues): boolean {
  return Boolean(values.from && values.to && values.to < values.from);
}

/** The contract's filters for the chosen values; `note` is the debounced note text. */
export function toResponseFilters(values: FilterValues, note: string, timeZone: TimeZone): ResponseFilters {
  const filters: ResponseFilters = { sort: values.sort };
  if (values.detailId) filters.detailId = values.detailId;
  if (values.categoryId) filters.categoryId = values.categoryId;
  if (values.eventId) filters.eventId = values.eventId;
  const from = values.from ? zonedLocalToInstant(`${values.from}T00:00`, timeZone) : null;
  const to = values.to ? zonedLocalToInstant(`${nextDay(values.to)}T00:00`, timeZone) : null;
  if (from) filters.from = from;
  if (to) filters.to = to;
  if (values.source) filters.source = values.source;
  if (values.machine) filters.machine = values.machine === 'true';
  const q = note.trim();
  if (q) filters.q = q;
  return filters;
}

export interface FilterFormContext {
  /** The report's strings and formats. */
  l: Localizer;
  values: FilterValues;
  vocabulary: ResponseVocabulary;
  events: readonly SummaryEvent[];
  /** A select, date or sort changed: `name` is the control's name. */
  onChange: (name: keyof FilterValues, value: string) => void;
  onNoteInput: (value: string) => void;
  onReset: () => void;
}

// `?selected` picks the first choice of a new option; the selects' `.value` makes the choice
// follow the values later (reset, another campaign): once a person has picked an option, the
// `selected` attribute no longer moves the choice (the option's "dirtiness"; Firefox honours it).
const option = (value: string, label: string, selected: string) =>
  html`<option value=${value} ?selected=${value === selected}>${label}</option>`;

/** The form: native controls with real labels; every change applies at once (no Apply button). */
export function renderFilterForm(context: FilterFormContext): TemplateResult {
  const { l, values, vocabulary, events } = context;
  const onChange = (event: Event) => {
    const control = event.target as HTMLInputElement | HTMLSelectElement;
    if (control.name && control.name !== 'note') context.onChange(control.name as keyof FilterValues, control.value);
  };
  const reversed = datesReversed(values);
  return html`<form
    class="filters"
    part="filters"
    aria-label=${l.t('report.filters')}
    @change=${onChange}
    @submit=${(event: Event) => event.preventDefault()}
    @reset=${(event: Event) => {
      event.preventDefault();
      context.onReset();
    }}
  >
    <label>
      <span>${l.t('report.filter.detail')}</span>
      <select name="detailId" part="filter detail-filter" .value=${live(values.detailId)}>
        ${option('', l.t('report.filter.allDetails'), values.detailId)}
        ${vocabulary.categories.map((category) => {
          const details = vocabulary.details.filter((d) => d.categoryId === category.id);
          return details.length
            ? html`<optgroup label=${l.categoryLabel(category)}>${details.map((d) => option(d.id, l.detailLabel(d), values.detailId))}</optgroup>`
            : null;
        })}
      </select>
    </label>
    <label>
      <span>${l.t('report.filter.category')}</span>
      <select name="categoryId" part="filter category-filter" .value=${live(values.categoryId)}>
        ${option('', l.t('report.filter.allCategories'), values.categoryId)}
        ${vocabulary.categories.map((c) => option(c.id, l.categoryLabel(c), values.categoryId))}
      </select>
    </label>
    <label>
      <span>${l.t('report.filter.event')}</span>
      <select name="eventId" part="filter event-filter" .value=${live(values.eventId)}>
        ${option('', l.t('report.filter.allEvents'), values.eventId)}
        ${events.map((e) => option(e.id, e.name, values.eventId))}
      </select>
    </label>
    <label>
      <span>${l.t('report.filter.from')}</span>
      <input type="date" name="from" part="filter from-filter" .value=${values.from} max=${values.to || ''} />
    </label>
    <label>
      <span>${l.t('report.filter.to')}</span>
      <input
        type="date"
        name="to"
        part="filter to-filter"
        .value=${values.to}
        min=${values.from || ''}
        aria-invalid=${reversed ? 'true' : 'false'}
        aria-describedby="to-error"
      />
    </label>
    <label>
      <span>${l.t('report.filter.source')}</span>
      <select name="source" part="filter source-filter" .value=${live(values.source)}>
        ${option('', l.t('report.filter.allSources'), values.source)}
        ${SOURCES.map((s) => option(s, l.t(`report.source.${s}` as MessageKey), values.source))}
      </select>
    </label>
    <label>
      <span>${l.t('report.filter.machine')}</span>
      <select name="machine" part="filter machine-filter" .value=${live(values.machine)}>
        ${option('', l.t('report.filter.everyone'), values.machine)} ${option('false', l.t('report.filter.humans'), values.machine)}
        ${option('true', l.t('report.filter.machines'), values.machine)}
      </select>
    </label>
    <label>
      <span>${l.t('report.filter.note')}</span>
      <input
        type="search"
        name="note"
        part="filter note-filter"
        maxlength="200"
        .value=${values.note}
        @input=${(event: Event) => context.onNoteInput((event.target as HTMLInputElement).value)}
      />
    </label>
    <label>
      <span>${l.t('report.filter.sort')}</span>
      <select name="sort" part="filter sort-select" .value=${live(values.sort)}>
        ${REPORT_SORTS.map((s) => option(s, l.t(`report.sort.${s}` as MessageKey), values.sort))}
      </select>
    </label>
    <button type="reset" part="reset-button">${l.t('report.filter.reset')}</button>
    <p id="to-error" class="field-error" part="filter-error" ?hidden=${!reversed}>${reversed ? l.t('report.filter.toBeforeFrom') : ''}</p>
  </form>`;
}
