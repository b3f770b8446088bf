/**
 * The answers of the bench runner's API: realistic, fixed bodies the size of what the kit really
 * reads. Imported by `scripts/bench.mjs` (to serve them) and by nothing in the browser.
 */
import { DEFAULT_VOCABULARY } from '../../src/model/vocabulary.js';
import type { Page, ResponseLine } from '../../src/model/types.js';

const detailIds = DEFAULT_VOCABULARY.details.map((d) => d.id);

/** A 50-line history page, as a busy recipient's first page looks. */
export function historyPage(recipientId: string): Page<ResponseLine> {
  const items = Array.from({ length: 50 }, (_, i): ResponseLine => {
    const detail = DEFAULT_VOCABULARY.details[i % detailIds.length];
    const at = new Date(Date.UTC(2026, 2, 1, 9) + i * 3_600_000).toISOString();
    return {
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      recipientId,
      campaignId: `campaign-${i % 4}`,
      eventId: `event-${i % 7}`,
      detailId: detail.id,
      categoryId: detail.categoryId,
      respondedAt: at,
      recordedAt: at,
      note: i % 3 ? '' : 'Spoke at the booth; wants a quote for 40 seats before the end of the quarter.',
      author: i % 2 ? 'ana.diaz' : null,
      source: detail.entry === 'tracked' ? 'tracked' : 'manual',
      link: detail.id === 'clicked-through' ? { id: 'link-1', url: 'https://example.com/offer?utm_source=mail' } : null,
      evidence:
        detail.entry === 'tracked'
          ? { userAgent: 'Mozilla/5.0 (X11; Linux x86_64)', secondsSinceDelivery: 42 + i, machine: false, machineReason: null }
          : null,
    };
  });
  return { items, nextCursor: 'page-2', total: 180 };
}

/** GET paths under the API base and their bodies. */
export function apiRoutes(): Record<string, unknown> {
  return {
    '/response-types': DEFAULT_VOCABULARY,
    '/recipients/r-bench/responses': historyPage('r-bench'),
    ...dataverseRoutes(),
  };
}

/** The Dataverse preset's bench: the responsecode metadata, and a page of 50 campaignresponse rows as the Web API sends them. */
export const DATAVERSE_CONTACT = '11111111-1111-4111-8111-111111111111';
function dataverseRoutes(): Record<string, unknown> {
  const options = [[1, 'Interested'], [2, 'Not Interested'], [3, 'Do Not Send Marketing Materials'], [4, 'Error']] as const;
  const value = Array.from({ length: 50 }, (_, i) => ({
    '@odata.etag': `W/"${1000 + i}"`,
    activityid: `d0000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    description: `Reply number ${i}, with a note of a typical length for a phone call at the booth.`,
    responsecode: (i % 4) + 1,
    channeltypecode: (i % 6) + 1,
    receivedon: `2026-03-${String((i % 28) + 1).padStart(2, '0')}`,
    createdon: `2026-03-${String((i % 28) + 1).padStart(2, '0')}T10:00:00Z`,
    _regardingobjectid_value: 'aaaaaaaa-0000-4000-8000-000000000001',
    _createdby_value: 'cccccccc-0000-4000-8000-000000000001',
    '_createdby_value@OData.Community.Display.V1.FormattedValue': 'Dana Dynamics',
  }));
  return {
    "/EntityDefinitions(LogicalName='campaignresponse')/Attributes(LogicalName='responsecode')/Microsoft.Dynamics.CRM.PicklistAttributeMetadata":
      { OptionSet: { Options: options.map(([Value, Label]) => ({ Value, Label: { UserLocalizedLabel: { Label } } })) } },
    '/campaignresponses': { '@odata.context': '$metadata#campaignresponses', value },
  };
}
