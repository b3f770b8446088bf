/**
 * `campaign-response-kit/presets/dataverse`: the kit on Dynamics 365 / Dataverse's Web API
 * (campaignresponse, v9.2). Read, add and delete; a bearer token in `headers`, or, inside a Dynamics
 * web resource, `credentials: 'include'` and no Authorization header (the session cookie). Fields
 * and their sources are in ./dataverse/mapping.ts; the Web API behaviours this relies on:
 * - every request sends `OData-MaxVersion: 4.0` and `OData-Version: 4.0` ("Compose HTTP requests");
 * - paging is `Prefer: odata.maxpagesize=n` and `@odata.nextLink`, never `$skip`, which Dataverse
 *   does not support ("Page results using OData");
 * - a create answers 204 with the new row's URI in `OData-EntityId` ("Create a table row");
 * - errors are `{"error":{"code","message"}}` ("Web API errors"); a create with an `activityid` that
 *   exists fails with code 0x80040237, "Cannot insert duplicate key" ("Troubleshoot Dataverse client
 *   errors"), which `createOnce` reads back before it fails;
 * - choice labels of the org come from the attribute's metadata ("Query table definitions").
 */
import * as v from 'valibot';
import { type BackendCapabilities } from '../adapter/capabilities.js';
import { deleteListedLines, deleteOneLine } from './shared/delete-lines.js';
import { idFromCreateHeaders } from '../adapter/entity-id.js';
import { odataError } from '../adapter/error-shapes.js';
import { MalformedResponseError } from '../adapter/errors.js';
import { resolveHeaders, type HeadersSource, type HttpHelper } from '../adapter/http-helper.js';
import { odataGuid } from '../adapter/literals.js';
import { createOnce } from '../adapter/once.js';
import { nextLinkPaging } from '../adapter/paging.js';
import { createRestAdapter, type RestAdapterConfig } from '../adapter/rest.js';
import type { CampaignResponseAdapter } from '../adapter/types.js';
import type { ResponseLine, ResponseVocabulary } from '../model/types.js';
import { dataverseBody, DATAVERSE_CHANNEL_CODES, eventIdOf, historyFilter, lineFromDataverse, SELECT, customerFilter, type DataverseResponse } from './dataverse/mapping.js';
import { dataverseVocabulary, OPTION_SET_PATH, OptionSetSchema } from './dataverse/vocabulary.js';
import { sameLine } from './shared/same-line.js';
import { dateOnlyFromInstant } from '../adapter/dates.js';
import { DATAVERSE_CHANNELS, DATAVERSE_RESPONSE_CODES } from './vocabularies.js';

export { DATAVERSE_CHANNELS, DATAVERSE_RESPONSE_CODES } from './vocabularies.js';

export interface DataverseAdapterConfig extends Pick<RestAdapterConfig, 'fetch' | 'credentials' | 'timeoutMs' | 'maxResponseBytes'> {
  /** The org's Web API root, e.g. `https://contoso.crm.dynamics.com/api/data/v9.2`; or a function, per tenant. */
  baseUrl: string | (() => string);
  /** E.g. `async () => ({ Authorization: \`Bearer ${await token()}\` })`; none inside a web resource. */
  headers?: HeadersSource;
  /** The zone whose calendar day `receivedon` (a date only) records; default UTC. */
  timeZone?: string;
  /** ISO 4217 code shown with campaign amounts; default USD. */
  currency?: string;
  pageSize?: number;
}

/**
 * Appends per line, deletes by campaign or one line by id (for good: this preset has no undelete),
 * a delete-all bounded to the lines named; channels stand for events; no tracked lines. Dataverse's
 * own auditing is not read by this preset.
 */
export const DATAVERSE_CAPABILITIES: Readonly<BackendCapabilities> = Object.freeze({
  readOnly: false, add: true, history: 'append-only', deleteAll: 'responses', deleteLine: true,
  historyPerEvent: false, notes: true, authors: true, trackedVsManual: false,
  restore: false, audit: false, boundedDeleteAll: true,
});

const ODATA_HEADERS = { 'OData-MaxVersion': '4.0', 'OData-Version': '4.0' };
const ANNOTATIONS = `odata.include-annotations="OData.Community.Display.V1.FormattedValue"`;
const Rows = v.object({ value: v.array(v.looseObject({ activityid: v.string(), createdon: v.string() })), '@odata.nextLink': v.optional(v.string()) });
const Contact = v.looseObject({ contactid: v.string(), fullname: v.nullish(v.string()), emailaddress1: v.nullish(v.string()) });
const Campaigns = v.object({ value: v.array(v.looseObject({ campaignid: v.string(), name: v.nullish(v.string()),
  budgetedcost: v.nullish(v.number()), expectedrevenue: v.nullish(v.number()) })) });
/** A recipient with more responses than this is shown by its newest ones (5000 per page at most). */
const MAX_PAGES = 20;

export function createDataverseAdapter(config: DataverseAdapterConfig): CampaignResponseAdapter & { capabilities: BackendCapabilities } {
  const timeZone = config.timeZone ?? 'UTC';
  const pageSize = config.pageSize ?? 50;
  const paging = nextLinkPaging({ items: 'value', next: '@odata.nextLink', pageSizeHeader: (n) => ({ Prefer: `${ANNOTATIONS},odata.maxpagesize=${n}` }) });
  let vocabulary: Promise<ResponseVocabulary> | undefined;
  const loadVocabulary = (http: HttpHelper, signal?: AbortSignal) => {
    vocabulary ??= http.json('getResponseTypes', { path: OPTION_SET_PATH, signal }, OptionSetSchema)
      .then(dataverseVocabulary)
      .catch((error: unknown) => { vocabulary = undefined; throw error; });
    return vocabulary;
  };
  // Looked up once per row of every page: a map per vocabulary, not a search per row.
  const categoryMaps = new WeakMap<ResponseVocabulary, (detailId: string) => string>();
  const categoryOfVocabulary = (vocab: ResponseVocabulary) => {
    let lookup = categoryMaps.get(vocab);
    if (!lookup) {
      const byId = new Map(vocab.details.map((d) => [d.id, d.categoryId]));
      lookup = (detailId) => byId.get(detailId) ?? 'other';
      categoryMaps.set(vocab, lookup);
    }
    return lookup;
  };
  const categories = async (http: HttpHelper, signal?: AbortSignal) => categoryOfVocabulary(await loadVocabulary(http, signal));
  /** Every row of a query, following next links (a delete needs all ids; campaigns need all lines). */
  async function allRows(http: HttpHelper, operation: string, query: Record<string, string>, signal?: AbortSignal) {
    const rows: DataverseResponse[] = [];
    let call: { path?: string; url?: string; query?: Record<string, string> } = { path: '/campaignresponses', query };
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const body = await http.json(operation, { ...call, headers: { Prefer: `${ANNOTATIONS},odata.maxpagesize=5000` }, signal }, Rows);
      rows.push(...(body.value as DataverseResponse[]));
      const next = body['@odata.nextLink'];
      if (!next) break;
      call = { url: next };
    }
    return rows;
  }
  const readLine = async (http: HttpHelper, operation: string, id: string, recipientId: string, signal?: AbortSignal) => {
    const { body } = await http.request<DataverseResponse>(operation, {
      path: `/campaignresponses(${odataGuid(id)})`, query: { $select: SELECT }, headers: { Prefer: ANNOTATIONS }, signal });
    return lineFromDataverse(body, recipientId, await categories(http, signal));
  };

  const adapter = createRestAdapter({
    ...config,
    headers: async () => ({ ...ODATA_HEADERS, ...(await resolveHeaders(config.headers, 'dataverse')) }),
    mappers: { errorFromServer: odataError },
    operations: {
      getResponseTypes: { run: ({ http, signal }) => loadVocabulary(http, signal) },
      getRecipientCampaigns: { async run({ args, http, signal, operation }) {
        const contactId = odataGuid(args.recipientId, 'recipientId');
        const contact = await http.json(operation, { path: `/contacts(${contactId})`, query: { $select: 'contactid,fullname,emailaddress1' }, signal }, Contact);
        const categoryOf = await categories(http, signal);
        const rows = await allRows(http, operation, { $select: SELECT, $filter: customerFilter(contactId), $orderby: 'receivedon desc,createdon desc' }, signal);
        const lines = rows.map((row) => lineFromDataverse(row, args.recipientId, categoryOf));
        const ids = [...new Set(lines.map((l) => l.campaignId).filter(Boolean))];
        // The campaigns this contact answered: Dataverse links a response to its campaign, and a
        // contact to campaigns only through marketing lists, which this preset does not read.
        const campaigns = ids.length === 0 ? { value: [] } : await http.json(operation, { path: '/campaigns', query: {
          $select: 'campaignid,name,budgetedcost,expectedrevenue',
          $filter: ids.map((id) => `campaignid eq ${odataGuid(id, 'campaignId')}`).join(' or ') }, signal }, Campaigns);
        return {
          recipient: { id: args.recipientId, displayName: contact.fullname ?? '', email: contact.emailaddress1 ?? null, timeZone },
          campaigns: campaigns.value.map((c) => ({
            id: c.campaignid, title: c.name ?? '', currency: config.currency ?? 'USD',
            baseCost: c.budgetedcost ?? null, expectedRevenue: c.expectedrevenue ?? null,
            events: DATAVERSE_CHANNEL_CODES.map((code) => ({
              id: eventIdOf(c.campaignid, code), campaignId: c.campaignid, name: DATAVERSE_CHANNELS.pairs[code - 1].label,
              channel: DATAVERSE_CHANNELS.toKit(code), date: null, status: 'in-progress', cost: null, legacyEmail: false })),
            latestResponse: lines.find((l) => l.campaignId === c.campaignid) ?? null,
          })),
        };
      } },
      getRecipientResponses: { async run({ args, http, signal, operation }) {
        const { cursor, limit = pageSize } = args.query;
        const vocab = await loadVocabulary(http, signal);
        const { details } = vocab;
        const codesOf = (categoryId: string) => details.filter((d) => d.categoryId === categoryId).map((d) => DATAVERSE_CODE(d.id)).filter((c): c is number => c !== undefined);
        const answer = await http.request(operation, {
          ...(cursor === undefined
            ? { path: '/campaignresponses', query: { $select: SELECT, $filter: historyFilter(args.recipientId, args.query, codesOf), $orderby: 'receivedon desc,createdon desc,activityid desc' } }
            : {}),
          ...paging.request(cursor, limit),
          signal,
        });
        const page = paging.read(answer, cursor, limit);
        const categoryOf = categoryOfVocabulary(vocab);
        return { ...page, items: (page.items as DataverseResponse[]).map((row) => lineFromDataverse(row, args.recipientId, categoryOf)) };
      } },
      addResponse: { async run({ args, http, signal, operation }) {
        const { line } = args;
        const { details } = await loadVocabulary(http, signal);
        if (DATAVERSE_CODE(line.detailId) === undefined) {
          throw new MalformedResponseError(`${operation}: "${line.detailId}" has no Dataverse response code`);
        }
        const subject = details.find((d) => d.id === line.detailId)?.label ?? line.detailId;
        return createOnce<ResponseLine>({
          operation,
          async create() {
            const created = await http.request(operation, { method: 'POST', path: '/campaignresponses', body: dataverseBody(line, subject, timeZone), signal });
            const id = idFromCreateHeaders(created.headers) ?? line.id;
            return readLine(http, operation, id, line.recipientId, signal);
          },
          readBack: () => readLine(http, operation, line.id, line.recipientId, signal),
          // receivedon keeps the day only: ours is equal when it is the same day in the same zone.
          equal: (stored) => sameLine(stored, line, (a, b) => dateOnlyFromInstant(a) === dateOnlyFromInstant(b, timeZone)),
        });
      } },
      deleteAllResponses: { async run({ args, http, signal, operation }) {
        const rows = await allRows(http, operation, {
          $select: 'activityid',
          $filter: `${customerFilter(args.recipientId)} and _regardingobjectid_value eq ${odataGuid(args.campaignId, 'campaignId')}` }, signal);
        return deleteListedLines(rows.map(({ activityid }) => activityid), args.lineIds, (id) =>
          http.request(operation, { method: 'DELETE', path: `/campaignresponses(${odataGuid(id)})`, signal }));
      } },
      deleteResponse: { run: ({ args, http, signal, operation }) =>
        deleteOneLine(() => http.request(operation, { method: 'DELETE', path: `/campaignresponses(${odataGuid(args.id)})`, signal })) },
    },
  });
  return Object.assign(adapter, { capabilities: DATAVERSE_CAPABILITIES });
}

/** The response code of a kit detail (an unmapped one goes back as its own code). */
const DATAVERSE_CODE = (detailId: string): number | undefined => {
  const code = DATAVERSE_RESPONSE_CODES.map.toServer(detailId);
  return typeof code === 'number' ? code : undefined;
};
