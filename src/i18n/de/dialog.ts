import type { enDialog } from '../en/dialog.js';

/** German strings of <add-response-dialog>: the form and its validation: the keys of `enDialog`, no more, no fewer. `../de.ts` is their union. */
export const deDialog: Record<keyof typeof enDialog, string> = {
  'dialog.title.new': 'Neue Kampagnenantwort',
  'dialog.title.update': 'Kampagnenantwort',
  'dialog.campaign': 'Kampagne',
  'dialog.event': 'Kampagnenereignis',
  'dialog.choose': 'Auswählen…',
  'dialog.dateTime': 'Datum und Uhrzeit',
  'dialog.timeZone': 'Zeitzone: {zone}',
  'dialog.detail': 'Neues Antwortdetail',
  'dialog.note': 'Notiz',
  'dialog.noteCount': '{count} von {max} Zeichen',
  'dialog.save': 'Speichern',
  'dialog.saveNew': 'Neue Antwort speichern',
  'dialog.saving': 'Wird gespeichert…',
  'dialog.cancel': 'Abbrechen',
  'dialog.actions': 'Aktionen',
  'dialog.delete': 'Löschen',
  'dialog.updating': '{campaign}: {event}',
  'dialog.saveFailed':
    'Die Antwort wurde nicht gespeichert: {message}. Ihre Eingaben bleiben erhalten; versuchen Sie es erneut.',
  'dialog.fixErrors': 'Bitte korrigieren Sie die markierten Felder.',
  'dialog.discard.question': 'Die begonnene Antwort verwerfen?',
  'dialog.discard.confirm': 'Verwerfen',
  'dialog.discard.keep': 'Weiter bearbeiten',
  'validation.required': 'Dieses Feld ist erforderlich.',
  'validation.invalidDate': 'Geben Sie ein gültiges Datum und eine gültige Uhrzeit ein.',
  'validation.future': 'Die Antwort darf nicht in der Zukunft liegen.',
  'validation.incompleteDate':
    'Datum und Uhrzeit sind unvollständig: Geben Sie Tag, Monat, Jahr und Uhrzeit ein.',
  'validation.fourDigitYear': 'Geben Sie das Jahr vierstellig ein.',
  'validation.beforeFirstEvent':
    'Die Antwort darf nicht vor dem ersten Kampagnenereignis liegen ({event}, {date}).',
  'validation.beforeFloor': 'Die Antwort darf nicht vor dem {date} liegen.',
  'validation.noteTooLong': 'Die Notiz darf höchstens {max} Zeichen lang sein.',
};
