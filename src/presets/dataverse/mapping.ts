/**
 * Dataverse's campaignresponse (Web API, v9.2) in the kit's words. Sources, by field:
 * - campaignresponse table reference (learn.microsoft.com …/entities/campaignresponse): entity set
 *   `campaignresponses`, key `activityid`; `description` (the note), `responsecode` and
 *   `channeltypecode` (choices, see ../vocabularies.ts), `receivedon` (DateOnly), `regardingobjectid`
 *   (the campaign), `createdon`, `createdby`; the customer is an activity party of
 *   `campaignresponse_activity_parties` with `participationtypemask` 11 (Customer).
 * - "Query data using the Web API": `$select`, `$filter` with lambda `any()`, `$orderby`; lookups read
 *   as `_<name>_value`; "Prefer: odata.include-annotations" adds
 *   `<field>@OData.Community.Display.V1.FormattedValue` (a lookup's display name).
 * - "Create a table row": `@odata.bind` to set a lookup, `<navigation>@odata.bind` inside a deep
 *   insert of activity parties.
 * The kit's campaign events are Dataverse's channels: a campaign response names a campaign and a
 * channel, not a campaign activity, so each campaign shows one event per channel.
 */
import { instantFromDateOnly, instantFromIso, dateOnlyFromInstant } from '../../adapter/dates.js';
import { odataGuid, odataString } from '../../adapter/literals.js';
import type { HistoryParams } from '../../adapter/operations.js';
import type { NewResponseLine, ResponseLine } from '../../model/types.js';
import { DATAVERSE_CHANNELS, DATAVERSE_RESPONSE_CODES } from '../vocabularies.js';

export const FORMATTED = '@OData.Community.Display.V1.FormattedValue';
/** Customer, in activityparty.participationtypemask (activityparty table reference). */
export const CUSTOMER_PARTY = 11;
export const SELECT = 'activityid,description,responsecode,channeltypecode,receivedon,createdon,_regardingobjectid_value,_createdby_value';

export interface DataverseResponse {
  activityid: string;
  description?: string | null;
  responsecode?: number | null;
  channeltypecode?: number | null;
  receivedon?: string | null;
  createdon: string;
  _regardingobjectid_value?: string | null;
  [annotation: string]: unknown;
}

/** A campaign's event for one channel: `<campaignId>~<channeltypecode>`. */
export const eventIdOf = (campaignId: string, channelCode: number): string => `${campaignId}~${channelCode}`;
export function channelCodeOf(eventId: string): number {
  const code = Number(eventId.slice(eventId.lastIndexOf('~') + 1));
  return Number.isInteger(code) && code > 0 ? code : 6;
}

/** The customer filter: responses whose Customer activity party is this contact. */
export const customerFilter = (contactId: string): string =>
  `campaignresponse_activity_parties/any(p:p/_partyid_value eq ${odataGuid(contactId, 'recipientId')} and p/participationtypemask eq ${CUSTOMER_PARTY})`;

/** `$filter` of a history query; every value a literal, every id checked as a GUID. */
export function historyFilter(contactId: string, query: HistoryParams, categoryCodes: (categoryId: string) => number[]): string {
  const clauses = [customerFilter(contactId)];
  if (query.campaignId) clauses.push(`_regardingobjectid_value eq ${odataGuid(query.campaignId, 'campaignId')}`);
  if (query.eventId) clauses.push(`channeltypecode eq ${channelCodeOf(query.eventId)}`);
  if (query.categoryId) {
    const codes = categoryCodes(query.categoryId);
    clauses.push(codes.length ? `(${codes.map((c) => `responsecode eq ${c}`).join(' or ')})` : 'false');
  }
  if (query.q) clauses.push(`contains(description,${odataString(query.q)})`);
  return clauses.join(' and ');
}

/** One campaignresponse as a kit line; `categoryOf` reads the category from the served vocabulary. */
export function lineFromDataverse(row: DataverseResponse, recipientId: string, categoryOf: (detailId: string) => string): ResponseLine {
  const campaignId = row._regardingobjectid_value ?? '';
  const detailId = DATAVERSE_RESPONSE_CODES.map.toKit(row.responsecode ?? 0);
  return {
    id: row.activityid,
    recipientId,
    campaignId,
    eventId: eventIdOf(campaignId, row.channeltypecode ?? 6),
    detailId,
    categoryId: categoryOf(detailId),
    // receivedon is a date only; a response without one happened when it was recorded.
    respondedAt: row.receivedon ? instantFromDateOnly(row.receivedon) : instantFromIso(row.createdon),
    recordedAt: instantFromIso(row.createdon),
    note: row.description ?? '',
    author: typeof row[`_createdby_value${FORMATTED}`] === 'string' ? (row[`_createdby_value${FORMATTED}`] as string) : null,
    source: 'manual',
    link: null,
    evidence: null,
  };
}

/** The body of a create: our id as `activityid`, lookups by `@odata.bind`, the customer as an activity party. */
export function dataverseBody(line: NewResponseLine, subject: string, timeZone: string): Record<string, unknown> {
  const code = DATAVERSE_RESPONSE_CODES.map.toServer(line.detailId);
  return {
    activityid: odataGuid(line.id),
    subject,
    description: line.note,
    responsecode: code,
    channeltypecode: channelCodeOf(line.eventId),
    receivedon: dateOnlyFromInstant(line.respondedAt, timeZone),
    'regardingobjectid_campaign_campaignresponse@odata.bind': `/campaigns(${odataGuid(line.campaignId, 'campaignId')})`,
    campaignresponse_activity_parties: [
      { participationtypemask: CUSTOMER_PARTY, 'partyid_contact@odata.bind': `/contacts(${odataGuid(line.recipientId, 'recipientId')})` },
    ],
  };
}

export const DATAVERSE_CHANNEL_CODES = DATAVERSE_CHANNELS.pairs.map((p) => p.code);
