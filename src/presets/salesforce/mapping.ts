/**
 * Salesforce's CampaignMember in the kit's words. Sources (Salesforce Object Reference and REST API
 * Developer Guide):
 * - CampaignMember: `CampaignId`, `ContactId` or `LeadId`, `Status` (a label of the campaign's
 *   CampaignMemberStatus), `HasResponded` (derived from the status), `FirstRespondedDate` (a date),
 *   `CreatedDate`, `LastModifiedDate`, `LastModifiedBy.Name`. It keeps only the current status: no
 *   field history is kept for it, so the history shows what these fields still say.
 * - CampaignMemberStatus: `CampaignId`, `Label`, `HasResponded`, `IsDefault`, `SortOrder`, per campaign.
 * - Campaign: `Name`, `Type` (picklist: Conference, Webinar, Trade Show, Public Relations, Partners,
 *   Referral Program, Advertisement, Banner Ads, Direct Mail, Email, Telemarketing, Other),
 *   `BudgetedCost`, `ExpectedRevenue`, `StartDate`, `Status` (Planned, In Progress, Completed, Aborted).
 * - Record ids: `003` starts a Contact's, `00Q` a Lead's ("Standard Field Record ID Prefix Decoder").
 * - Datetimes arrive as `2026-03-04T15:30:00.000+0000`; dates as `2026-03-04`.
 */
import { instantFromDateOnly, instantFromIso } from '../../adapter/dates.js';
import type { Channel, ResponseLine } from '../../model/types.js';
import { SALESFORCE_MEMBER_STATUSES } from '../vocabularies.js';

export const MEMBER_FIELDS = 'Id, CampaignId, Status, HasResponded, FirstRespondedDate, CreatedDate, LastModifiedDate, LastModifiedBy.Name, '
  + 'Campaign.Name, Campaign.Type, Campaign.BudgetedCost, Campaign.ExpectedRevenue, Campaign.StartDate, Campaign.Status';

export interface SalesforceMember {
  Id: string;
  CampaignId: string;
  Status: string;
  HasResponded: boolean;
  FirstRespondedDate: string | null;
  CreatedDate: string;
  LastModifiedDate: string;
  LastModifiedBy?: { Name?: string | null } | null;
  Campaign?: { Name?: string | null; Type?: string | null; BudgetedCost?: number | null; ExpectedRevenue?: number | null;
    StartDate?: string | null; Status?: string | null } | null;
}

/** The field that names the person: a Contact's id starts with 003, a Lead's with 00Q. */
export const personField = (recipientId: string): 'ContactId' | 'LeadId' => (recipientId.startsWith('00Q') ? 'LeadId' : 'ContactId');
export const personObject = (recipientId: string): 'Contact' | 'Lead' => (recipientId.startsWith('00Q') ? 'Lead' : 'Contact');

const CHANNEL_BY_TYPE: Readonly<Record<string, Channel>> = {
  Email: 'email', 'Direct Mail': 'direct-mail', Telemarketing: 'phone',
  Conference: 'event', Webinar: 'event', 'Trade Show': 'event',
};
const STATUS_BY_CAMPAIGN_STATUS: Readonly<Record<string, 'planned' | 'in-progress' | 'completed' | 'cancelled'>> = {
  Planned: 'planned', 'In Progress': 'in-progress', Completed: 'completed', Aborted: 'cancelled',
};

/** A campaign with its one event: Salesforce campaigns have no events, so the campaign stands for its own. */
export function campaignOf(member: SalesforceMember, currency: string) {
  const campaign = member.Campaign ?? {};
  return {
    id: member.CampaignId,
    title: campaign.Name ?? '',
    currency,
    baseCost: campaign.BudgetedCost ?? null,
    expectedRevenue: campaign.ExpectedRevenue ?? null,
    events: [{
      id: member.CampaignId, campaignId: member.CampaignId, name: campaign.Name ?? '',
      channel: CHANNEL_BY_TYPE[campaign.Type ?? ''] ?? 'other',
      date: campaign.StartDate ? instantFromDateOnly(campaign.StartDate) : null,
      status: STATUS_BY_CAMPAIGN_STATUS[campaign.Status ?? ''] ?? 'in-progress', cost: null, legacyEmail: false,
    }],
  };
}

/**
 * What the API still says of a member's history: its current status (as of its last change), and,
 * when it ever responded, the day it first did (unless that is the current line already).
 */
export function linesOf(member: SalesforceMember, recipientId: string, categoryOf: (detailId: string) => string): ResponseLine[] {
  const detailId = SALESFORCE_MEMBER_STATUSES.map.toKit(member.Status);
  const base = { recipientId, campaignId: member.CampaignId, eventId: member.CampaignId, note: '', source: 'manual' as const, link: null, evidence: null };
  const current: ResponseLine = {
    ...base, id: member.Id, detailId, categoryId: categoryOf(detailId),
    respondedAt: instantFromIso(member.LastModifiedDate), recordedAt: instantFromIso(member.LastModifiedDate),
    author: member.LastModifiedBy?.Name ?? null,
  };
  // HasResponded follows the current status; FirstRespondedDate stays once set.
  const firstResponded = member.FirstRespondedDate
    && (categoryOf(detailId) !== 'responded' || member.FirstRespondedDate !== member.LastModifiedDate.slice(0, 10))
    ? [{ ...base, id: `${member.Id}-first-response`, detailId: 'responded', categoryId: 'responded',
      respondedAt: instantFromDateOnly(member.FirstRespondedDate), recordedAt: instantFromDateOnly(member.FirstRespondedDate), author: null }]
    : [];
  return [current, ...firstResponded];
}
