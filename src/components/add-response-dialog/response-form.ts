import { FUTURE_TOLERANCE_MS, NOTE_MAX_LENGTH } from '../../model/types.js';
import type { RecipientCampaign } from '../../model/types.js';
import type { ResponseDraft } from '../../data/client-options.js';
import { firstDatedEvent, MIN_TYPED_YEAR, RESPONSE_FLOOR } from '../../model/response-dates.js';
import { toZonedLocal, zonedLocalToInstant } from '../../i18n/datetime.js';
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

/** What the checks need beyond the values. */
export interface ValidationContext {
  /** The campaigns to choose from: the chosen one's first event bounds the date. */
  campaigns?: readonly RecipientCampaign[];
  /** The date field holds a half-typed date (`validity.badInput`): its value reads empty. */
  dateIncomplete?: boolean;
  now?: number;
}

/** Checks what a person entered before anything is sent. */
export function validateResponseForm(l: Localizer, values: ResponseFormValues, timeZone: string, context: ValidationContext = {}): FieldErrors {
  const errors: FieldErrors = {};
  if (!values.campaignId) errors.campaignId = l.t('validation.required');
  if (!values.eventId) errors.eventId = l.t('validation.required');
  const dateError = validateDate(l, values, timeZone, context);
  if (dateError) errors.respondedAt = dateError;
  if (!values.detailId) errors.detailId = l.t('validation.required');
  if (values.note.length > NOTE_MAX_LENGTH) errors.note = l.t('validation.noteTooLong', { max: NOTE_MAX_LENGTH });
  return errors;
}

/**
 * The date and time: complete, a real date, a four-digit year (a typed `26` is a slip for 2026),
 * not in the future, and not before the campaign reached anyone: its first event's day in the
 * shown zone, or 1970 where no event is dated (the server's bound is a day looser, not knowing the zone).
 */
function validateDate(l: Localizer, values: ResponseFormValues, timeZone: string, context: ValidationContext): string | undefined {
  const local = values.respondedAtLocal;
  if (!local) return context.dateIncomplete ? l.t('validation.incompleteDate') : l.t('validation.required');
  const instant = zonedLocalToInstant(local, timeZone);
  if (!instant) return l.t('validation.invalidDate');
  if (Number(local.slice(0, 4)) < MIN_TYPED_YEAR) return l.t('validation.fourDigitYear');
  if (Date.parse(instant) > (context.now ?? Date.now()) + FUTURE_TOLERANCE_MS) return l.t('validation.future');
  const campaign = context.campaigns?.find((c) => c.id === values.campaignId);
  const first = campaign && firstDatedEvent(campaign.events);
  const day = (ms: number) => l.dateTimeFormat({ dateStyle: 'medium', timeZone }).format(ms);
  if (first) {
    // Calendar days in the shown zone compare as strings (YYYY-MM-DD).
    const firstDay = toZonedLocal(Date.parse(first.date), timeZone).slice(0, 10);
    if (local.slice(0, 10) < firstDay) return l.t('validation.beforeFirstEvent', { event: first.name, date: day(Date.parse(first.date)) });
  } else if (Date.parse(instant) < Date.parse(RESPONSE_FLOOR)) {
    return l.t('validation.beforeFloor', { date: day(Date.parse(RESPONSE_FLOOR)) });
  }
  return undefined;
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
