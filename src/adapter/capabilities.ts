/**
 * What a backend can do, declared by its adapter, and the one pure function that answers whether an
 * action is possible there and, if not, why (a key of the translation table, so the element can say
 * it where a person would look for the missing action). A user's permissions narrow this further;
 * the data client's `can(action)` asks both.
 */

/** How a backend keeps a recipient's responses to a campaign. */
export type HistoryModel =
  /** Every line is kept, dated (the kit's own model). */
  | 'append-only'
  /** Only the current status per recipient and campaign (Salesforce's CampaignMember). */
  | 'latest-only';

export interface BackendCapabilities {
  /** Nothing can be written: no Add Response, no Update Status, no Delete. */
  readOnly: boolean;
  /** Lines can be added (Add Response, Update Status). */
  add: boolean;
  /** How lines are kept: every dated line (`append-only`) or only the current status (`latest-only`). */
  history: HistoryModel;
  /** What "delete all responses to a campaign" removes there; `none` when it cannot be done. */
  deleteAll: 'responses' | 'membership' | 'none';
  /** One line can be deleted on its own. */
  deleteLine: boolean;
  /** History is kept per campaign event, not only per campaign. */
  historyPerEvent: boolean;
  /** Lines carry a note. */
  notes: boolean;
  /** Lines say who recorded them. */
  authors: boolean;
  /** Tracked lines (opens, clicks, bounces) are told apart from lines entered by hand. */
  trackedVsManual: boolean;
  /**
   * Deleted lines can be brought back (`restoreDeletion`, `restoreResponse`) and listed with
   * `include=deleted`. Absent: false.
   */
  restore?: boolean;
  /** The backend keeps who changed what (`getAudit`). Absent: false. */
  audit?: boolean;
  /**
   * A delete-all can name the lines it deletes (`lineIds`), so lines added since the person looked
   * stay. Absent: false (the kit then sends the delete-all unbounded).
   */
  boundedDeleteAll?: boolean;
  /** Many lines can be added in one request (`addResponses`). Absent: false (line by line). */
  batchAdd?: boolean;
  /** Emails or ids can be looked up in bulk (`lookupRecipients`). Absent: false (one read per id). */
  recipientLookup?: boolean;
  /** Who already has a response can be asked for many recipients at once (`alreadyResponded`). Absent: false. */
  respondedQuery?: boolean;
  /**
   * The backend pushes changes (`followChanges`): open pages show others' edits and tracked hits as
   * they happen. Absent or false: the data client polls where it can.
   */
  live?: boolean;
}

/** The kit's own backend (the reference server): everything. */
export const FULL_CAPABILITIES: Readonly<BackendCapabilities> = Object.freeze({
  readOnly: false,
  add: true,
  history: 'append-only',
  deleteAll: 'responses',
  deleteLine: true,
  historyPerEvent: true,
  notes: true,
  authors: true,
  trackedVsManual: true,
  restore: true,
  audit: true,
  boundedDeleteAll: true,
  batchAdd: true,
  recipientLookup: true,
  respondedQuery: true,
  live: true,
});

/** A backend whose data can only be read (Mailchimp's activity, an export). */
export const READ_ONLY_CAPABILITIES: Readonly<BackendCapabilities> = Object.freeze({
  ...FULL_CAPABILITIES,
  readOnly: true,
  add: false,
  deleteAll: 'none',
  deleteLine: false,
  restore: false,
  batchAdd: false,
});

export type BackendAction = 'add' | 'updateStatus' | 'deleteAll' | 'deleteLine' | 'viewHistory' | 'editNote' | 'restore' | 'audit';

/** Translation keys (en, de) of the reasons an action is missing or different. */
export type CapabilityReason =
  | 'capability.readOnly'
  | 'capability.noAdd'
  | 'capability.noDelete'
  | 'capability.noDeleteLine'
  | 'capability.noRestore'
  | 'capability.noAudit'
  | 'capability.latestOnly'
  | 'capability.noNotes';

export type CapabilityAnswer =
  | { allowed: true; /** Allowed, with something a person must know first (Salesforce's delete). */ note?: CapabilityNote }
  | { allowed: false; reason: CapabilityReason };

/** Keys of what an allowed action does beyond its name. */
export type CapabilityNote = 'capability.deleteRemovesMembership' | 'capability.latestOnly';

/** Whether `action` can be done on a backend with `capabilities`, and why not. Pure. */
export function canDo(capabilities: BackendCapabilities, action: BackendAction): CapabilityAnswer {
  const writes = action !== 'viewHistory' && action !== 'audit';
  if (writes && capabilities.readOnly) return { allowed: false, reason: 'capability.readOnly' };
  switch (action) {
    case 'add':
    case 'updateStatus':
      return capabilities.add ? { allowed: true } : { allowed: false, reason: 'capability.noAdd' };
    case 'deleteAll':
      if (capabilities.deleteAll === 'none') return { allowed: false, reason: 'capability.noDelete' };
      return capabilities.deleteAll === 'membership'
        ? { allowed: true, note: 'capability.deleteRemovesMembership' }
        : { allowed: true };
    case 'deleteLine':
      return capabilities.deleteLine ? { allowed: true } : { allowed: false, reason: 'capability.noDeleteLine' };
    case 'viewHistory':
      return capabilities.history === 'latest-only' ? { allowed: true, note: 'capability.latestOnly' } : { allowed: true };
    case 'restore':
      return capabilities.restore === true ? { allowed: true } : { allowed: false, reason: 'capability.noRestore' };
    case 'audit':
      return capabilities.audit === true ? { allowed: true } : { allowed: false, reason: 'capability.noAudit' };
    case 'editNote':
      return capabilities.notes && capabilities.add ? { allowed: true } : { allowed: false, reason: 'capability.noNotes' };
  }
}

/** An adapter that says what its backend can do; one without `capabilities` is taken as full. */
export interface WithCapabilities {
  readonly capabilities?: BackendCapabilities;
}

export const capabilitiesOf = (adapter: WithCapabilities): BackendCapabilities => adapter.capabilities ?? FULL_CAPABILITIES;
