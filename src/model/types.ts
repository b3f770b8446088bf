/**
 * The domain of DESIGN.md §2. Every type here is what the kit works with after the adapter has
 * validated (and, for another backend, mapped) a server's answer. Instants are ISO 8601 strings in
 * UTC on the wire (`2026-03-04T15:30:00.000Z`); they are turned into `Date` only to format them.
 */

/** An ISO 8601 instant with a `Z` or an explicit offset, e.g. `2026-03-04T15:30:00.000Z`. */
export type Instant = string;

/** An IANA time zone name, e.g. `Europe/Berlin`. */
export type TimeZone = string;

export type Channel = 'email' | 'direct-mail' | 'phone' | 'event' | 'integration' | 'other';
export const CHANNELS: readonly Channel[] = ['email', 'direct-mail', 'phone', 'event', 'integration', 'other'];

/** Which campaign events a response detail applies to. */
export type ChannelScope = 'any' | 'email';

/** Who may set a response detail: a person by hand, or only automatic tracking. */
export type DetailEntry = 'manual' | 'tracked';

export type BounceKind = 'hard' | 'soft';

/** What a response detail counts as in the statistics. */
export interface CountsAs {
  responded: boolean;
  lead: boolean;
  purchase: boolean;
  unsubscribe: boolean;
}

/** A response (the first level of the vocabulary), e.g. Bounced. */
export interface ResponseCategory {
  id: string;
  label: string;
}

/** A response detail (the second level), e.g. Mailbox Is Full, of the category Bounced. */
export interface ResponseDetail {
  id: string;
  label: string;
  categoryId: string;
  channelScope: ChannelScope;
  entry: DetailEntry;
  /** Exists only on older email campaign events (the "Failed – …" group). */
  legacyEmailOnly: boolean;
  bounce: BounceKind | null;
  countsAs: CountsAs;
}

export interface ResponseVocabulary {
  categories: ResponseCategory[];
  details: ResponseDetail[];
}

export type CampaignEventStatus = 'planned' | 'scheduled' | 'in-progress' | 'completed' | 'cancelled';

export interface CampaignEvent {
  id: string;
  campaignId: string;
  name: string;
  channel: Channel;
  /** When the event runs or ran; null while unscheduled. */
  date: Instant | null;
  status: CampaignEventStatus;
  /** Cost of this event, in the campaign's currency; null when not entered. */
  cost: number | null;
  /** An email event of the older kind, which also offers the "Failed – …" details. */
  legacyEmail: boolean;
}

export interface Campaign {
  id: string;
  title: string;
  /** ISO 4217 code of every amount of this campaign. */
  currency: string;
  baseCost: number | null;
  expectedRevenue: number | null;
  events: CampaignEvent[];
}

export interface Recipient {
  id: string;
  displayName: string;
  email: string | null;
  timeZone: TimeZone;
}

export type ResponseSource = 'manual' | 'tracked' | 'import';

/** Why a tracked line looks like a machine, as a code a client says in its own language. */
export const MACHINE_CAUSE_CODES = [
  'no-user-agent', 'image-proxy', 'apple-privacy-proxy', 'opened-too-soon',
  'link-scanner', 'security-gateway', 'automated-client', 'clicked-too-soon', 'click-burst',
] as const;
export type MachineCauseCode = (typeof MACHINE_CAUSE_CODES)[number];

export interface MachineCause {
  /** One of MACHINE_CAUSE_CODES; a newer backend may send others. */
  code: MachineCauseCode | (string & {});
  /** The proxy's or scanner's maker (a name: not translated). */
  vendor?: string;
  /** Seconds after delivery, or after the previous click. */
  seconds?: number;
}

/** Why a tracked line looks like a person or a machine. */
export interface TrackingEvidence {
  userAgent: string | null;
  secondsSinceDelivery: number | null;
  machine: boolean;
  /** The backend's own words (English on the reference server). */
  machineReason: string | null;
  /** The same as a code, when the backend sends one: what the kit shows, translated. */
  machineCause?: MachineCause | null;
}

export interface TrackedLink {
  id: string;
  url: string;
}

/** One dated line of a recipient's response history. History is append-only. */
export interface ResponseLine {
  /** A UUID made by the client, so an offline line needs no temporary id. */
  id: string;
  recipientId: string;
  campaignId: string;
  eventId: string;
  detailId: string;
  /** Derived from the detail by the server; kept on the line so history reads need no join. */
  categoryId: string;
  respondedAt: Instant;
  recordedAt: Instant;
  note: string;
  author: string | null;
  source: ResponseSource;
  link: TrackedLink | null;
  evidence: TrackingEvidence | null;
  /** Only on a history read that asks for deleted lines: when it was deleted (null while live). */
  deletedAt?: Instant | null;
  /** The display name of who deleted it (with `deletedAt`). */
  deletedBy?: string | null;
  /** The deletion it belongs to: restoring that deletion brings it back. */
  deletionId?: string | null;
}

/** What a client sends to add a line (Add Response, Update Status). */
export interface NewResponseLine {
  id: string;
  recipientId: string;
  campaignId: string;
  eventId: string;
  detailId: string;
  respondedAt: Instant;
  note: string;
}

/** A campaign sent to a recipient, with the most recent response of that recipient to it. */
export interface RecipientCampaign extends Campaign {
  latestResponse: ResponseLine | null;
}

export interface RecipientCampaigns {
  recipient: Recipient;
  campaigns: RecipientCampaign[];
}

/** One page of a longer list; `nextCursor` is null on the last page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  /** The number of items over all pages, when the server knows it cheaply. */
  total?: number;
}

/** What a delete (of all of a campaign's lines, or of one) answers. */
export interface DeleteAllResult {
  deleted: number;
  /**
   * Lines left in place because the delete named the lines the person saw and these were added
   * since (0, or absent from a backend that does not bound its delete-all).
   */
  kept?: number;
  /** What `restoreDeletion` takes to undo it; null when nothing was deleted, absent where the backend cannot restore. */
  deletionId?: string | null;
}

export const NOTE_MAX_LENGTH = 4000;

/** How far in the future `respondedAt` may lie, for clocks that differ a little (client and server agree). */
export const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;
