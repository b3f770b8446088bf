import './setup.js';
import { expect, fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { CampaignResponsesTab as TabClass } from '../../src/components/campaign-responses-tab/campaign-responses-tab.js';
import type { CampaignRowContext } from '../../src/components/campaign-responses-tab/campaign-rows.js';
import type { RecipientCampaign } from '../../src/model/types.js';
import '../../src/define/campaign-responses-tab.js';
import type { CampaignResponsesTab } from '../../src/components/campaign-responses-tab/campaign-responses-tab.js';
import { CampaignDataClient } from '../../src/data/data-client.js';
import { FakeAdapter, line, until } from './fake-adapter.js';
import { $, $$, text } from './helpers.js';

/** The rectangles of every piece of text inside `element` (through its own text nodes). */
function textRects(element: Element): DOMRect[] {
  const rects: DOMRect[] = [];
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent?.trim()) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    rects.push(...[...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0));
  }
  return rects;
}

/** A plugin's tab with three more columns: wider than 768 px, so it scrolls sideways there. */
class WideTab extends TabClass {
  protected override renderColumns(): TemplateResult {
    return html`${super.renderColumns()}${['Owner', 'Region', 'Segment'].map((name) => html`<th scope="col" role="columnheader">${name}</th>`)}`;
  }

  protected override renderCells(campaign: RecipientCampaign, row: CampaignRowContext): TemplateResult {
    return html`${super.renderCells(campaign, row)}${['Ada', 'North', 'Retail'].map((value) => html`<td role="cell" part="extra">${value}</td>`)}`;
  }
}
customElements.define('wide-campaigns-tab', WideTab);

const inside = (rect: DOMRect, box: DOMRect) =>
  rect.left >= box.left - 0.5 && rect.right <= box.right + 0.5 && rect.top >= box.top - 0.5 && rect.bottom <= box.bottom + 0.5;

async function mountAt(width: number, tag = 'campaign-responses-tab'): Promise<CampaignResponsesTab> {
  const adapter = new FakeAdapter([
    line({ id: 'a', detailId: 'mailbox-full', eventId: 'spring-mail', respondedAt: '2026-01-05T10:00:00.000Z' }),
    line({ id: 'b', campaignId: 'legacy', eventId: 'legacy-mail', detailId: 'clicked-through', respondedAt: '2026-02-05T10:00:00.000Z' }),
  ]);
  adapter.campaigns[0].title = 'Spring Launch with a rather long campaign title';
  const client = new CampaignDataClient({ adapter });
  const wrapper = await fixture<HTMLDivElement>(html`<div style="inline-size: ${width}px"></div>`);
  const tab = document.createElement(tag) as CampaignResponsesTab;
  tab.recipientId = '42';
  tab.dataClient = client;
  wrapper.append(tab);
  await until(() => tab.shadowRoot?.querySelector('tbody [part="date"] time'));
  // content-visibility: auto decides what is on screen at the next frames; measure what is painted.
  for (let i = 0; i < 3; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
  return tab;
}

describe('<campaign-responses-tab> in a narrow container', () => {
  for (const width of [320, 375, 768]) {
    it(`at ${width} px every cell's text lies inside the tab's scroll box and its campaign's box`, async () => {
      const tab = await mountAt(width);
      const scrollBox = $(tab, '.content').getBoundingClientRect();
      expect(scrollBox.width).to.be.at.most(width);
      const cells = $$(tab, 'tbody[part="campaign"] > tr[part="row"] > *');
      expect(cells).to.have.length(8);
      for (const cell of cells) {
        const campaign = cell.closest('tbody')!.getBoundingClientRect();
        const rects = textRects(cell);
        expect(rects.length, `${cell.getAttribute('part')} has text`).to.be.greaterThan(0);
        for (const rect of rects) {
          const where = `${cell.getAttribute("part")} "${text(cell)}" at ${Math.round(rect.left)}–${Math.round(rect.right)} × ${Math.round(rect.top)}–${Math.round(rect.bottom)} (box ${Math.round(campaign.top)}–${Math.round(campaign.bottom)})`;
          expect(inside(rect, scrollBox), `${where}, scroll box ${Math.round(scrollBox.left)}–${Math.round(scrollBox.right)}`).to.equal(true);
          expect(inside(rect, campaign), `${where}, its campaign ${Math.round(campaign.left)}–${Math.round(campaign.right)}`).to.equal(true);
        }
      }
      expect($(tab, '.content').scrollWidth, 'no sideways scrolling').to.be.at.most($(tab, '.content').clientWidth);
    });
  }

  it('at a phone width each campaign is a block of labelled fields, the labels in the page language', async () => {
    const tab = await mountAt(320);
    const row = $(tab, 'tbody[data-campaign="spring"] > tr');
    const label = (part: string) => getComputedStyle(row.querySelector(`[part="${part}"]`)!, '::before').content;
    expect(label('events-cell')).to.contain('Campaign events');
    expect(label('response')).to.contain('Response');
    expect(label('date')).to.contain('Date');
    const head = $(tab, 'thead').getBoundingClientRect();
    expect(head.height, 'the column headers are there for assistive technology only').to.be.at.most(1);
    await expect(tab).to.be.accessible();
  });

  it('a table wider than its container scrolls sideways, and no campaign clips the columns scrolled to', async () => {
    const tab = await mountAt(768, 'wide-campaigns-tab');
    const content = $(tab, '.content');
    expect(content.scrollWidth).to.be.greaterThan(content.clientWidth);
    content.scrollLeft = content.scrollWidth;
    for (let i = 0; i < 2; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
    for (const cell of $$(tab, 'tbody[part="campaign"] > tr[part="row"] > *')) {
      const campaign = cell.closest('tbody')!.getBoundingClientRect();
      for (const rect of textRects(cell)) expect(inside(rect, campaign), `${text(cell)} inside its campaign`).to.equal(true);
    }
  });

  it('at a desktop width the columns stay and carry no labels', async () => {
    const tab = await mountAt(1024);
    const row = $(tab, 'tbody[data-campaign="spring"] > tr');
    expect(getComputedStyle(row.querySelector('[part="response"]')!, '::before').content).to.equal('none');
    const [title, events] = [...row.children].map((cell) => cell.getBoundingClientRect());
    expect(Math.abs(title.top - events.top)).to.be.below(1);
  });
});
