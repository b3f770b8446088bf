/**
 * English strings of <campaign-responses-tab>: the table, Delete and Undo.
 * Elements register the parts they show (`registerEnglish()`); `../en.ts` is their union. Add a key
 * beside its element's keys, and to the German table.
 */
export const enTab = {
  'tab.caption': 'Campaigns sent to this recipient',
  'tab.addResponse': 'Add Response',
  'tab.readOnly': 'You may read these responses but not add any.',
  'tab.col.campaign': 'Campaign',
  'tab.col.events': 'Campaign events',
  'tab.col.response': 'Response',
  'tab.col.date': 'Date',
  'tab.noResponse': 'No response yet',
  'tab.empty': 'No campaigns have been sent to this recipient.',
  'tab.updateStatus': 'Update Status',
  'tab.updateStatusFor': 'Update Status: {event}',
  'tab.showHistory': 'History of {campaign}',
  'tab.delayNote': 'Sent and Bounced may be reported with a delay.',
  'tab.deleted.one': 'Deleted 1 response to {campaign}.',
  'tab.deleted.other': 'Deleted {count} responses to {campaign}.',
  'tab.undo': 'Undo',
  'tab.restored': 'Responses to {campaign} restored.',
  'tab.deleteFailed': 'Could not delete the responses to {campaign}: {message}',
  'tab.restore': 'Restore',
  'tab.deleteSent': 'Responses to {campaign} deleted.',
  'tab.kept.one': '1 response added since you looked was kept.',
  'tab.kept.other': '{count} responses added since you looked were kept.',
  'tab.restoring': 'Restoring the responses to {campaign}…',
  'tab.restoreFailed': 'Could not restore the responses to {campaign}: {message}',
  'delete.title': 'Delete responses',
  'delete.confirm.one': 'Delete 1 response of this recipient to “{campaign}”?',
  'delete.confirm.other': 'Delete all {count} responses of this recipient to “{campaign}”?',
  'delete.confirm.zero': 'This recipient has no responses to “{campaign}”.',
  'delete.undoHint': 'You can undo this for a few seconds.',
  'delete.counting': 'Counting the responses…',
  'delete.confirmButton': 'Delete',
  'delete.cancel': 'Cancel',
} satisfies Record<string, string>;
