/**
 * `campaign-response-kit/presets/json-server`: the kit on json-server 0.17 (the npm package, as it
 * is), a generic REST backend over one `db.json`. What json-server does, and so what this preset
 * asks of it (its README and lib/server/router, version 0.17.4):
 * - `GET /response-types`: a singular resource (an object in db.json) answers as it is.
 * - `POST /responses` creates (201); a `PUT` of a new id is a 404, and a repeated `POST` of the same
 *   id a 500 ("Insert failed, duplicate id"), which `createOnce` reads back before failing.
 * - Filters are `?field=value` (exact, on the value's string), `field_like` is a regular expression
 *   (so a note search is escaped), `_sort`/`_order` sort, `_page`/`_limit` page with `X-Total-Count`
 *   and a `Link` header; `/recipients/r1/sends` lists the sends whose `recipientId` is r1, and
 *   `_expand=campaign` puts each send's campaign (by `campaignId`) into it.
 * - It derives nothing: the preset sets the line's category (from the vocabulary it serves), its
 *   recorded time (the client's clock) and its source, as the reference server would.
 */
import * as v from 'valibot';
import { FULL_CAPABILITIES, type BackendCapabilities } from '../adapter/capabilities.js';
import { deleteListedLines, deleteOneLine } from './shared/delete-lines.js';
import { anyErrorShape } from '../adapter/error-shapes.js';
import type { HttpHelper } from '../adapter/http-helper.js';
import { createOnce } from '../adapter/once.js';
import { numberedPaging } from '../adapter/paging.js';
import { createRestAdapter, type RestAdapterConfig } from '../adapter/rest.js';
import type { CampaignResponseAdapter } from '../adapter/types.js';
import type { ResponseLine, ResponseVocabulary } from '../model/types.js';
import { sameLine } from './shared/same-line.js';

export interface JsonServerAdapterConfig extends Pick<RestAdapterConfig, 'headers' | 'fetch' | 'credentials' | 'timeoutMs' | 'maxResponseBytes'> {
  /** Where json-server listens, e.g. `http://localhost:3000`. */
  baseUrl: string | (() => string);
  /** Written as the author of the lines this page adds (json-server knows no users). */
  author?: string | null;
  /** History page size; default 50. */
  pageSize?: number;
}

/**
 * json-server keeps what it is sent and deletes by id: one line, or the lines a bounded delete-all
 * names. It deletes for good and keeps no record of who did what: no restore, no audit.
 */
export const JSON_SERVER_CAPABILITIES: Readonly<BackendCapabilities> = Object.freeze({
  ...FULL_CAPABILITIES,
  restore: false,
  audit: false,
  // Plain json-server has no batch route and no bulk reads: the kit goes line by line.
  batchAdd: false,
  recipientLookup: false,
  respondedQuery: false,
});

const enc = encodeURIComponent;
/** `field_like` is `new RegExp(value, 'i')` in json-server: a note search must match literally. */
export const likeLiteral = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

const LineList = v.array(v.looseObject({ id: v.string(), campaignId: v.string() }));
const SendList = v.array(v.looseObject({ campaign: v.looseObject({ id: v.string() }) }));

export function createJsonServerAdapter(config: JsonServerAdapterConfig): CampaignResponseAdapter & { capabilities: BackendCapabilities } {
  const pageSize = config.pageSize ?? 50;
  const paging = numberedPaging({
    kind: 'page', param: '_page', limitParam: '_limit', defaultLimit: pageSize, totalHeader: 'X-Total-Count', useLinkHeader: true,
  });
  let vocabulary: Promise<ResponseVocabulary> | undefined;
  const categoryOf = async (http: HttpHelper, detailId: string, signal?: AbortSignal) => {
    vocabulary ??= http.request<ResponseVocabulary>('getResponseTypes', { path: '/response-types', signal })
      .then((a) => a.body)
      .catch((error: unknown) => { vocabulary = undefined; throw error; });
    return (await vocabulary).details?.find((d) => d.id === detailId)?.categoryId ?? detailId;
  };

  const adapter = createRestAdapter({
    ...config,
    mappers: { errorFromServer: anyErrorShape },
    operations: {
      getRecipientCampaigns: { async run({ args, http, signal, operation }) {
        const id = enc(args.recipientId);
        // The recipient first: an unknown one is a 404 (json-server's nested route would answer []).
        const recipient = (await http.request(operation, { path: `/recipients/${id}`, signal })).body;
        const [sends, lines] = await Promise.all([
          http.json(operation, { path: `/recipients/${id}/sends`, query: { _expand: 'campaign' }, signal }, SendList),
          http.json(operation, { path: '/responses', query: { recipientId: args.recipientId, _sort: 'respondedAt', _order: 'desc' }, signal }, LineList),
        ]);
        const latest = new Map<string, unknown>();
        for (const line of lines) if (!latest.has(line.campaignId)) latest.set(line.campaignId, line);
        return { recipient, campaigns: sends.map(({ campaign }) => ({ ...campaign, latestResponse: latest.get(campaign.id) ?? null })) };
      } },
      getRecipientResponses: { async run({ args, http, signal, operation }) {
        const { campaignId, eventId, categoryId, q, cursor, limit } = args.query;
        const answer = await http.request(operation, {
          path: '/responses',
          query: {
            recipientId: args.recipientId, campaignId, eventId, categoryId,
            note_like: q ? likeLiteral(q) : undefined,
            _sort: 'respondedAt,id', _order: 'desc,desc',
            ...(paging.request(cursor, limit).query as Record<string, number>),
          },
          signal,
        });
        return paging.read(answer, cursor, limit);
      } },
      addResponse: { async run({ args, http, signal, operation }) {
        const { line } = args;
        const stored: ResponseLine = {
          ...line,
          // One spelling of instants, so that json-server's string sort is the order in time.
          respondedAt: new Date(line.respondedAt).toISOString(),
          categoryId: await categoryOf(http, line.detailId, signal),
          recordedAt: new Date().toISOString(),
          author: config.author ?? null,
          source: 'manual',
          link: null,
          evidence: null,
        };
        return createOnce<ResponseLine>({
          operation,
          create: async () => (await http.request<ResponseLine>(operation, { method: 'POST', path: '/responses', body: stored, signal })).body,
          readBack: async () => (await http.request<ResponseLine>(operation, { path: `/responses/${enc(line.id)}`, signal })).body,
          equal: (found) => sameLine(found, line),
        });
      } },
      deleteAllResponses: { async run({ args, http, signal, operation }) {
        const lines = await http.json(operation, {
          path: '/responses', query: { recipientId: args.recipientId, campaignId: args.campaignId }, signal }, LineList);
        return deleteListedLines(lines.map(({ id }) => id), args.lineIds, (id) =>
          http.request(operation, { method: 'DELETE', path: `/responses/${enc(id)}`, signal }));
      } },
      deleteResponse: { run: ({ args, http, signal, operation }) =>
        deleteOneLine(() => http.request(operation, { method: 'DELETE', path: `/responses/${enc(args.id)}`, signal })) },
    },
  });
  return Object.assign(adapter, { capabilities: JSON_SERVER_CAPABILITIES });
}
