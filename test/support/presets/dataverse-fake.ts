/**
 * A fake Dataverse Web API (v9.2) for the campaignresponse preset, built from Microsoft's published
 * documentation. Each behaviour names its source:
 * - [create] "Create a table row using the Web API": POST to the entity set; 204 No Content with
 *   `OData-EntityId: [Organization URI]/api/data/v9.2/<set>(<id>)`; `@odata.bind` for lookups.
 * - [query] "Query data using the Web API": `$select`, `$filter` (lambda `any`), `$orderby`;
 *   lookups as `_<name>_value`.
 * - [page] "Page results using OData": `Prefer: odata.maxpagesize=n` (at most 5000), answered with
 *   `Preference-Applied`, and `@odata.nextLink` with a `$skiptoken`; `$skip` is not supported.
 * - [annotations] "Formatted values": `Prefer: odata.include-annotations=…FormattedValue` adds
 *   `<field>@OData.Community.Display.V1.FormattedValue`.
 * - [errors] "Web API errors": `{"error":{"code","message"}}`; [dup] "Troubleshoot Dataverse client
 *   errors": 0x80040237 "Cannot insert duplicate key" (the HTTP status is not documented there; the
 *   fake uses 412, and the preset reads the code, not the status); 0x80040217 "… Does Not Exist" (404).
 * - [entity] campaignresponse table reference: activityid, description, responsecode 1–4,
 *   channeltypecode 1–6, receivedon (DateOnly), regardingobjectid, createdon, createdby; the
 *   customer as an activity party with participationtypemask 11.
 * - [metadata] "Query table definitions": PicklistAttributeMetadata with `OptionSet.Options[]`
 *   (`Value`, `Label.UserLocalizedLabel.Label`).
 * - [auth] "Use OAuth with Dataverse": `Authorization: Bearer`; inside the app (a web resource) the
 *   session cookie instead.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseFilter } from './odata-filter.js';

const ROOT = '/api/data/v9.2';
export interface DataverseRow {
  activityid: string; description: string | null; responsecode: number | null; channeltypecode: number | null;
  receivedon: string | null; createdon: string; _regardingobjectid_value: string | null; _createdby_value: string;
  campaignresponse_activity_parties: { _partyid_value: string; participationtypemask: number }[];
}
export interface DataverseFake {
  origin: string; baseUrl: string; rows: DataverseRow[]; requests: { method: string; url: string; headers: IncomingMessage['headers'] }[];
  /** Answers the next matching request after performing it, then drops the connection (a lost answer). */
  loseNextAnswer(method: string): void;
  stop(): Promise<void>;
}

export const DV = {
  token: 'dataverse-token', cookie: 'CrmOwinAuth=session',
  contact: '11111111-1111-4111-8111-111111111111', otherContact: '22222222-2222-4222-8222-222222222222',
  spring: 'aaaaaaaa-0000-4000-8000-000000000001', fair: 'aaaaaaaa-0000-4000-8000-000000000002',
  user: 'cccccccc-0000-4000-8000-000000000001',
};
const OPTIONS = [[1, 'Interested'], [2, 'Not Interested'], [3, 'Do Not Send Marketing Materials'], [4, 'Error'], [100000001, 'Requested Demo']] as const;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export async function startDataverseFake(seed: DataverseRow[] = []): Promise<DataverseFake> {
  const rows = [...seed];
  const requests: DataverseFake['requests'] = [];
  const pages = new Map<string, DataverseRow[]>();
  let lose: string | undefined;
  const server: Server = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => {
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
      try { handle(req, res, text); } catch (error) { fail(res, 400, '0x80060888', (error as Error).message); }
      if (lose === req.method) { lose = undefined; res.destroy(); }
    });
  });
  const fail = (res: ServerResponse, status: number, code: string, message: string) =>
    res.writeHead(status, { 'content-type': 'application/json; odata.metadata=minimal', 'OData-Version': '4.0' }).end(JSON.stringify({ error: { code, message } }));
  const json = (res: ServerResponse, body: unknown, headers: Record<string, string> = {}) => {
    if (lose === res.req.method) return; // the effect happened; the answer is lost
    res.writeHead(200, { 'content-type': 'application/json; odata.metadata=minimal', 'OData-Version': '4.0', ...headers }).end(JSON.stringify(body));
  };
  const annotate = (row: DataverseRow, req: IncomingMessage) => {
    const { campaignresponse_activity_parties: _parties, ...visible } = row;
    return String(req.headers.prefer).includes('FormattedValue')
      ? { ...visible, '_createdby_value@OData.Community.Display.V1.FormattedValue': 'Dana Dynamics' } : visible;
  };

  function handle(req: IncomingMessage, res: ServerResponse, text: string) {
    const url = new URL(req.url ?? '/', 'http://fake');
    const path = decodeURIComponent(url.pathname);
    // [auth]
    if (req.headers.authorization !== `Bearer ${DV.token}` && req.headers.cookie !== DV.cookie) {
      return res.writeHead(401, { 'WWW-Authenticate': 'Bearer' }).end();
    }
    if (!path.startsWith(ROOT)) return fail(res, 404, '0x8006088a', `Resource not found for the segment '${path}'.`);
    const rest = path.slice(ROOT.length);
    if (rest.startsWith("/EntityDefinitions(LogicalName='campaignresponse')/Attributes(LogicalName='responsecode')")) {
      return json(res, { LogicalName: 'responsecode', OptionSet: { Options: OPTIONS.map(([Value, Label]) => ({ Value, Label: { UserLocalizedLabel: { Label } } })) } }); // [metadata]
    }
    const contact = /^\/contacts\(([^)]+)\)$/.exec(rest);
    if (contact) {
      if (contact[1] !== DV.contact && contact[1] !== DV.otherContact) return fail(res, 404, '0x80040217', `contact With Id = ${contact[1]} Does Not Exist`);
      return json(res, { contactid: contact[1], fullname: contact[1] === DV.contact ? 'Zoë O\'Brien' : 'Max Muster', emailaddress1: 'zoe@example.com' });
    }
    if (rest === '/campaigns') {
      const all = [{ campaignid: DV.spring, name: 'Spring Launch', budgetedcost: 1000, expectedrevenue: 9000 }, { campaignid: DV.fair, name: 'Trade Fair', budgetedcost: null, expectedrevenue: null }];
      const filter = url.searchParams.get('$filter');
      return json(res, { value: filter ? all.filter(parseFilter(filter)) : all });
    }
    const one = /^\/campaignresponses\(([^)]+)\)$/.exec(rest);
    if (one) {
      const index = rows.findIndex((r) => r.activityid === one[1]);
      if (index < 0) return fail(res, 404, '0x80040217', `campaignresponse With Id = ${one[1]} Does Not Exist`); // [errors]
      if (req.method === 'DELETE') { rows.splice(index, 1); return lose === 'DELETE' ? undefined : res.writeHead(204).end(); }
      return json(res, annotate(rows[index], req));
    }
    if (rest !== '/campaignresponses') return fail(res, 404, '0x8006088a', `Resource not found for the segment '${rest}'.`);
    if (req.method === 'POST') return create(req, res, JSON.parse(text) as Record<string, unknown>);
    if (url.searchParams.has('$skip')) return fail(res, 400, '0x80060888', 'The query parameter $skip is not supported'); // [page]
    const token = url.searchParams.get('$skiptoken');
    let list: DataverseRow[];
    if (token !== null) {
      list = pages.get(token) ?? [];
    } else {
      const filter = url.searchParams.get('$filter');
      const predicate = filter ? parseFilter(filter) : () => true;
      list = rows.filter((row) => predicate(row as unknown as Record<string, unknown>));
      const order = (url.searchParams.get('$orderby') ?? '').split(',').filter(Boolean).map((o) => o.trim().split(' '));
      list.sort((a, b) => {
        for (const [field, dir] of order) {
          const x = String(a[field as keyof DataverseRow] ?? ''), y = String(b[field as keyof DataverseRow] ?? '');
          if (x !== y) return (x < y ? -1 : 1) * (dir === 'desc' ? -1 : 1);
        }
        return 0;
      });
    }
    const size = Math.min(5000, Number(/odata\.maxpagesize=(\d+)/.exec(String(req.headers.prefer))?.[1] ?? 5000));
    const body: Record<string, unknown> = { '@odata.context': `${origin}${ROOT}/$metadata#campaignresponses`, value: list.slice(0, size).map((r) => annotate(r, req)) };
    if (list.length > size) {
      const cookie = `<cookie pagenumber="${pages.size + 2}" pagingcookie="p${pages.size + 1}" />`;
      pages.set(cookie, list.slice(size));
      // The org's own URI: the host the request was sent to (behind the e2e proxy, the page's).
      body['@odata.nextLink'] = `http://${req.headers.host ?? new URL(origin).host}${ROOT}/campaignresponses?$skiptoken=${encodeURIComponent(cookie)}`;
    }
    json(res, body, { 'Preference-Applied': `odata.maxpagesize=${size}` });
  }

  function create(req: IncomingMessage, res: ServerResponse, body: Record<string, unknown>) {
    const id = String(body.activityid ?? crypto.randomUUID());
    if (!GUID.test(id)) return fail(res, 400, '0x80048d19', `Cannot convert the literal '${id}' to the expected type 'Edm.Guid'.`);
    if (rows.some((r) => r.activityid === id)) return fail(res, 412, '0x80040237', 'Cannot insert duplicate key.'); // [dup]
    const code = body.responsecode;
    if (code !== null && code !== undefined && !OPTIONS.some(([value]) => value === code)) return fail(res, 400, '0x8004431a', `${String(code)} is not a valid value for responsecode`);
    if (typeof body.receivedon === 'string' && !/^\d{4}-\d{2}-\d{2}$/.test(body.receivedon)) return fail(res, 400, '0x80048d19', 'receivedon is a DateOnly');
    const campaign = /^\/campaigns\(([^)]+)\)$/.exec(String(body['regardingobjectid_campaign_campaignresponse@odata.bind']))?.[1] ?? null;
    const parties = (body.campaignresponse_activity_parties as Record<string, unknown>[] | undefined ?? []).map((p) => ({
      _partyid_value: /^\/contacts\(([^)]+)\)$/.exec(String(p['partyid_contact@odata.bind']))?.[1] ?? '', participationtypemask: Number(p.participationtypemask) }));
    rows.push({ activityid: id, description: (body.description as string) ?? null, responsecode: (code as number) ?? null,
      channeltypecode: (body.channeltypecode as number) ?? null, receivedon: (body.receivedon as string) ?? null,
      createdon: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'), _regardingobjectid_value: campaign, _createdby_value: DV.user,
      campaignresponse_activity_parties: parties });
    if (lose === 'POST') return;
    res.writeHead(204, { 'OData-Version': '4.0', 'OData-EntityId': `${origin}${ROOT}/campaignresponses(${id})` }).end(); // [create]
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin, baseUrl: `${origin}${ROOT}`, rows, requests,
    loseNextAnswer: (method) => { lose = method; },
    stop: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

/** A response row as Dataverse stores it, for seeding. */
export const dataverseRow = (activityid: string, over: Partial<DataverseRow> = {}): DataverseRow => ({
  activityid, description: null, responsecode: 1, channeltypecode: 3, receivedon: '2026-03-02', createdon: '2026-03-02T10:00:00Z',
  _regardingobjectid_value: DV.spring, _createdby_value: DV.user,
  campaignresponse_activity_parties: [{ _partyid_value: DV.contact, participationtypemask: 11 }], ...over,
});
