/**
 * English strings of <add-response-dialog>: the form and its validation.
 * Elements register the parts they show (`registerEnglish()`); `../en.ts` is their union. Add a key
 * beside its element's keys, and to the German table.
 */
export const enDialog = {
  'dialog.title.new': 'New Campaign Response',
  'dialog.title.update': 'Campaign Response',
  'dialog.campaign': 'Campaign',
  'dialog.event': 'Campaign event',
  'dialog.choose': 'Choose…',
  'dialog.dateTime': 'Date and time',
  'dialog.timeZone': 'Time zone: {zone}',
  'dialog.detail': 'New Response Detail',
  'dialog.note': 'Note',
  'dialog.noteCount': '{count} of {max} characters',
  'dialog.save': 'Save',
  'dialog.saveNew': 'Save New Response',
  'dialog.saving': 'Saving…',
  'dialog.cancel': 'Cancel',
  'dialog.actions': 'Actions',
  'dialog.delete': 'Delete',
  'dialog.updating': '{campaign}: {event}',
  'dialog.saveFailed': 'The response was not saved: {message}. Your entries are kept; try again.',
  'dialog.fixErrors': 'Please correct the marked fields.',
  'dialog.discard.question': 'Discard the response you started?',
  'dialog.discard.confirm': 'Discard',
  'dialog.discard.keep': 'Keep editing',
  'validation.required': 'This field is required.',
  'validation.invalidDate': 'Enter a valid date and time.',
  'validation.future': 'The response cannot be in the future.',
  'validation.incompleteDate': 'The date and time are incomplete: fill in day, month, year and time.',
  'validation.fourDigitYear': 'Enter a four-digit year.',
  'validation.beforeFirstEvent':
    'The response cannot be before the campaign’s first event ({event}, {date}).',
  'validation.beforeFloor': 'The response cannot be before {date}.',
  'validation.noteTooLong': 'The note may have at most {max} characters.',
} satisfies Record<string, string>;
