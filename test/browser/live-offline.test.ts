import './setup.js';
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/response-history.js';
import type { ResponseHistory } from '../../src/components/response-history/response-history.js';
import { FakeAdapter, gate, line, until } from './fake-adapter.js';
import { FakeLive } from '../support/browser/fake-live.js';
import { OfflineClients } from './offline-fixture.js';
import { $$ } from './helpers.js';

const clients = new OfflineClients();
afterEach(() => clients.cleanUp());

const shownLines = (history: ResponseHistory) => $$(history, '[part~="line"]').map((el) => el.getAttribute('data-line'));

describe('live with offline edits', () => {
  it("another person's line arrives through the normal reads: the edit still waiting in the outbox stays shown beside it", async () => {
    const adapter = new FakeAdapter([line({ id: 'seeded', respondedAt: '2026-01-01T09:00:00.000Z' })]);
    const live = new FakeLive();
    adapter.followChanges = live.follow;
    // The outbox's send hangs: the edit waits, unconfirmed, while the other line arrives.
    const sending = gate();
    adapter.gates.addResponse = sending.promise;
    const client = await clients.open(adapter);
    const history = await fixture<ResponseHistory>(html`<response-history recipient-id="42" campaign-id="spring" .dataClient=${client}></response-history>`);
    await until(() => shownLines(history).includes('seeded') && client.liveState === 'live', 4000);
    const mine = client.createResponseLine({ recipientId: '42', campaignId: 'spring', eventId: 'spring-call', detailId: 'purchased', respondedAt: '2026-02-01T09:00:00.000Z', note: 'mine, waiting' });
    await client.addResponse(mine);
    await until(() => shownLines(history).includes(mine.id), 4000);

    const theirs = line({ id: 'theirs', detailId: 'responded', respondedAt: '2026-01-15T09:00:00.000Z', note: 'another person' });
    adapter.lines.push(theirs);
    live.lineChanged(theirs);
    await until(() => shownLines(history).includes('theirs'), 4000);
    expect(shownLines(history)).to.deep.equal([mine.id, 'theirs', 'seeded']);
    sending.open();
  });
});
