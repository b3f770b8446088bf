import { FUTURE_TOLERANCE_MS, NOTE_MAX_LENGTH } from '../../model/types.js';
import type { RecipientCampaign } from '../../model/types.js';
import type { ResponseDraft } from '../../data/data-client.js';
import { zonedLocalToInstant } from '../../i18n/datetime.js';
import type { Localizer } from '../../i18n/localizer.js';

/** The fields of the form, by the names the server uses for them in validation errors. */
export type FieldName = 'campaignId' | 'eventId' | 'respondedAt' | 'detailId' | 'note';
export const FIELD_ORDER: readonly FieldName[] = ['campaignId', 'eventId', 'respondedAt', 'detailId', 'note'];

export interface ResponseFormValues {
  campaignId: string;
  eventId: string;
  /** A datetime-local value, wall-clock time in `timeZone`. */
  respondedAtLocal: string;
  detailId: string;
  note: string;
}

export type FieldErrors = Partial<Record<FieldName, string>>;

export { FUTURE_TOLERANCE_MS };

/** Checks what a person entered before anything is sent. */
export function validateResponseForm(l: Localizer, values: ResponseFormValues, timeZone: string, now = Date.now()): FieldErrors {
  const errors: FieldErrors = {};
  if (!values.campaignId) errors.campaignId = l.t('validation.required');
  if (!values.eventId) errors.eventId = l.t('validation.required');
  if (!values.respondedAtLocal) {
    errors.respondedAt = l.t('validation.required');
  } else {
    const instant = zonedLocalToInstant(values.respondedAtLocal, timeZone);
    if (!instant) errors.respondedAt = l.t('validation.invalidDate');
    else if (Date.parse(instant) > now + FUTURE_TOLERANCE_MS) errors.respondedAt = l.t('validation.future');
  }
  if (!values.detailId) errors.detailId = l.t('validation.required');
  if (values.note.length > NOTE_MAX_LENGTH) errors.note = l.t('validation.noteTooLong', { max: NOTE_MAX_LENGTH });
  return errors;
}

/** The line to send, from valid values. */
export function draftFromForm(recipientId: string, values: ResponseFormValues, timeZone: string): ResponseDraft {
  return {
    recipientId,
    campaignId: values.campaignId,
    eventId: values.eventId,
    detailId: values.detailId,
    respondedAt: zonedLocalToInstant(values.respondedAtLocal, timeZone) ?? values.respondedAtLocal,
    note: values.note,
  };
}

/**
 * The form field a server's validation error names: `note`, `body.note`, `/note` all mean the note.
 * Null when it names none of them (shown above the form instead).
 */
export function fieldOfServerError(field: string): FieldName | null {
  const last = field.split(/[./]/).filter(Boolean).pop() ?? '';
  return (FIELD_ORDER as readonly string[]).includes(last) ? (last as FieldName) : null;
}

export function sameValues(a: ResponseFormValues, b: ResponseFormValues): boolean {
  return FIELD_ORDER.every((name) => fieldValue(a, name) === fieldValue(b, name));
}

function fieldValue(values: ResponseFormValues, name: FieldName): string {
  return name === 'respondedAt' ? values.respondedAtLocal : values[name];
}

export function findEvent(campaigns: readonly RecipientCampaign[], campaignId: string, eventId: string) {
  return campaigns.find((c) => c.id === campaignId)?.events.find((e) => e.id === eventId);
}
