/**
 * `campaign-response-kit/presets/salesforce`: the kit on Salesforce's REST API, where a person's
 * response to a campaign is a CampaignMember's current `Status`. What that means, and what the
 * capabilities say: only the latest status is kept (the history shows it, and the first response's
 * day, nothing more); Add Response sets the status; Delete removes the member, which takes the person
 * out of the campaign. Sources for fields: ./salesforce/mapping.ts. API behaviours (REST API
 * Developer Guide):
 * - "Query": `GET /query?q=<SOQL>` answers `{totalSize, done, records, nextRecordsUrl}`; the next
 *   batch is `GET nextRecordsUrl` (a path from the origin); `Sforce-Query-Options: batchSize=n`
 *   (200–2000) sets the batch size ("Query Options Header"). Literals are escaped per "Quoted String
 *   Escape Sequences" (SOQL reference); ids are checked, not escaped.
 * - "Create a record": `POST /sobjects/CampaignMember` → 201 `{id, success, errors}`; a person who is
 *   already a member is a 400 `[{"errorCode":"DUPLICATE_VALUE", …}]`, which `createOnce` reads back.
 * - "Update a record": `PATCH /sobjects/CampaignMember/<id>` → 204; setting the same status twice is harmless.
 * - "Delete Records Using sObject Collections": `DELETE /composite/sobjects?ids=…&allOrNone=false`,
 *   at most 200 ids, answering `[{id, success, errors}]` in order.
 * - "Status Codes and Error Responses": errors are a top-level array `[{message, errorCode, fields}]`.
 */
import * as v from 'valibot';
import type { BackendCapabilities } from '../adapter/capabilities.js';
import { salesforceErrors } from '../adapter/error-shapes.js';
import { BadRequestError, ValidationError } from '../adapter/errors.js';
import type { HttpHelper } from '../adapter/http-helper.js';
import { soqlContains, soqlId } from '../adapter/literals.js';
import { createOnce } from '../adapter/once.js';
import { nextLinkPaging } from '../adapter/paging.js';
import { createRestAdapter, type RestAdapterConfig } from '../adapter/rest.js';
import type { CampaignResponseAdapter } from '../adapter/types.js';
import type { ResponseLine } from '../model/types.js';
import { campaignOf, linesOf, MEMBER_FIELDS, personField, personObject, type SalesforceMember } from './salesforce/mapping.js';
import { salesforceVocabulary, type MemberStatus, type SalesforceVocabulary } from './salesforce/vocabulary.js';
import { SALESFORCE_MEMBER_STATUSES } from './vocabularies.js';

export { SALESFORCE_MEMBER_STATUSES } from './vocabularies.js';

export interface SalesforceAdapterConfig extends Pick<RestAdapterConfig, 'headers' | 'fetch' | 'credentials' | 'timeoutMs' | 'maxResponseBytes'> {
  /** `https://<MyDomain>.my.salesforce.com/services/data/v60.0`; or a function, per org. */
  baseUrl: string | (() => string);
  /** ISO 4217 code shown with campaign amounts; default USD. */
  currency?: string;
}

/**
 * Latest status only, no notes, delete takes the person out of the campaign (the one status there
 * is: no single line to delete, no bound to name). This preset does not undelete from the Recycle
 * Bin nor read field history: no restore, no audit.
 */
export const SALESFORCE_CAPABILITIES: Readonly<BackendCapabilities> = Object.freeze({
  readOnly: false, add: true, history: 'latest-only', deleteAll: 'membership', deleteLine: false,
  historyPerEvent: false, notes: false, authors: true, trackedVsManual: false,
  restore: false, audit: false, boundedDeleteAll: false,
});

const QueryPage = v.object({ totalSize: v.number(), done: v.boolean(), records: v.array(v.looseObject({})), nextRecordsUrl: v.optional(v.string()) });
const Person = v.looseObject({ Id: v.string(), Name: v.nullish(v.string()), Email: v.nullish(v.string()) });
const Created = v.looseObject({ id: v.string(), success: v.boolean() });
const DeleteResults = v.array(v.looseObject({ id: v.nullish(v.string()), success: v.boolean(), errors: v.optional(v.array(v.looseObject({ statusCode: v.optional(v.string()) }))) }));
const MAX_BATCHES = 50;
const CHUNK = 200;

export function createSalesforceAdapter(config: SalesforceAdapterConfig): CampaignResponseAdapter & { capabilities: BackendCapabilities } {
  const currency = config.currency ?? 'USD';
  const paging = nextLinkPaging({ items: 'records', next: 'nextRecordsUrl', total: 'totalSize',
    pageSizeHeader: (n) => ({ 'Sforce-Query-Options': `batchSize=${Math.min(2000, Math.max(200, n))}` }) });
  async function queryAll<T>(http: HttpHelper, operation: string, soql: string, signal?: AbortSignal): Promise<T[]> {
    const records: T[] = [];
    let call: { path?: string; url?: string; query?: Record<string, string> } = { path: '/query', query: { q: soql } };
    for (let batch = 0; batch < MAX_BATCHES; batch += 1) {
      const page = await http.json(operation, { ...call, signal }, QueryPage);
      records.push(...(page.records as T[]));
      if (page.done || !page.nextRecordsUrl) break;
      call = { url: page.nextRecordsUrl };
    }
    return records;
  }
  let statuses: Promise<SalesforceVocabulary> | undefined;
  const loadStatuses = (http: HttpHelper, signal?: AbortSignal) => {
    statuses ??= queryAll<MemberStatus>(http, 'getResponseTypes',
      'SELECT CampaignId, Label, HasResponded, IsDefault, SortOrder FROM CampaignMemberStatus ORDER BY CampaignId, SortOrder', signal)
      .then(salesforceVocabulary)
      .catch((error: unknown) => { statuses = undefined; throw error; });
    return statuses;
  };
  const categories = async (http: HttpHelper, signal?: AbortSignal) => {
    const { vocabulary } = await loadStatuses(http, signal);
    return (detailId: string) => vocabulary.details.find((d) => d.id === detailId)?.categoryId ?? 'sent';
  };
  const memberQuery = (recipientId: string, campaignId?: string, extra = '') =>
    `SELECT ${MEMBER_FIELDS} FROM CampaignMember WHERE ${personField(recipientId)} = ${soqlId(recipientId, 'recipientId')}`
    + (campaignId ? ` AND CampaignId = ${soqlId(campaignId, 'campaignId')}` : '') + extra;

  const adapter = createRestAdapter({
    ...config,
    mappers: { errorFromServer: salesforceErrors },
    operations: {
      getResponseTypes: { run: async ({ http, signal }) => (await loadStatuses(http, signal)).vocabulary },
      getRecipientCampaigns: { async run({ args, http, signal, operation }) {
        const { recipientId } = args;
        soqlId(recipientId, 'recipientId');
        const person = await http.json(operation, { path: `/sobjects/${personObject(recipientId)}/${recipientId}`, query: { fields: 'Id,Name,Email' }, signal }, Person);
        const categoryOf = await categories(http, signal);
        const members = await queryAll<SalesforceMember>(http, operation, memberQuery(recipientId, undefined, ' ORDER BY LastModifiedDate DESC'), signal);
        return {
          recipient: { id: recipientId, displayName: person.Name ?? '', email: person.Email ?? null, timeZone: 'UTC' },
          campaigns: members.map((m) => ({ ...campaignOf(m, currency), latestResponse: linesOf(m, recipientId, categoryOf)[0] })),
        };
      } },
      getRecipientResponses: { async run({ args, http, signal, operation }) {
        const { campaignId, eventId, categoryId, q, cursor, limit } = args.query;
        const categoryOf = await categories(http, signal);
        // There are no notes: a search looks in the status label.
        const soql = memberQuery(args.recipientId, campaignId ?? eventId, q ? ` AND Status LIKE ${soqlContains(q)}` : '') + ' ORDER BY LastModifiedDate DESC, Id DESC';
        const answer = await http.request(operation, { ...(cursor === undefined ? { path: '/query', query: { q: soql } } : {}), ...paging.request(cursor, limit), signal });
        const page = paging.read(answer, cursor, limit);
        const items = (page.items as SalesforceMember[]).flatMap((m) => linesOf(m, args.recipientId, categoryOf))
          .filter((line) => !categoryId || line.categoryId === categoryId);
        return { items, nextCursor: page.nextCursor };
      } },
      addResponse: { async run({ args, http, signal, operation }) {
        const { line } = args;
        const status = SALESFORCE_MEMBER_STATUSES.map.toServer(line.detailId);
        const { byCampaign } = await loadStatuses(http, signal);
        if (status === undefined || !byCampaign.get(line.campaignId)?.has(status)) {
          throw new ValidationError(`${operation}: this campaign has no member status for "${line.detailId}"`, [{ field: 'detailId', message: 'is not a status of this campaign' }]);
        }
        const find = async () => (await queryAll<SalesforceMember>(http, operation, memberQuery(line.recipientId, line.campaignId), signal))[0];
        const categoryOf = await categories(http, signal);
        // The stored line is the member's, under the id the kit gave it, so the outbox can match it.
        const asLine = (member: SalesforceMember): ResponseLine => ({ ...linesOf(member, line.recipientId, categoryOf)[0], id: line.id });
        const existing = await find();
        if (existing) {
          if (existing.Status !== status) {
            await http.request(operation, { method: 'PATCH', path: `/sobjects/CampaignMember/${soqlId(existing.Id).slice(1, -1)}`, body: { Status: status }, signal });
          }
          return asLine((await find()) ?? existing);
        }
        return createOnce<ResponseLine>({
          operation,
          async create() {
            await http.json(operation, { method: 'POST', path: '/sobjects/CampaignMember',
              body: { CampaignId: line.campaignId, [personField(line.recipientId)]: line.recipientId, Status: status }, signal }, Created);
            const member = await find();
            if (!member) throw new ValidationError(`${operation}: the new member cannot be read`, []);
            return asLine(member);
          },
          readBack: async () => { const member = await find(); return member && asLine(member); },
          equal: (stored) => stored.detailId === line.detailId,
        });
      } },
      deleteAllResponses: { async run({ args, http, signal, operation }) {
        const members = await queryAll<SalesforceMember>(http, operation, memberQuery(args.recipientId, args.campaignId), signal);
        let deleted = 0;
        for (let at = 0; at < members.length; at += CHUNK) {
          const ids = members.slice(at, at + CHUNK).map((m) => m.Id);
          const results = await http.json(operation, { method: 'DELETE', path: '/composite/sobjects', query: { ids: ids.join(','), allOrNone: 'false' }, signal }, DeleteResults);
          deleted += results.filter((r) => r.success).length;
          // ENTITY_IS_DELETED: gone already (a retried delete), not a failure; anything else is.
          const failed = results.filter((r) => !r.success && !r.errors?.some((e) => e.statusCode === 'ENTITY_IS_DELETED'));
          if (failed.length) throw new BadRequestError(`${operation}: Salesforce did not delete ${failed.map((r) => r.id).join(', ')}`);
        }
        return { deleted };
      } },
    },
  });
  return Object.assign(adapter, { capabilities: SALESFORCE_CAPABILITIES });
}
