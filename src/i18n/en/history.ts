/**
 * English strings of <response-history>.
 * Elements register the parts they show (`registerEnglish()`); `../en.ts` is their union. Add a key
 * beside its element's keys, and to the German table.
 */
export const enHistory = {
  'history.label': 'Response history',
  'history.filterCategory': 'Response',
  'history.allCategories': 'All responses',
  'history.filterNote': 'Search notes',
  'history.showRecipientZone': 'Show times in the recipient’s time zone ({zone})',
  'history.empty': 'No responses recorded yet.',
  'history.noMatch': 'No responses match the filters.',
  'history.recorded': 'Recorded {when}',
  'history.by': 'by {author}',
  'history.source.manual': 'Entered by hand',
  'history.source.tracked': 'Tracked',
  'history.source.import': 'Imported',
  'history.link': 'Link: ',
  'history.machine': 'Probably automatic (not a person)',
  'history.loadingMore': 'Loading more…',
  'history.count': '{shown} of {total} responses',
  'history.recipientTime': 'Recipient’s time: {when}',
  'history.whenInZone': '{when} ({zone})',
} as const;
