import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { manualDetailsByCategory } from '../../model/vocabulary.js';
import { NOTE_MAX_LENGTH } from '../../model/types.js';
import type { RecipientCampaign, ResponseVocabulary } from '../../model/types.js';
import type { Localizer } from '../../i18n/localizer.js';
import type { FieldErrors, FieldName, ResponseFormValues } from './response-form.js';
import { findEvent } from './response-form.js';

/** What the field templates need from the dialog. */
export interface FieldsContext {
  /** The dialog's strings and formats. */
  l: Localizer;
  mode: 'new' | 'update';
  values: ResponseFormValues;
  errors: FieldErrors;
  campaigns: readonly RecipientCampaign[];
  vocabulary: ResponseVocabulary;
  timeZone: string;
  set: (name: keyof ResponseFormValues, value: string) => void;
}

const valueOf = (event: Event) => (event.target as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement).value;

function described(name: FieldName, errors: FieldErrors, extra?: string): string | undefined {
  const ids = [extra, errors[name] ? `${name}-error` : undefined].filter(Boolean).join(' ');
  return ids || undefined;
}

function fieldError(name: FieldName, errors: FieldErrors): TemplateResult | typeof nothing {
  const message = errors[name];
  return message ? html`<p class="field-error" part="field-error" id="${name}-error">${message}</p>` : nothing;
}

/**
 * A required `<select>` of the form: its label, a "Choose…" first option before `options`, the
 * field's error tied to it. `.value` follows the form's values after a person has picked (the
 * options' `?selected` sets only the first choice).
 */
function selectField(
  context: FieldsContext,
  name: 'campaignId' | 'eventId' | 'detailId',
  label: string,
  disabled: boolean,
  options: unknown,
): TemplateResult {
  const { values, errors } = context;
  return html`<div class="field" part="field">
    <label part="label" for=${name}>${label}</label>
    <select
      part="control"
      id=${name}
      name=${name}
      required
      ?disabled=${disabled}
      aria-invalid=${errors[name] ? 'true' : 'false'}
      aria-describedby=${ifDefined(described(name, errors))}
      .value=${live(values[name])}
      @change=${(event: Event) => context.set(name, valueOf(event))}
    >
      <option value="" ?selected=${!values[name]}>${context.l.t('dialog.choose')}</option>
      ${options}
    </select>
    ${fieldError(name, errors)}
  </div>`;
}

function campaignFields(context: FieldsContext): TemplateResult {
  const { values, campaigns } = context;
  const campaign = campaigns.find((c) => c.id === values.campaignId);
  return html`${selectField(
    context,
    'campaignId',
    context.l.t('dialog.campaign'),
    false,
    campaigns.map((c) => html`<option value=${c.id} ?selected=${c.id === values.campaignId}>${c.title}</option>`),
  )}
    ${selectField(
      context,
      'eventId',
      context.l.t('dialog.event'),
      !campaign,
      (campaign?.events ?? []).map((e) => html`<option value=${e.id} ?selected=${e.id === values.eventId}>${e.name}</option>`),
    )}`;
}

function updateTarget(context: FieldsContext): TemplateResult {
  const { values, campaigns } = context;
  const campaign = campaigns.find((c) => c.id === values.campaignId);
  const event = findEvent(campaigns, values.campaignId, values.eventId);
  return html`<p class="target" part="target">
      ${context.l.t('dialog.updating', { campaign: campaign?.title ?? values.campaignId, event: event?.name ?? values.eventId })}
    </p>
    ${fieldError('campaignId', context.errors)} ${fieldError('eventId', context.errors)}`;
}

function detailField(context: FieldsContext): TemplateResult {
  const { values, campaigns, vocabulary } = context;
  const event = findEvent(campaigns, values.campaignId, values.eventId);
  const groups = event ? manualDetailsByCategory(vocabulary, event) : [];
  return selectField(
    context,
    'detailId',
    context.l.t('dialog.detail'),
    !event,
    groups.map(
      (group) =>
        html`<optgroup label=${context.l.categoryLabel(group.category)}>
          ${group.details.map((d) => html`<option value=${d.id} ?selected=${d.id === values.detailId}>${context.l.detailLabel(d)}</option>`)}
        </optgroup>`,
    ),
  );
}

/** The fields in the order of the source document's steps. */
export function renderFields(context: FieldsContext): TemplateResult {
  const { values, errors, timeZone } = context;
  return html`${context.mode === 'new' ? campaignFields(context) : updateTarget(context)}
    <div class="field" part="field">
      <label part="label" for="respondedAt">${context.l.t('dialog.dateTime')}</label>
      <input
        part="control"
        id="respondedAt"
        name="respondedAt"
        type="datetime-local"
        step="60"
        required
        aria-invalid=${errors.respondedAt ? 'true' : 'false'}
        aria-describedby=${ifDefined(described('respondedAt', errors, 'respondedAt-zone'))}
        .value=${live(values.respondedAtLocal)}
        @input=${(e: Event) => context.set('respondedAtLocal', valueOf(e))}
      />
      <p class="hint" part="time-zone" id="respondedAt-zone">${context.l.t('dialog.timeZone', { zone: context.l.timeZoneLabel(timeZone) })}</p>
      ${fieldError('respondedAt', errors)}
    </div>
    ${detailField(context)}
    <div class="field" part="field">
      <label part="label" for="note">${context.l.t('dialog.note')}</label>
      <textarea
        part="control"
        id="note"
        name="note"
        rows="4"
        aria-invalid=${errors.note ? 'true' : 'false'}
        aria-describedby=${ifDefined(described('note', errors, 'note-count'))}
        .value=${live(values.note)}
        @input=${(e: Event) => context.set('note', valueOf(e))}
      ></textarea>
      <p class="hint" id="note-count" part="note-count">
        ${context.l.t('dialog.noteCount', { count: values.note.length, max: NOTE_MAX_LENGTH })}
      </p>
      ${fieldError('note', errors)}
    </div>`;
}
