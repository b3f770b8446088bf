/**
 * A fake Salesforce REST API (v60.0) for the CampaignMember preset, built from Salesforce's
 * published documentation. Each behaviour names its source:
 * - [query] REST API Developer Guide, "Query": `GET /query?q=` → `{totalSize, done, records,
 *   nextRecordsUrl}`, the rest from `GET nextRecordsUrl`; [batch] "Query Options Header":
 *   `Sforce-Query-Options: batchSize=n`, 200–2000, default 2000.
 * - [soql] SOQL reference, "Quoted String Escape Sequences" and "Reserved Characters": \' \" \\ \n
 *   \r \t \b \f \uXXXX, and in LIKE \% \_; "if you use a backslash character in any other context,
 *   an error occurs" (MALFORMED_QUERY).
 * - [create] "Create a record": 201 `{id, success: true, errors: []}`; [update] "Update a record": 204.
 * - [composite] "Delete Records Using sObject Collections": `DELETE /composite/sobjects?ids=…`, at
 *   most 200, `[{id, success, errors}]` in order; a deleted record is `ENTITY_IS_DELETED`.
 * - [errors] "Status Codes and Error Responses": `[{message, errorCode, fields}]`; 401
 *   INVALID_SESSION_ID; [member] CampaignMember: a person already in the campaign is DUPLICATE_VALUE;
 *   `Status` must be one of the campaign's CampaignMemberStatus labels, `HasResponded` follows it.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const ROOT = '/services/data/v60.0';
export const SF = {
  token: 'salesforce-token', contact: '003000000000001AAA', lead: '00Q000000000001AAA',
  spring: '701000000000001AAA', fair: '701000000000002AAA',
};
export interface Member { Id: string; CampaignId: string; ContactId: string | null; LeadId: string | null; Status: string;
  FirstRespondedDate: string | null; CreatedDate: string; LastModifiedDate: string }
export interface StatusRow { CampaignId: string; Label: string; HasResponded: boolean; IsDefault: boolean; SortOrder: number }
export interface SalesforceFake { origin: string; baseUrl: string; members: Member[]; statuses: StatusRow[];
  requests: { method: string; url: string; headers: IncomingMessage['headers']; body: string }[]; loseNextAnswer(method: string): void; stop(): Promise<void> }

const CAMPAIGNS: Record<string, Record<string, unknown>> = {
  [SF.spring]: { Name: 'Spring Launch', Type: 'Email', BudgetedCost: 1000, ExpectedRevenue: 9000, StartDate: '2026-03-01', Status: 'In Progress' },
  [SF.fair]: { Name: 'Trade Fair', Type: 'Trade Show', BudgetedCost: null, ExpectedRevenue: null, StartDate: null, Status: 'Planned' },
};
const stamp = () => new Date().toISOString().replace('Z', '+0000');

/** Reads a SOQL string literal starting at `text[at]` (a quote); returns its value and where it ends. */
function literal(text: string, at: number, like: boolean): [string, number] {
  let value = '';
  for (let i = at + 1; i < text.length; i += 1) {
    const char = text[i];
    if (char === "'") return [value, i + 1];
    if (char !== '\\') { value += char; continue; }
    const next = text[++i];
    const simple: Record<string, string> = { n: '\n', N: '\n', r: '\r', R: '\r', t: '\t', T: '\t', b: '\b', B: '\b', f: '\f', F: '\f', '"': '"', "'": "'", '\\': '\\' };
    if (next in simple) value += like && next === '\\' ? '\\\\' : simple[next];
    else if (next === 'u') { value += String.fromCharCode(parseInt(text.slice(i + 1, i + 5), 16)); i += 4; }
    else if (like && (next === '%' || next === '_')) value += `\\${next}`;
    else throw new Error(`MALFORMED_QUERY: invalid escape \\${next}`);
  }
  throw new Error('MALFORMED_QUERY: unterminated string');
}

/** `WHERE a = 'x' AND b LIKE '%y%'` as a predicate; anything else is MALFORMED_QUERY. */
function where(text: string): (row: Record<string, unknown>) => boolean {
  const tests: ((row: Record<string, unknown>) => boolean)[] = [];
  let rest = text.trim();
  while (rest) {
    const head = /^(\w+)\s*(=|LIKE)\s*/i.exec(rest);
    if (!head || rest[head[0].length] !== "'") throw new Error(`MALFORMED_QUERY: near ${rest.slice(0, 30)}`);
    const like = head[2].toUpperCase() === 'LIKE';
    const [value, end] = literal(rest, head[0].length, like);
    const field = head[1];
    if (like) {
      const pattern = new RegExp(`^${value.replace(/\\([%_\\])|([%_])|([.*+?^${}()|[\]\\/])/g, (_m, escaped, wild, special) =>
        escaped ? `\\${escaped}` : wild ? (wild === '%' ? '.*' : '.') : `\\${special}`)}$`, 'is');
      tests.push((row) => pattern.test(String(row[field] ?? '')));
    } else tests.push((row) => row[field] === value);
    rest = rest.slice(end).trim();
    if (!rest) break;
    const and = /^AND\s+/i.exec(rest);
    if (!and) throw new Error(`MALFORMED_QUERY: expected AND near ${rest.slice(0, 30)}`);
    rest = rest.slice(and[0].length);
  }
  return (row) => tests.every((t) => t(row));
}

export async function startSalesforceFake(): Promise<SalesforceFake> {
  const members: Member[] = [];
  const statuses: StatusRow[] = [];
  const requests: SalesforceFake['requests'] = [];
  const cursors = new Map<string, Record<string, unknown>[]>();
  let lose: string | undefined;
  let serial = 0;
  const errors = (res: ServerResponse, status: number, errorCode: string, message: string, fields: string[] = []) =>
    res.writeHead(status, { 'content-type': 'application/json;charset=UTF-8' }).end(JSON.stringify([{ message, errorCode, fields }]));
  const json = (res: ServerResponse, status: number, body: unknown) => {
    if (lose === res.req.method) return;
    res.writeHead(status, { 'content-type': 'application/json;charset=UTF-8' }).end(JSON.stringify(body));
  };
  const responded = (m: Member) => statuses.some((s) => s.CampaignId === m.CampaignId && s.Label === m.Status && s.HasResponded);
  const view = (m: Member) => ({ attributes: { type: 'CampaignMember', url: `${ROOT}/sobjects/CampaignMember/${m.Id}` }, ...m,
    HasResponded: responded(m), LastModifiedBy: { Name: 'Sam Sales' }, Campaign: CAMPAIGNS[m.CampaignId] });

  function page(res: ServerResponse, records: Record<string, unknown>[], size: number, total: number) {
    const body: Record<string, unknown> = { totalSize: total, done: records.length <= size, records: records.slice(0, size) };
    if (records.length > size) {
      const locator = `01g0000000000${++serial}AAA-${size}`;
      cursors.set(locator, records.slice(size));
      body.nextRecordsUrl = `${ROOT}/query/${locator}`;
    }
    json(res, 200, body);
  }

  function handle(req: IncomingMessage, res: ServerResponse, text: string) {
    const url = new URL(req.url ?? '/', 'http://fake');
    if (req.headers.authorization !== `Bearer ${SF.token}`) return errors(res, 401, 'INVALID_SESSION_ID', 'Session expired or invalid');
    const path = url.pathname.slice(ROOT.length);
    const size = Math.min(2000, Math.max(200, Number(/batchSize=(\d+)/.exec(String(req.headers['sforce-query-options']))?.[1] ?? 2000))); // [batch]
    if (path === '/query') { // [query] [soql]
      const soql = url.searchParams.get('q') ?? '';
      const match = /^SELECT (.+?) FROM (\w+)(?: WHERE (.+?))?(?: ORDER BY (.+))?$/s.exec(soql);
      if (!match) return errors(res, 400, 'MALFORMED_QUERY', 'unexpected token');
      let filter;
      try { filter = match[3] ? where(match[3]) : () => true; } catch (error) { return errors(res, 400, 'MALFORMED_QUERY', (error as Error).message); }
      const source: Record<string, unknown>[] = match[2] === 'CampaignMember' ? members.map(view) : match[2] === 'CampaignMemberStatus' ? statuses.map((s) => ({ ...s })) : [];
      const rows = source.filter(filter);
      if (/LastModifiedDate DESC/.test(match[4] ?? '')) rows.sort((a, b) => String(b.LastModifiedDate).localeCompare(String(a.LastModifiedDate)) || String(b.Id).localeCompare(String(a.Id)));
      return page(res, rows, size, rows.length);
    }
    const more = /^\/query\/([\w-]+)$/.exec(path);
    if (more) { const rows = cursors.get(more[1]) ?? []; return page(res, rows, size, rows.length); }
    const person = /^\/sobjects\/(Contact|Lead)\/(\w+)$/.exec(path);
    if (person) {
      if (person[2] !== SF.contact && person[2] !== SF.lead) return errors(res, 404, 'NOT_FOUND', 'The requested resource does not exist');
      return json(res, 200, { Id: person[2], Name: "Zoë O'Brien", Email: 'zoe@example.com' });
    }
    if (path === '/sobjects/CampaignMember' && req.method === 'POST') { // [create] [member]
      const body = JSON.parse(text) as Record<string, string>;
      if (!statuses.some((s) => s.CampaignId === body.CampaignId && s.Label === body.Status)) {
        return errors(res, 400, 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', `bad value for restricted picklist field: ${body.Status}`, ['Status']);
      }
      if (members.some((m) => m.CampaignId === body.CampaignId && (m.ContactId ?? m.LeadId) === (body.ContactId ?? body.LeadId))) {
        return errors(res, 400, 'DUPLICATE_VALUE', 'Already a campaign member.');
      }
      const member: Member = { Id: `00v00000000${String(++serial).padStart(4, '0')}AAA`, CampaignId: body.CampaignId, ContactId: body.ContactId ?? null,
        LeadId: body.LeadId ?? null, Status: body.Status, FirstRespondedDate: null, CreatedDate: stamp(), LastModifiedDate: stamp() };
      if (responded(member)) member.FirstRespondedDate = member.CreatedDate.slice(0, 10);
      members.push(member);
      return json(res, 201, { id: member.Id, success: true, errors: [] });
    }
    const one = /^\/sobjects\/CampaignMember\/(\w+)$/.exec(path);
    if (one && req.method === 'PATCH') { // [update]
      const member = members.find((m) => m.Id === one[1]);
      if (!member) return errors(res, 404, 'NOT_FOUND', 'The requested resource does not exist');
      const body = JSON.parse(text) as { Status: string };
      if (!statuses.some((s) => s.CampaignId === member.CampaignId && s.Label === body.Status)) return errors(res, 400, 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', 'bad value', ['Status']);
      Object.assign(member, { Status: body.Status, LastModifiedDate: stamp() });
      if (responded(member) && !member.FirstRespondedDate) member.FirstRespondedDate = member.LastModifiedDate.slice(0, 10);
      return lose === 'PATCH' ? undefined : res.writeHead(204).end();
    }
    if (path === '/composite/sobjects' && req.method === 'DELETE') { // [composite]
      const ids = (url.searchParams.get('ids') ?? '').split(',').filter(Boolean);
      if (ids.length > 200) return errors(res, 400, 'EXCEEDED_ID_LIMIT', 'record limit reached. cannot submit more than 200 records into this call');
      return json(res, 200, ids.map((id) => {
        const index = members.findIndex((m) => m.Id === id);
        if (index < 0) return { id, success: false, errors: [{ statusCode: 'ENTITY_IS_DELETED', message: 'entity is deleted', fields: [] }] };
        members.splice(index, 1);
        return { id, success: true, errors: [] };
      }));
    }
    errors(res, 404, 'NOT_FOUND', 'The requested resource does not exist');
  }

  const server: Server = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => {
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: text });
      handle(req, res, text);
      if (lose === req.method) { lose = undefined; res.destroy(); }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, baseUrl: `${origin}${ROOT}`, members, statuses, requests, loseNextAnswer: (m) => { lose = m; },
    stop: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }) };
}
