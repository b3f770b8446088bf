import './setup.js';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/define/response-history.js';
import type { ResponseHistory } from '../../src/components/response-history/response-history.js';
import { CampaignDataClient } from '../../src/data/data-client.js';
import { AuthError, UnavailableError } from '../../src/adapter/errors.js';
import type { ResponseLine } from '../../src/model/types.js';
import type { HistoryQuery } from '../../src/adapter/types.js';
import type { AuthRequiredEvent } from '../../src/events/auth-required.js';
import { FakeAdapter, gate, line, until } from './fake-adapter.js';
import { $, $$, choose, text, typeInto } from './helpers.js';

async function mount(lines: ResponseLine[], adapter = new FakeAdapter(lines), campaignId: string | null = 'spring') {
  const client = new CampaignDataClient({ adapter, historyPageSize: 200 });
  const history = campaignId
    ? await fixture<ResponseHistory>(html`<response-history recipient-id="42" campaign-id=${campaignId} .dataClient=${client}></response-history>`)
    : await fixture<ResponseHistory>(html`<response-history recipient-id="42" .dataClient=${client}></response-history>`);
  await until(() => history.shadowRoot?.querySelector('[part="line"], [part~="empty"], [part~="error"]'));
  return { history, adapter, client };
}

const shownIds = (history: ResponseHistory) => $$(history, '[part="line"]').map((el) => el.dataset.line);

function manyLines(count: number): ResponseLine[] {
  const start = Date.parse('2026-01-01T00:00:00.000Z');
  return Array.from({ length: count }, (_, i) =>
    line({
      id: `l${String(i).padStart(5, '0')}`,
      respondedAt: new Date(start - i * 60_000).toISOString(),
      detailId: i % 3 === 0 ? 'purchased' : 'responded',
      note: i % 100 === 0 ? `needle ${i}` : `note ${i}`,
    }),
  );
}

describe('<response-history>', () => {
  it('shows the lines newest first with detail, category, time, recorded, author, note and source', async () => {
    const { history } = await mount([
      line({ id: 'older', respondedAt: '2026-01-01T08:00:00.000Z', detailId: 'received', note: 'letter' }),
      line({ id: 'newer', respondedAt: '2026-01-02T08:00:00.000Z', detailId: 'purchased', author: 'kim' }),
    ]);
    expect(shownIds(history)).to.deep.equal(['newer', 'older']);
    const first = $(history, '[part="line"]');
    expect(text(first.querySelector('[part="line-detail"]')!)).to.equal('Purchased');
    expect(first.querySelector('time')!.getAttribute('datetime')).to.equal('2026-01-02T08:00:00.000Z');
    expect(text(first.querySelector('[part="line-meta"]')!)).to.contain('by kim').and.contain('Entered by hand').and.contain('Recorded');
    await expect(history).to.be.accessible();
  });

  it('says a label once where the detail and its category read the same ("Purchased", not "Purchased Purchased")', async () => {
    const { history } = await mount([
      line({ id: 'bought', detailId: 'purchased' }),
      line({ id: 'opened', detailId: 'opened', source: 'tracked', respondedAt: '2026-01-09T08:00:00.000Z' }),
    ]);
    const bought = $(history, '[data-line="bought"]');
    expect(text(bought.querySelector('[part="line-head"]')!)).to.match(/^Purchased (?!Purchased)/);
    expect(bought.querySelector('[part="line-category"]')).to.equal(null);
    const opened = $(history, '[data-line="opened"]');
    expect(text(opened.querySelector('[part="line-detail"]')!)).to.equal('Opened');
    expect(text(opened.querySelector('[part="line-category"]')!), 'a different category still shows').to.equal('Received');
  });

  it('renders a hostile note literally, as text', async () => {
    const { history } = await mount([line({ id: 'x', note: '<img src=x onerror=alert(1)> {{7*7}}' })]);
    const note = $(history, '[part="line-note"]');
    expect(note.textContent).to.equal('<img src=x onerror=alert(1)> {{7*7}}');
    expect(note.querySelector('img')).to.equal(null);
  });

  it('makes a tracked click’s link clickable only when it is http(s)', async () => {
    const { history } = await mount([
      line({ id: 'web', source: 'tracked', detailId: 'clicked-through', link: { id: 'k1', url: 'https://example.com/offer' }, respondedAt: '2026-01-03T00:00:00.000Z' }),
      line({ id: 'evil', source: 'tracked', detailId: 'clicked-through', link: { id: 'k2', url: 'javascript:alert(1)' } }),
    ]);
    const web = $(history, '[data-line="web"]');
    const evil = $(history, '[data-line="evil"]');
    const anchor = web.querySelector('a')!;
    expect(anchor.getAttribute('href')).to.equal('https://example.com/offer');
    expect(anchor.rel).to.contain('noopener');
    expect(evil.querySelector('a')).to.equal(null);
    expect(text(evil.querySelector('[part="line-link"]')!)).to.contain('javascript:alert(1)');
    expect(text(web.querySelector('[part="line-source"]')!)).to.equal('Tracked');
  });

  it('shows the recipient’s time zone on hover (title) and on request (toggle)', async () => {
    const { history } = await mount([line({ id: 'a', respondedAt: '2026-01-02T08:00:00.000Z' })]);
    const time = $(history, '[part="line-time"]');
    const inTokyo = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Tokyo' }).format(Date.parse('2026-01-02T08:00:00.000Z'));
    expect(time.title).to.contain(inTokyo).and.contain('Asia/Tokyo');
    const toggle = $<HTMLInputElement>(history, '[part="zone-toggle"] input');
    toggle.click();
    await until(() => text($(history, '[part="line-time"]')) === inTokyo);
  });

  it('filters by response category and by text in notes', async () => {
    const { history, adapter } = await mount([
      line({ id: 'p', detailId: 'purchased', note: 'paid by card', respondedAt: '2026-01-03T00:00:00.000Z' }),
      line({ id: 'r', detailId: 'responded', note: 'called back', respondedAt: '2026-01-02T00:00:00.000Z' }),
      line({ id: 'r2', detailId: 'responded', note: 'Card declined', respondedAt: '2026-01-01T00:00:00.000Z' }),
    ]);
    choose($<HTMLSelectElement>(history, '[part="category-filter"]'), 'responded');
    await until(() => shownIds(history).join() === 'r,r2');
    typeInto($<HTMLInputElement>(history, '[part="note-filter"]'), 'card');
    await until(() => shownIds(history).join() === 'r2');
    expect(text($(history, '[part="count"]'))).to.equal('1 of 1 responses');
    const asked = adapter.callsOf('getRecipientResponses').map((call) => call.args[1] as HistoryQuery);
    expect(asked.at(-1)).to.include({ categoryId: 'responded', q: 'card' }, 'the server filters, not the page');
    typeInto($<HTMLInputElement>(history, '[part="note-filter"]'), 'nothing like this');
    await until(() => text(history.shadowRoot!.querySelector('[part~="empty"]') ?? history) === 'No responses match the filters.');
    await expect(history).to.be.accessible();
  });

  it('stays small at 10,000 lines: virtualized, and loads further pages as it scrolls', async () => {
    const adapter = new FakeAdapter(manyLines(10_000));
    adapter.pageSize = 200;
    const { history } = await mount([], adapter);
    expect(adapter.callsOf('getRecipientResponses')).to.have.length(1);
    const rendered = $$(history, '[part="line"]').length;
    expect(rendered).to.be.greaterThan(0).and.lessThan(100);
    expect(history.shadowRoot!.querySelectorAll('*').length).to.be.lessThan(3000);
    expect(text($(history, '[part="count"]'))).to.equal(`200 of ${new Intl.NumberFormat().format(10000)} responses`);
    const list = $(history, '[part="list"]');
    // Scroll to the end until the next page is asked for: a jump made while the virtualizer still
    // measures its first rows is undone by its anchoring (Firefox measures after the jump, Chromium
    // before), and the estimated height changes as rows are measured.
    await until(() => {
      list.scrollTop = list.scrollHeight;
      return adapter.callsOf('getRecipientResponses').length >= 2;
    });
    const second = adapter.callsOf('getRecipientResponses')[1].args[1] as { cursor?: string };
    expect(second.cursor).to.equal('200');
    await until(() => text($(history, '[part="count"]')).startsWith('400 of'));
  });

  it('with a filter on, asks the server for the matches only, however old', async () => {
    const adapter = new FakeAdapter(manyLines(1000));
    adapter.pageSize = 200;
    const { history } = await mount([], adapter);
    typeInto($<HTMLInputElement>(history, '[part="note-filter"]'), 'needle 900');
    await until(() => shownIds(history).join() === 'l00900', 4000);
    const calls = adapter.callsOf('getRecipientResponses');
    expect(calls.length).to.be.lessThan(4, 'no walk through every page');
    expect((calls.at(-1)!.args[1] as HistoryQuery).q).to.equal('needle 900');
  });

  it('keeps the pages scrolled in when a change re-reads the history', async function () {
    this.timeout(20_000);
    const adapter = new FakeAdapter(manyLines(1000));
    adapter.pageSize = 200;
    const { history, client } = await mount([], adapter);
    const list = $(history, '[part="list"]');
    // The virtualizer re-estimates the list's height as rows are measured: keep scrolling to the end.
    await until(() => {
      list.scrollTop = list.scrollHeight;
      return text($(history, '[part="count"]')).startsWith('400 of');
    }, 4000);
    const readsBefore = adapter.callsOf('getRecipientResponses').length;
    await client.addResponse(client.createResponseLine({ recipientId: '42', campaignId: 'spring', eventId: 'spring-call', detailId: 'purchased', respondedAt: new Date().toISOString(), note: 'fresh' }));
    // The first read after the change: every line shown, from the top, in one request. (Still at the
    // end of the list, the history may then page on as it would for any scroll to the end.)
    await until(() => adapter.callsOf('getRecipientResponses').length > readsBefore, 8000);
    const reload = adapter.callsOf('getRecipientResponses')[readsBefore].args[1] as HistoryQuery;
    expect(reload.limit).to.equal(401, 'the reload asks for every line shown, not one page');
    expect(reload.cursor).to.equal(undefined);
    await until(() => /^(401|601) of 1,001 /.test(text($(history, '[part="count"]'))), 8000);
  });

  it('a re-read cut short by a newer one keeps the lines shown (no skeleton in between)', async () => {
    const adapter = new FakeAdapter([line({ id: 'a', respondedAt: '2026-01-01T00:00:00.000Z' })]);
    const { history, client } = await mount([], adapter);
    // Slow answers, which (like fetch) end at once with an AbortError when their request is cut short.
    adapter.delays.getRecipientResponses = 400;
    const save = (note: string) =>
      client.addResponse(client.createResponseLine({ recipientId: '42', campaignId: 'spring', eventId: 'spring-call', detailId: 'purchased', respondedAt: '2026-01-05T00:00:00.000Z', note }));
    await save('first'); // a change: re-read
    await new Promise((resolve) => setTimeout(resolve, 50));
    await save('second'); // another: the first re-read is aborted
    await new Promise((resolve) => setTimeout(resolve, 50));
    history.requestUpdate();
    await history.updateComplete;
    expect(shownIds(history), 'the lines while the newer re-read runs').to.deep.equal(['a']);
    expect(history.shadowRoot!.querySelector('[part~="loading"]')).to.equal(null);
    await until(() => shownIds(history).length === 3, 4000);
  });

  it('re-reads after a save through the same client', async () => {
    const adapter = new FakeAdapter([line({ id: 'a', respondedAt: '2026-01-01T00:00:00.000Z' })]);
    const { history, client } = await mount([], adapter);
    await client.addResponse(client.createResponseLine({ recipientId: '42', campaignId: 'spring', eventId: 'spring-call', detailId: 'purchased', respondedAt: '2026-01-05T00:00:00.000Z', note: 'new one' }));
    await until(() => shownIds(history).length === 2);
    expect(text($(history, '[part="line-note"]'))).to.equal('new one');
  });

  it('shows the whole recipient history with campaign and event names when no campaign-id is set', async () => {
    const { history } = await mount(
      [line({ id: 'a' }), line({ id: 'b', campaignId: 'legacy', eventId: 'legacy-mail', respondedAt: '2026-01-12T00:00:00.000Z' })],
      undefined,
      null,
    );
    await until(() => shownIds(history).length === 2);
    expect(text($(history, '[part="line-campaign"]'))).to.equal('Old Newsletter · Newsletter 2019');
  });

  it('says which campaign event each line of one campaign belongs to', async () => {
    const { history } = await mount([
      line({ id: 'mail', eventId: 'spring-mail', detailId: 'opened', source: 'tracked' }),
      line({ id: 'call', eventId: 'spring-call', respondedAt: '2026-01-11T00:00:00.000Z' }),
    ]);
    const eventOf = (id: string) => history.shadowRoot?.querySelector(`[data-line="${id}"] [part="line-campaign"]`);
    await until(() => eventOf('mail') && eventOf('call'));
    expect(text(eventOf('mail')!)).to.equal('Launch email');
    expect(text(eventOf('call')!)).to.equal('Follow-up call');
    await expect(history).to.be.accessible();
  });

  it('reserves its height while loading', async () => {
    const adapter = new FakeAdapter([line({ id: 'a' })]);
    const g = gate();
    adapter.gates.getRecipientResponses = g.promise;
    const client = new CampaignDataClient({ adapter });
    const history = await fixture<ResponseHistory>(html`<response-history recipient-id="42" campaign-id="spring" .dataClient=${client}></response-history>`);
    await until(() => history.shadowRoot?.querySelector('[part~="loading"]'));
    expect($(history, '[part~="loading"]').getBoundingClientRect().height).to.be.greaterThan(200);
    await expect(history).to.be.accessible();
    g.open();
    await until(() => history.shadowRoot?.querySelector('[part="line"]'));
  });

  it('empty: shows the host’s slotted text', async () => {
    const client = new CampaignDataClient({ adapter: new FakeAdapter() });
    const history = await fixture<ResponseHistory>(
      html`<response-history recipient-id="42" campaign-id="spring" .dataClient=${client}><p slot="empty">No history here</p></response-history>`,
    );
    await until(() => history.shadowRoot?.querySelector('[part~="empty"]'));
    expect(text($<HTMLSlotElement>(history, 'slot[name="empty"]').assignedElements()[0])).to.equal('No history here');
    await expect(history).to.be.accessible();
  });

  it('error: message and Retry', async () => {
    const adapter = new FakeAdapter([line({ id: 'a' })]);
    adapter.failures.getRecipientResponses = new UnavailableError('Timed out');
    const { history } = await mount([], adapter);
    expect(text($(history, '[role="alert"]'))).to.contain('Timed out');
    await expect(history).to.be.accessible();
    delete adapter.failures.getRecipientResponses;
    $(history, '[part="retry-button"]').click();
    await until(() => shownIds(history).length === 1);
  });

  it('no permission: fires cr-auth-required and retries when the host answers', async () => {
    const adapter = new FakeAdapter([line({ id: 'a' })]);
    adapter.failures.getRecipientResponses = new AuthError('forbidden', { status: 403 });
    const client = new CampaignDataClient({ adapter });
    const history = document.createElement('response-history');
    history.recipientId = '42';
    history.dataClient = client;
    const auth = oneEvent(document, 'cr-auth-required') as Promise<AuthRequiredEvent>;
    document.body.append(history);
    try {
      const event = await auth;
      await until(() => history.shadowRoot?.querySelector('[part~="auth"]'));
      await expect(history).to.be.accessible();
      delete adapter.failures.getRecipientResponses;
      event.retryAfter(Promise.resolve());
      await until(() => shownIds(history).length === 1);
    } finally {
      history.remove();
    }
  });

  it('not found: says the recipient does not exist', async () => {
    const client = new CampaignDataClient({ adapter: new FakeAdapter() });
    const history = await fixture<ResponseHistory>(html`<response-history recipient-id="nobody" .dataClient=${client}></response-history>`);
    await until(() => history.shadowRoot?.querySelector('[part~="not-found"]'));
    await expect(history).to.be.accessible();
  });
});
