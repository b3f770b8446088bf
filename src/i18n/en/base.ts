/**
 * English strings of what every element may show: states, errors and their causes, what the backend cannot do, offline and sync marks.
 * Elements register the parts they show (`registerEnglish()`); `../en.ts` is their union. Add a key
 * beside its element's keys, and to the German table.
 */
export const enBase = {
  'state.loading': 'Loading…',
  'state.error': 'Something went wrong: {message}',
  'state.retry': 'Retry',
  'state.notFound': 'This recipient was not found.',
  'state.auth': 'You are not signed in, or not allowed to see this. Sign in again and retry.',
  'state.noClient':
    'No data source is configured. Use one of: the {property} property (or api-base), a <campaign-data-provider> around the element, or configureCampaignKit() once for the page. See “Configuring the data source” in the README.',
  'error.noAnswer': 'The server did not answer (no connection, or it took too long).',
  'error.originRefused':
    'The server is there, but this origin ({origin}) is not allowed to call it. Add it to the server’s allowed origins (the reference server: CR_ALLOWED_ORIGINS).',
  'restore.needsConnection': 'Restore needs a connection: try again when you are online.',
  'dialog.close': 'Close',
  'offline.unavailable':
    'Offline edits are not available in this browser (its storage is blocked): each edit is sent at once and needs a connection.',
  'offline.asOf': 'Offline: showing what was last seen, as of {when}.',
  'offline.queued': 'Saved on this device. It will be sent when the connection allows.',
  'offline.historyLocalOnly':
    'Offline: only the edits waiting on this device are shown. The rest of the history is not available offline.',
  'offline.saved': 'Saved.',
  'offline.saveFailed.quota':
    'This device’s storage is full, so the response was NOT saved. Your entries are kept: free some space, or try again.',
  'offline.saveFailed.other':
    'The response could not be stored on this device and was NOT saved ({message}). Your entries are kept; try again.',
  'sync.expired': 'It waited too long to be sent and was given up. Retry sends it again as a new edit.',
  'sync.state.pending': 'Not sent yet',
  'sync.state.syncing': 'Sending',
  'sync.state.failed': 'Failed',
  'sync.state.conflict': 'Conflict',
  'sync.reason': 'The server said: {reason}',
  'sync.noReason': 'The server gave no reason.',
  'sync.retry': 'Retry',
  'sync.retryFor': 'Retry sending: {what}',
  'sync.lineHint': 'Retry or discard it under Sync status.',
  'capability.readOnly': 'This backend is read-only: responses can be viewed here, not added or deleted.',
  'capability.noAdd': 'This backend does not accept new responses from here.',
  'capability.noDelete': 'This backend does not allow deleting responses from here.',
  'capability.noDeleteLine': 'This backend cannot delete a single response line.',
  'capability.latestOnly': 'This backend keeps only the latest status, so earlier responses are not shown.',
  'capability.noNotes': 'This backend does not keep notes with responses.',
  'capability.deleteRemovesMembership':
    'Deleting removes the person from the campaign, not only their responses.',
  'capability.noRestore': 'This backend cannot restore deleted responses.',
  'capability.noAudit': 'This backend keeps no record of who changed what.',
} satisfies Record<string, string>;
