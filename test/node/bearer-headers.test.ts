// The bearer token of `{ apiBase, getToken }`: every REST client the kit makes from it (recipient side
// and campaign side) sends `Authorization: Bearer …`, asks for the token on each request (a refreshed
// token is used at once), and sends no Authorization at all while there is no token.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bearerHeaders, createRestDataClient } from '../../src/data/configure.js';
import { createRestReportsClient } from '../../src/data/reports-configure.js';
import { DEFAULT_VOCABULARY } from '../../src/model/vocabulary.js';

test('bearerHeaders asks the token source on every call and leaves the header out without a token', async () => {
  const tokens = ['first', 'refreshed', '', null, undefined];
  const headers = bearerHeaders(async () => tokens.shift());
  assert.deepEqual(await headers(), { Authorization: 'Bearer first' });
  assert.deepEqual(await headers(), { Authorization: 'Bearer refreshed' });
  assert.deepEqual(await headers(), {});
  assert.deepEqual(await headers(), {});
  assert.deepEqual(await headers(), {});
  assert.deepEqual(await bearerHeaders(() => 'sync')(), { Authorization: 'Bearer sync' });
  assert.deepEqual(await bearerHeaders(undefined)(), {});
});

/** A fetch that records each request's Authorization header and answers `body`. */
function recordingFetch(body: unknown) {
  const seen: (string | null)[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    seen.push(new Request(input, init).headers.get('Authorization'));
    return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
  };
  return { seen, fetch: fetch as typeof globalThis.fetch };
}

test('the recipient-side and the campaign-side REST clients both send the current bearer token', async () => {
  let token: string | undefined = 'one';
  const recipient = recordingFetch(DEFAULT_VOCABULARY);
  const client = createRestDataClient({ apiBase: 'http://kit.test/api', getToken: () => token, rest: { fetch: recipient.fetch } });
  await client.getVocabulary();
  assert.deepEqual(recipient.seen, ['Bearer one']);

  const campaign = recordingFetch({ items: [], nextCursor: null });
  const reports = createRestReportsClient({ apiBase: 'http://kit.test/api', getToken: () => token, rest: { fetch: campaign.fetch } });
  await reports.listCampaigns({ fresh: true });
  token = 'two';
  await reports.listCampaigns({ fresh: true });
  token = undefined;
  await reports.listCampaigns({ fresh: true });
  assert.deepEqual(campaign.seen, ['Bearer one', 'Bearer two', null]);
});
