/**
 * `campaign-response-kit/presets/vocabularies`: vendors' response codes mapped onto the kit's
 * two-level vocabulary (category, detail), both ways. Each map is a `ValueMap`: a code it does not
 * know comes through as itself (`unmapped:<code>`), never dropped. The table in docs/vocabularies.md
 * is this file in prose; a test keeps them equal.
 *
 * Sources, per vendor:
 * - Dataverse: campaignresponse option sets, `responsecode` 1 Interested, 2 Not Interested, 3 Do Not
 *   Send Marketing Materials, 4 Error; `channeltypecode` 1 E-mail, 2 Phone, 3 Fax, 4 Letter,
 *   5 Appointment, 6 Others ("CampaignResponse Entity OptionSet Attribute Metadata", Dynamics CRM SDK;
 *   the same values in today's campaignresponse table reference).
 * - Salesforce: CampaignMemberStatus labels; a new campaign has "Sent" and "Responded" (HasResponded)
 *   and an org adds its own, which arrive unmapped and are shown by their label.
 * - NetSuite: CampaignResponseResponse (SuiteTalk): _bounced, _clickedThru, _purchased, _received,
 *   _responded, _sent, _subscribed, _unsubscribed.
 * - Mailchimp: the email activity report's `action` (open, click, bounce, with `type` hard or soft),
 *   and a list member's `status` (subscribed, unsubscribed, cleaned, pending).
 * - HubSpot: email event `type` (SENT, DROPPED, PROCESSED, DELIVERED, DEFERRED, BOUNCE, OPEN, CLICK,
 *   STATUSCHANGE, SPAMREPORT, FORWARD, PRINT).
 */
import { createValueMap, type ValueMap } from '../adapter/value-map.js';
import type { Channel, ResponseDetail } from '../model/types.js';
import { DEFAULT_CATEGORIES, DEFAULT_DETAILS } from '../model/vocabulary.js';

/** One vendor code in the kit's words: its detail, and the detail's category. */
export interface VocabularyPair<Code extends string | number> {
  code: Code;
  /** The vendor's own label for the code, as its documentation names it. */
  label: string;
  detailId: string;
  categoryId: string;
}

export interface VendorVocabulary<Code extends string | number> {
  vendor: string;
  field: string;
  pairs: readonly VocabularyPair<Code>[];
  map: ValueMap<Code>;
}

const categoryOf = (detailId: string) => DEFAULT_DETAILS.find((d) => d.id === detailId)?.categoryId ?? EXTRA_DETAILS.find((d) => d.id === detailId)?.categoryId ?? detailId;

/** Details the vendors have and the built-in vocabulary does not: Dataverse's interest answers. */
export const EXTRA_DETAILS: readonly ResponseDetail[] = [
  { id: 'interested', label: 'Interested', categoryId: 'responded', channelScope: 'any', entry: 'manual', legacyEmailOnly: false, bounce: null,
    countsAs: { responded: true, lead: true, purchase: false, unsubscribe: false } },
  { id: 'not-interested', label: 'Not Interested', categoryId: 'responded', channelScope: 'any', entry: 'manual', legacyEmailOnly: false, bounce: null,
    countsAs: { responded: true, lead: false, purchase: false, unsubscribe: false } },
];

function vendor<Code extends string | number>(name: string, field: string, rows: readonly (readonly [Code, string, string])[]): VendorVocabulary<Code> {
  const pairs = rows.map(([code, label, detailId]) => ({ code, label, detailId, categoryId: categoryOf(detailId) }));
  return { vendor: name, field, pairs, map: createValueMap(pairs.map((p) => [p.detailId, p.code] as const)) };
}

export const DATAVERSE_RESPONSE_CODES = vendor<number>('Dataverse', 'campaignresponse.responsecode', [
  [1, 'Interested', 'interested'],
  [2, 'Not Interested', 'not-interested'],
  [3, 'Do Not Send Marketing Materials', 'unsubscribed'],
  [4, 'Error', 'failed-other'],
]);

/** Dataverse's channels onto the kit's: Fax folds into other, which goes back as Others. */
export const DATAVERSE_CHANNELS = {
  pairs: [
    { code: 1, label: 'E-mail', channel: 'email' },
    { code: 2, label: 'Phone', channel: 'phone' },
    { code: 3, label: 'Fax', channel: 'other' },
    { code: 4, label: 'Letter', channel: 'direct-mail' },
    { code: 5, label: 'Appointment', channel: 'event' },
    { code: 6, label: 'Others', channel: 'other' },
  ] as const satisfies readonly { code: number; label: string; channel: Channel }[],
  toKit: (code: number): Channel => DATAVERSE_CHANNELS.pairs.find((p) => p.code === code)?.channel ?? 'other',
  toServer: (channel: Channel): number => ({ email: 1, phone: 2, 'direct-mail': 4, event: 5 } as Partial<Record<Channel, number>>)[channel] ?? 6,
};

export const SALESFORCE_MEMBER_STATUSES = vendor<string>('Salesforce', 'CampaignMember.Status', [
  ['Sent', 'Sent', 'sent'],
  ['Responded', 'Responded', 'responded'],
  ['Received', 'Received', 'received'],
  ['Opened', 'Opened', 'opened'],
  ['Clicked', 'Clicked', 'clicked-through'],
  ['Bounced', 'Bounced', 'mailbox-not-accepting'],
  ['Unsubscribed', 'Unsubscribed', 'unsubscribed'],
  ['Purchased', 'Purchased', 'purchased'],
]);

export const NETSUITE_RESPONSES = vendor<string>('NetSuite', 'CampaignResponse.response', [
  ['_bounced', 'Bounced', 'mailbox-not-accepting'],
  ['_clickedThru', 'Clicked Through', 'clicked-through'],
  ['_purchased', 'Purchased', 'purchased'],
  ['_received', 'Received', 'received'],
  ['_responded', 'Responded', 'responded'],
  ['_sent', 'Sent', 'sent'],
  ['_subscribed', 'Subscribed', 'subscribed'],
  ['_unsubscribed', 'Unsubscribed', 'unsubscribed'],
]);

export const MAILCHIMP_ACTIONS = vendor<string>('Mailchimp', 'email activity action (bounce by type), member status', [
  ['open', 'open', 'opened'],
  ['click', 'click', 'clicked-through'],
  ['bounce:hard', 'bounce, type hard', 'mailbox-not-accepting'],
  ['bounce:soft', 'bounce, type soft', 'mailbox-full'],
  ['subscribed', 'member status subscribed', 'subscribed'],
  ['unsubscribed', 'member status unsubscribed', 'unsubscribed'],
  ['cleaned', 'member status cleaned', 'skipped-previous-hard-bounce'],
  ['pending', 'member status pending', 'queued'],
]);

export const HUBSPOT_EMAIL_EVENTS = vendor<string>('HubSpot', 'email event type', [
  ['PROCESSED', 'PROCESSED', 'queued'],
  ['SENT', 'SENT', 'sent'],
  ['DELIVERED', 'DELIVERED', 'received'],
  ['OPEN', 'OPEN', 'opened'],
  ['CLICK', 'CLICK', 'clicked-through'],
  ['BOUNCE', 'BOUNCE', 'mailbox-not-accepting'],
  ['DEFERRED', 'DEFERRED', 'network-server-issues'],
  ['DROPPED', 'DROPPED', 'skipped-previous-hard-bounce'],
  ['SPAMREPORT', 'SPAMREPORT', 'unsubscribed-feedback-loop'],
  ['STATUSCHANGE', 'STATUSCHANGE (unsubscribed)', 'unsubscribed'],
  ['FORWARD', 'FORWARD', 'responded'],
  ['PRINT', 'PRINT', 'received'],
]);

export const VENDOR_VOCABULARIES = [
  DATAVERSE_RESPONSE_CODES, SALESFORCE_MEMBER_STATUSES, NETSUITE_RESPONSES, MAILCHIMP_ACTIONS, HUBSPOT_EMAIL_EVENTS,
] as const;

/** The kit's category label for a pair's category (English; elements translate built-in ones). */
export const categoryLabel = (categoryId: string): string => DEFAULT_CATEGORIES.find((c) => c.id === categoryId)?.label ?? categoryId;
