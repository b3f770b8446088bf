// The pure building blocks of presets: query literals, value maps, dates, paging, error shapes, the
// id of a 204 create, never-applied-twice, and what a backend's capabilities allow.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { de } from '../../src/i18n/de.js';
import { en } from '../../src/i18n/en.js';
import { canDo, ConflictError, FULL_CAPABILITIES, READ_ONLY_CAPABILITIES, UnavailableError, ValidationError } from '../../src/adapter/index.js';
import {
  createOnce, createValueMap, cursorPaging, dateOnlyFromInstant, flatten, idFromCreateHeaders, instantFromDateOnly,
  instantFromEpochMs, instantFromIso, linkRel, nextLinkPaging, numberedPaging, odataError, odataGuid, odataString,
  salesforceErrors, soqlContains, soqlId, soqlString, unmappedLabel, anyErrorShape, type HttpAnswer,
} from '../../src/presets/toolkit.js';

const answer = (body: unknown, headers: Record<string, string> = {}): HttpAnswer =>
  ({ status: 200, headers: new Headers(headers), body, url: 'http://x/list' });

test('OData string literals double single quotes and keep unicode; an injection stays inside the literal', () => {
  assert.equal(odataString("O'Neil"), "'O''Neil'");
  assert.equal(odataString('Müller 😀 日本'), "'Müller 😀 日本'");
  const attack = "x') or (1 eq 1"; // tries to close the literal and add a clause
  assert.equal(odataString(attack), "'x'') or (1 eq 1'");
  // Between the outer quotes every quote is doubled: no lone quote ends the literal early.
  assert.doesNotMatch(odataString(attack).slice(1, -1).replaceAll("''", ''), /'/);
});

test('OData GUIDs are checked, not escaped', () => {
  assert.equal(odataGuid('5F0C6A52-1F7E-4C3B-9F7A-2D7C1A8B9E01'), '5f0c6a52-1f7e-4c3b-9f7a-2d7c1a8b9e01');
  assert.throws(() => odataGuid("5f0c6a52-1f7e-4c3b-9f7a-2d7c1a8b9e01) or (1 eq 1"), ValidationError);
});

test('SOQL literals escape backslash, quotes and control characters as the SOQL reference lists them', () => {
  assert.equal(soqlString("Bob's BBQ"), "'Bob\\'s BBQ'");
  assert.equal(soqlString('a\\b"c\nd\te'), "'a\\\\b\\\"c\\nd\\te'");
  assert.equal(soqlString('\u0001'), "'\\u0001'");
  assert.equal(soqlString('Zoë 😀'), "'Zoë 😀'");
  const attack = "x' OR Name != '";
  assert.equal(soqlString(attack), "'x\\' OR Name != \\''");
  // Every quote inside is escaped, so the literal ends only at its last character.
  assert.doesNotMatch(soqlString(attack).slice(1, -1).replaceAll("\\'", ''), /'/);
  assert.equal(soqlContains('50%_off'), "'%50\\%\\_off%'");
  assert.equal(soqlId('701000000000001AAA'), "'701000000000001AAA'");
  assert.throws(() => soqlId("701' OR Id != '"), ValidationError);
});

test('value maps go both ways; an unknown code comes through as itself, never dropped', () => {
  const map = createValueMap([['interested', 1], ['not-interested', 2]] as const);
  assert.equal(map.toKit(1), 'interested');
  assert.equal(map.toServer('not-interested'), 2);
  const unknown = map.toKit(100000001);
  assert.equal(unmappedLabel(unknown), '100000001');
  assert.ok(map.isUnmapped(unknown));
  assert.equal(map.toServer(unknown), 100000001, 'written back as the code it came as');
  assert.equal(map.toServer('no-such-id'), undefined);
  const labels = createValueMap([['responded', 'Responded']] as const);
  assert.equal(labels.toServer(labels.toKit('Attended Webinar')), 'Attended Webinar');
});

test('dates: offsets to UTC, date-only at noon UTC, epoch milliseconds; a time without a zone is refused', () => {
  assert.equal(instantFromIso('2026-03-04T15:30:00+02:00'), '2026-03-04T13:30:00.000Z');
  assert.equal(instantFromIso('2026-03-04T15:30:00.000+0000'), '2026-03-04T15:30:00.000Z');
  assert.throws(() => instantFromIso('2026-03-04T15:30:00'));
  assert.equal(instantFromDateOnly('2026-03-04'), '2026-03-04T12:00:00.000Z');
  assert.throws(() => instantFromDateOnly('2026-02-30'));
  assert.equal(instantFromEpochMs(1772638200000), '2026-03-04T15:30:00.000Z');
  assert.equal(instantFromEpochMs('1772638200000'), '2026-03-04T15:30:00.000Z');
  assert.equal(dateOnlyFromInstant('2026-03-04T23:30:00Z', 'Europe/Berlin'), '2026-03-05');
  assert.equal(dateOnlyFromInstant('2026-03-04T23:30:00Z'), '2026-03-04');
});

test('error shapes: problem+json, {error:{code,message}}, a top-level array', () => {
  assert.deepEqual(odataError({ error: { code: '0x80040237', message: 'Duplicate key' } }), {
    type: '0x80040237', detail: 'Duplicate key' });
  assert.deepEqual(salesforceErrors([{ message: 'Required fields are missing: [Status]', errorCode: 'REQUIRED_FIELD_MISSING', fields: ['Status'] }]), {
    type: 'REQUIRED_FIELD_MISSING', detail: 'Required fields are missing: [Status]',
    errors: [{ field: 'Status', message: 'Required fields are missing: [Status]' }] });
  assert.equal(anyErrorShape({ type: 'about:blank', title: 'Gone', status: 410 })?.title, 'Gone');
  assert.equal(anyErrorShape([{ message: 'm', errorCode: 'E' }])?.type, 'E');
  assert.equal(anyErrorShape({ error: { code: 'c', message: 'm' } })?.detail, 'm');
  assert.equal(anyErrorShape('nope'), undefined);
});

test('the id of a 204 create, from OData-EntityId or Location', () => {
  const id = '5f0c6a52-1f7e-4c3b-9f7a-2d7c1a8b9e01';
  assert.equal(idFromCreateHeaders(new Headers({ 'OData-EntityId': `https://org.crm.dynamics.com/api/data/v9.2/campaignresponses(${id})` })), id);
  assert.equal(idFromCreateHeaders(new Headers({ Location: '/responses/42' })), '42');
  assert.equal(idFromCreateHeaders(new Headers()), undefined);
});

test('paging: an opaque cursor, page numbers with a total or a Link header, a next link, flattening', () => {
  const cursor = cursorPaging({ items: 'data.items', next: 'data.next', param: 'after' });
  assert.deepEqual(cursor.request('abc', 10), { query: { after: 'abc' } });
  assert.deepEqual(cursor.read(answer({ data: { items: [1], next: 'n2' } }), undefined, 10), { items: [1], nextCursor: 'n2' });

  const pages = numberedPaging({ kind: 'page', param: '_page', limitParam: '_limit', defaultLimit: 2, totalHeader: 'X-Total-Count' });
  assert.deepEqual(pages.request(undefined, undefined), { query: { _page: 1, _limit: 2 } });
  assert.deepEqual(pages.read(answer([1, 2], { 'X-Total-Count': '3' }), undefined, 2), { items: [1, 2], nextCursor: '2', total: 3 });
  assert.deepEqual(pages.read(answer([3], { 'X-Total-Count': '3' }), '2', 2), { items: [3], nextCursor: null, total: 3 });
  assert.throws(() => pages.request('-1', 2));

  const links = numberedPaging({ kind: 'page', param: '_page', limitParam: '_limit', defaultLimit: 2, useLinkHeader: true });
  const link = '<http://x/r?_page=1>; rel="first", <http://x/r?_page=2>; rel="next"';
  assert.equal(links.read(answer([1, 2], { Link: link }), undefined, 2).nextCursor, '2');
  assert.equal(links.read(answer([1, 2], { Link: '<http://x/r?_page=1>; rel="first"' }), undefined, 2).nextCursor, null);
  assert.equal(linkRel('<a>; rel="prev next"', 'next'), 'a');

  const offset = numberedPaging({ kind: 'offset', param: 'offset', limitParam: 'count', defaultLimit: 2, items: 'members', hasMore: 'has_more' });
  assert.equal(offset.read(answer({ members: [1, 2], has_more: true }), '4', 2).nextCursor, '6');
  assert.equal(offset.read(answer({ members: [1, 2], has_more: false }), '4', 2).nextCursor, null);

  const next = nextLinkPaging({ items: 'value', next: '@odata.nextLink', pageSizeHeader: (n) => ({ Prefer: `odata.maxpagesize=${n}` }) });
  assert.deepEqual(next.request(undefined, 5), { headers: { Prefer: 'odata.maxpagesize=5' } });
  assert.deepEqual(next.request('/services/data/v60.0/query/01g-2000', undefined), { url: '/services/data/v60.0/query/01g-2000' });
  assert.equal(next.read(answer({ value: [], '@odata.nextLink': 'https://org/api/x?$skiptoken=1' }), undefined, 5).nextCursor, 'https://org/api/x?$skiptoken=1');

  assert.deepEqual(flatten([{ id: 'c1', events: [{ id: 'e1' }] }, { id: 'c2' }], 'events', 'campaign'),
    [{ id: 'e1', campaign: { id: 'c1', events: [{ id: 'e1' }] } }]);
});

test('createOnce: a retried create whose line is already stored and equal succeeds; a different one is a conflict', async () => {
  const stored = { id: 'l1', note: 'hello' };
  const lost = new UnavailableError('create: HTTP 500 Insert failed, duplicate id', { status: 500 });
  const failing = () => Promise.reject(lost);
  assert.deepEqual(await createOnce({ operation: 'add', create: failing, readBack: async () => stored, equal: (s) => s.note === 'hello' }), stored);
  await assert.rejects(createOnce({ operation: 'add', create: failing, readBack: async () => stored, equal: () => false }), ConflictError);
  await assert.rejects(createOnce({ operation: 'add', create: failing, readBack: async () => undefined, equal: () => true }), (e) => e === lost);
});

test('capabilities: a read-only backend allows no writes; latest-only and membership deletes say so', () => {
  assert.deepEqual(canDo(READ_ONLY_CAPABILITIES, 'add'), { allowed: false, reason: 'capability.readOnly' });
  assert.deepEqual(canDo(READ_ONLY_CAPABILITIES, 'viewHistory'), { allowed: true });
  assert.deepEqual(canDo(FULL_CAPABILITIES, 'deleteAll'), { allowed: true });
  assert.deepEqual(canDo(FULL_CAPABILITIES, 'deleteLine'), { allowed: true });
  assert.deepEqual(canDo({ ...FULL_CAPABILITIES, deleteLine: false }, 'deleteLine'), { allowed: false, reason: 'capability.noDeleteLine' });
  const salesforceLike = { ...FULL_CAPABILITIES, history: 'latest-only' as const, deleteAll: 'membership' as const };
  assert.deepEqual(canDo(salesforceLike, 'deleteAll'), { allowed: true, note: 'capability.deleteRemovesMembership' });
  assert.deepEqual(canDo(salesforceLike, 'viewHistory'), { allowed: true, note: 'capability.latestOnly' });
  assert.deepEqual(canDo({ ...FULL_CAPABILITIES, deleteAll: 'none' }, 'deleteAll'), { allowed: false, reason: 'capability.noDelete' });
});

test('every reason and note canDo() can give is in the English and German tables', () => {
  const flags = [FULL_CAPABILITIES, READ_ONLY_CAPABILITIES,
    { ...FULL_CAPABILITIES, add: false, notes: false, deleteAll: 'none' as const, deleteLine: false, restore: false, audit: false },
    { ...FULL_CAPABILITIES, history: 'latest-only' as const, deleteAll: 'membership' as const }];
  const keys = new Set<string>();
  for (const capabilities of flags) {
    for (const action of ['add', 'updateStatus', 'deleteAll', 'deleteLine', 'viewHistory', 'editNote', 'restore', 'audit'] as const) {
      const answer = canDo(capabilities, action);
      const key = answer.allowed ? answer.note : answer.reason;
      if (key) keys.add(key);
    }
  }
  assert.deepEqual([...keys].sort(), ['capability.deleteRemovesMembership', 'capability.latestOnly', 'capability.noAdd',
    'capability.noAudit', 'capability.noDelete', 'capability.noDeleteLine', 'capability.noNotes', 'capability.noRestore', 'capability.readOnly']);
  for (const key of keys) {
    assert.ok(key in en, `en has ${key}`);
    assert.ok(key in de, `de has ${key}`);
  }
});
