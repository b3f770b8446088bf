/** The fields that apply to every line: the campaign event, the response detail, when, and a note. */
import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { manualDetailsByCategory } from '../../model/vocabulary.js';
import { NOTE_MAX_LENGTH } from '../../model/types.js';
import type { Campaign, ResponseVocabulary } from '../../model/types.js';
import type { Localizer } from '../../i18n/localizer.js';

export interface ScopeValues {
  eventId: string;
  detailId: string;
  /** A datetime-local value, wall-clock time in the element's time zone. */
  respondedAtLocal: string;
  note: string;
}

export interface ScopeContext {
  l: Localizer;
  campaign: Campaign;
  vocabulary: ResponseVocabulary | undefined;
  values: ScopeValues;
  /** While checking or saving, the scope cannot change under the lines. */
  disabled: boolean;
  set: (name: keyof ScopeValues, value: string) => void;
}

const valueOf = (event: Event) => (event.target as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement).value;

export function renderScope(context: ScopeContext): TemplateResult {
  const { l, campaign, values, disabled, set } = context;
  const event = campaign.events.find((e) => e.id === values.eventId);
  const groups = event && context.vocabulary ? manualDetailsByCategory(context.vocabulary, event) : [];
  return html`<fieldset part="scope" class="scope" ?disabled=${disabled}>
    <legend part="legend">${l.t('bulk.scope')}</legend>
    <div class="field" part="field">
      <label part="label" for="bulk-event">${l.t('bulk.event')}</label>
      <select part="control event-select" id="bulk-event" required .value=${live(values.eventId)} @change=${(e: Event) => set('eventId', valueOf(e))}>
        <option value="" ?selected=${!values.eventId}>${l.t('bulk.choose')}</option>
        ${campaign.events.map((e) => html`<option value=${e.id} ?selected=${e.id === values.eventId}>${e.name}</option>`)}
      </select>
    </div>
    <div class="field" part="field">
      <label part="label" for="bulk-detail">${l.t('bulk.detail')}</label>
      <select part="control detail-select" id="bulk-detail" required ?disabled=${!event} .value=${live(values.detailId)} @change=${(e: Event) => set('detailId', valueOf(e))}>
        <option value="" ?selected=${!values.detailId}>${l.t('bulk.choose')}</option>
        ${groups.map(
          (group) => html`<optgroup label=${l.categoryLabel(group.category)}>
            ${group.details.map((d) => html`<option value=${d.id} ?selected=${d.id === values.detailId}>${l.detailLabel(d)}</option>`)}
          </optgroup>`,
        )}
      </select>
    </div>
    <div class="field" part="field">
      <label part="label" for="bulk-when">${l.t('bulk.dateTime')}</label>
      <input part="control" id="bulk-when" type="datetime-local" step="60" required aria-describedby="bulk-zone"
        .value=${live(values.respondedAtLocal)} @input=${(e: Event) => set('respondedAtLocal', valueOf(e))} />
      <p class="hint" part="hint" id="bulk-zone">${l.t('bulk.timeZone', { zone: l.timeZoneLabel(l.timeZone) })}</p>
    </div>
    <div class="field" part="field">
      <label part="label" for="bulk-note">${l.t('bulk.note')}</label>
      <textarea part="control" id="bulk-note" rows="2" maxlength=${NOTE_MAX_LENGTH} .value=${live(values.note)} @input=${(e: Event) => set('note', valueOf(e))}></textarea>
    </div>
  </fieldset>`;
}
