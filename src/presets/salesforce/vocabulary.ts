/**
 * The vocabulary of a Salesforce org: every campaign's member statuses (CampaignMemberStatus:
 * `CampaignId`, `Label`, `HasResponded`, `SortOrder`), each label once. A label of
 * ../vocabularies.ts becomes its kit detail; another comes through as itself, under Responded or
 * Sent by its `HasResponded`. The statuses per campaign are kept too: a status is only written to a
 * campaign that has it (Salesforce would refuse it).
 */
import type { ResponseDetail, ResponseVocabulary } from '../../model/types.js';
import { DEFAULT_CATEGORIES, DEFAULT_DETAILS } from '../../model/vocabulary.js';
import { SALESFORCE_MEMBER_STATUSES } from '../vocabularies.js';

export interface MemberStatus { CampaignId: string; Label: string; HasResponded: boolean; SortOrder?: number | null }

export interface SalesforceVocabulary {
  vocabulary: ResponseVocabulary;
  /** The labels each campaign allows. */
  byCampaign: Map<string, Set<string>>;
}

export function salesforceVocabulary(statuses: readonly MemberStatus[]): SalesforceVocabulary {
  const byCampaign = new Map<string, Set<string>>();
  const details = new Map<string, ResponseDetail>();
  for (const status of statuses) {
    if (!byCampaign.has(status.CampaignId)) byCampaign.set(status.CampaignId, new Set());
    byCampaign.get(status.CampaignId)!.add(status.Label);
    const id = SALESFORCE_MEMBER_STATUSES.map.toKit(status.Label);
    if (details.has(id)) continue;
    const known = DEFAULT_DETAILS.find((d) => d.id === id);
    // Set by a person or a flow, never by the kit's email tracking: every status is entered by hand here.
    details.set(id, known
      ? { ...known, label: status.Label, channelScope: 'any', entry: 'manual', legacyEmailOnly: false }
      : { id, label: status.Label, categoryId: status.HasResponded ? 'responded' : 'sent', channelScope: 'any', entry: 'manual',
          legacyEmailOnly: false, bounce: null, countsAs: { responded: status.HasResponded, lead: false, purchase: false, unsubscribe: false } });
  }
  const used = new Set([...details.values()].map((d) => d.categoryId));
  return { vocabulary: { categories: DEFAULT_CATEGORIES.filter((c) => used.has(c.id)), details: [...details.values()] }, byCampaign };
}
