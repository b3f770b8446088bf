/**
 * Right-to-left layout: every element rendered under `dir="rtl"`, with assertions that would fail
 * if its styles used physical properties (left/right margins, `left: 0`, `text-align: left`) or a
 * chevron that points the same way in both directions.
 */
import './setup.js';
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/all.js';
import { CampaignDataClient } from '../../src/data/data-client.js';
import { CampaignReportsClient } from '../../src/data/reports-client.js';
import type { AddResponseDialog } from '../../src/components/add-response-dialog/add-response-dialog.js';
import type { CampaignResponsesTab } from '../../src/components/campaign-responses-tab/campaign-responses-tab.js';
import type { ResponseHistory } from '../../src/components/response-history/response-history.js';
import type { CampaignStatsPanel } from '../../src/components/campaign-stats-panel/campaign-stats-panel.js';
import type { CampaignResponseReport } from '../../src/components/campaign-response-report/campaign-response-report.js';
import type { CampaignClickthroughReport } from '../../src/components/campaign-clickthrough-report/campaign-clickthrough-report.js';
import type { CampaignSyncStatus } from '../../src/components/campaign-sync-status/campaign-sync-status.js';
import type { SyncStatus } from '../../src/data/sync.js';
import { EMPTY_SYNC_STATUS } from '../../src/data/sync.js';
import { FakeAdapter, line, until } from './fake-adapter.js';
import { FakeReportsAdapter, reportRow } from '../support/browser/fake-reports-adapter.js';
import { $, $$, dialogOf } from './helpers.js';

const box = (element: Element) => element.getBoundingClientRect();

/** The box of an element's own text (its first text outside a button), not of the element. */
function textBox(element: Element): DOMRect {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  let node = walker.nextNode();
  while (node && (!node.textContent!.trim() || node.parentElement?.closest('button'))) node = walker.nextNode();
  if (!node) throw new Error(`no text in ${element.outerHTML}`);
  const range = document.createRange();
  range.selectNodeContents(node);
  return range.getBoundingClientRect();
}

async function inRtl<E extends HTMLElement>(element: unknown, _ready: string): Promise<E> {
  const wrapper = await fixture<HTMLDivElement>(html`<div dir="rtl" style="width: 60rem">${element}</div>`);
  return wrapper.firstElementChild as E;
}

describe('right to left (dir="rtl")', () => {
  it('<campaign-responses-tab>: title column on the right, Update Status left of the event, the chevron points left', async () => {
    const client = new CampaignDataClient({ adapter: new FakeAdapter([line({ id: 'a' })]) });
    const tab = await inRtl<CampaignResponsesTab>(html`<campaign-responses-tab recipient-id="42" .dataClient=${client}></campaign-responses-tab>`, 'table');
    await until(() => tab.shadowRoot?.querySelector('table'));
    const title = $(tab, '[part="campaign-title"]');
    expect(box(title).right).to.be.greaterThan(box($(tab, '[part="date"]')).right);
    const event = $(tab, '[part="event"]');
    const button = event.querySelector('[part="update-button"]')!;
    expect(box(button).right, 'the button is at the inline end: the left').to.be.at.most(textBox(event).left);
    // The chevron is drawn at the inline start (right) and points left: its apex on the left edge.
    const disclosure = $(tab, '[part="disclosure"]');
    const style = getComputedStyle(disclosure);
    expect(style.backgroundImage).to.contain('at 0% 50%');
    expect(style.backgroundPositionX).to.match(/^(right|100%|calc\(100%)/);
    expect(parseFloat(style.paddingRight)).to.be.greaterThan(0);
    expect(parseFloat(style.paddingLeft)).to.equal(0);
    disclosure.click();
    await until(() => getComputedStyle($(tab, '[part="disclosure"]')).backgroundImage.includes('at 50% 100%'));
  });

  it('<add-response-dialog>: footer mirrored (Save leftmost), close button on the left, the Actions menu under its button from the right', async () => {
    const client = new CampaignDataClient({ adapter: new FakeAdapter() });
    const dialog = await inRtl<AddResponseDialog>(html`<add-response-dialog recipient-id="42" .dataClient=${client}></add-response-dialog>`, 'dialog');
    await dialog.showUpdate('spring', 'spring-call');
    await until(() => dialog.shadowRoot?.querySelector('[part~="target"]'));
    const save = box($(dialog, '[part~="save-button"]'));
    const cancel = box($(dialog, '[part~="cancel-button"]'));
    const actions = box($(dialog, '[part~="menu-button"]'));
    expect(save.right).to.be.at.most(cancel.left);
    expect(cancel.right).to.be.at.most(actions.left);
    expect(box($(dialog, '[part~="close-button"]')).right).to.be.at.most(box($(dialog, '[part~="title"]')).left);
    $(dialog, '[part~="menu-button"]').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, composed: true }));
    await until(() => !$(dialog, '[part~="menu"]').hidden);
    expect(box($(dialog, '[part~="menu"]')).right).to.be.closeTo(actions.right, 1);
    dialog.close();
  });

  it('<response-history>: each line\'s time and the count at the left end', async () => {
    const client = new CampaignDataClient({ adapter: new FakeAdapter([line({ id: 'a' }), line({ id: 'b', respondedAt: '2026-01-09T09:00:00.000Z' })]) });
    const history = await inRtl<ResponseHistory>(html`<response-history recipient-id="42" .dataClient=${client}></response-history>`, 'list');
    await until(() => history.shadowRoot?.querySelector('[part~="line-time"]'));
    const head = box($(history, '[part~="line-head"]'));
    const time = box($(history, '[part~="line-time"]'));
    const detail = box($(history, '[part~="line-detail"]'));
    expect(time.left).to.be.closeTo(head.left, 1);
    expect(detail.right).to.be.closeTo(head.right, 1);
    expect(box($(history, '[part~="count"]')).left).to.be.closeTo(box($(history, '[part~="filters"]')).left, 1);
  });

  it('<campaign-stats-panel>: figures read right to left (label, value, then the formula button leftmost)', async () => {
    const client = new CampaignReportsClient({ adapter: new FakeReportsAdapter() });
    const panel = await inRtl<CampaignStatsPanel>(html`<campaign-stats-panel campaign-id="spring" .reportsClient=${client}></campaign-stats-panel>`, 'figures');
    await until(() => panel.shadowRoot?.querySelector('[part~="figure"]'));
    const figure = $(panel, '[data-figure="roi"]');
    const label = box(figure.querySelector('[part~="figure-label"]')!);
    const value = figure.querySelector('[part~="figure-value"]')!;
    const formula = box(figure.querySelector('[part~="formula-button"]')!);
    expect(label.left).to.be.greaterThan(box(value).right - 1);
    expect(formula.right).to.be.at.most(box(value).left + 1);
    // Numbers align to the end, which is the left here.
    expect(getComputedStyle(value).textAlign).to.equal('end');
    expect(textBox(value).left).to.be.closeTo(box(value).left, 1);
  });

  it('<campaign-stats-panel>: the charts are mirrored: funnel labels right of their bars, values left; time runs right to left', async () => {
    const client = new CampaignReportsClient({ adapter: new FakeReportsAdapter() });
    const panel = await inRtl<CampaignStatsPanel>(html`<campaign-stats-panel campaign-id="spring" .reportsClient=${client}></campaign-stats-panel>`, 'charts');
    await until(() => panel.shadowRoot?.querySelector('[part~="funnel-chart"]'));
    for (const step of panel.shadowRoot!.querySelectorAll('[part~="funnel-chart"] [data-step]')) {
      const label = box(step.querySelector('.label')!);
      const bar = box(step.querySelector('.bar')!);
      const value = box(step.querySelector('.value')!);
      // Nothing overlaps: label | bar | value from right to left.
      if (bar.width > 0) {
        expect(label.left, `${step.getAttribute('data-step')} label`).to.be.at.least(bar.right - 1);
        expect(value.right, `${step.getAttribute('data-step')} value`).to.be.at.most(bar.left + 1);
      }
      expect(value.right).to.be.lessThan(label.left);
    }
    const days = [...panel.shadowRoot!.querySelectorAll('[part~="timeline-chart"] [data-day]')];
    if (days.length > 1) {
      const first = box(days[0].querySelector('rect')!);
      const last = box(days[days.length - 1].querySelector('rect')!);
      expect(first.left, 'the first day is rightmost').to.be.greaterThan(last.left);
    }
  });

  it('<campaign-response-report>: the count on the right, Export CSV after it on the left, details indented from the right', async () => {
    const adapter = new FakeReportsAdapter();
    adapter.rows.set('spring', [reportRow({ id: 'r1' })]);
    const client = new CampaignReportsClient({ adapter });
    const report = await inRtl<CampaignResponseReport>(html`<campaign-response-report campaign-id="spring" .reportsClient=${client}></campaign-response-report>`, 'rows');
    await until(() => report.shadowRoot?.querySelector('[part="rows"]'));
    const toolbar = box($(report, '[part~="toolbar"]'));
    const count = box($(report, '[part~="count"]'));
    expect(count.right).to.be.closeTo(toolbar.right, 1);
    expect(box($(report, '[part~="export-button"]')).right).to.be.at.most(count.left);
    const detail = getComputedStyle($(report, 'th.detail'));
    expect(parseFloat(detail.paddingRight)).to.be.greaterThan(parseFloat(detail.paddingLeft));
  });

  it('<campaign-clickthrough-report>: the disclosure triangle points left, the clickers indented from the right', async () => {
    const adapter = new FakeReportsAdapter();
    adapter.clickthrough.set('spring', {
      campaignId: 'spring',
      events: [{ eventId: 'mail', name: 'Mail', links: [{ linkId: 'l', url: 'https://example.com/', clicks: 1, humanClicks: 1, machineClicks: 0, uniqueClickers: 1, uniqueHumanClickers: 1, clickers: [{ recipientId: '1', recipientName: 'Ada', clickedAt: '2026-03-01T09:00:00.000Z', machine: false, machineReason: null }] }] }],
    });
    const client = new CampaignReportsClient({ adapter });
    const report = await inRtl<CampaignClickthroughReport>(html`<campaign-clickthrough-report campaign-id="spring" .reportsClient=${client}></campaign-clickthrough-report>`, 'event');
    await until(() => report.shadowRoot?.querySelector('[part~="toggle"]'));
    const toggle = $(report, '[part~="toggle"]');
    expect(getComputedStyle(toggle, '::before').transform).to.equal('matrix(-1, 0, 0, 1, 0, 0)');
    toggle.click();
    await until(() => report.shadowRoot?.querySelector('[part~="clickers-table"]'));
    expect(getComputedStyle(toggle, '::before').transform).to.match(/^matrix\(0, 1, -1, 0/);
    const clickers = getComputedStyle($(report, '[part~="clickers-table"]'));
    expect(parseFloat(clickers.marginRight)).to.be.greaterThan(0);
    expect(parseFloat(clickers.marginLeft)).to.equal(0);
  });

  it('<campaign-sync-status>: the summary starts at the right', async () => {
    class Client extends CampaignDataClient {
      override async getSyncStatus(): Promise<SyncStatus> {
        return { ...EMPTY_SYNC_STATUS, mode: 'on', connectivity: 'online', pending: 2, oldestPendingAt: Date.now() };
      }
    }
    const status = await inRtl<CampaignSyncStatus>(html`<campaign-sync-status .dataClient=${new Client({ adapter: new FakeAdapter() })}></campaign-sync-status>`, 'summary');
    await until(() => status.shadowRoot?.querySelector('[part~="pending"]'));
    const summary = box($(status, '[part~="summary"]'));
    const connectivity = box($(status, '[part~="connectivity"]'));
    expect(connectivity.right).to.be.closeTo(summary.right, 1);
    expect(box($(status, '[part~="pending"]')).right).to.be.at.most(connectivity.left + 1);
  });

  it('the snackbar is centred in both directions', async () => {
    const adapter = new FakeAdapter([line({ id: 'a' })]);
    const client = new CampaignDataClient({ adapter, undoDelayMs: 60_000 });
    const tab = await inRtl<CampaignResponsesTab>(html`<campaign-responses-tab recipient-id="42" .dataClient=${client}></campaign-responses-tab>`, 'table');
    await until(() => tab.shadowRoot?.querySelector('table'));
    $(tab, '[part="update-button"]').click();
    await until(() => dialogOf(tab).open);
    const { DeleteRequestEvent } = await import('../../src/events/delete-request.js');
    dialogOf(tab).close();
    dialogOf(tab).dispatchEvent(new DeleteRequestEvent('42', 'spring'));
    await until(() => tab.shadowRoot?.querySelector<HTMLButtonElement>('[part="confirm-delete-button"]')?.disabled === false);
    $(tab, '[part="confirm-delete-button"]').click();
    await until(() => tab.shadowRoot?.querySelector('[part="snackbar"]'));
    const snackbar = box($(tab, '[part="snackbar"]'));
    expect((snackbar.left + snackbar.right) / 2).to.be.closeTo(window.innerWidth / 2, 2);
    $(tab, '[part="undo-button"]').click();
    expect($$(tab, '[part="campaign"]')).to.have.length(2);
  });
});
