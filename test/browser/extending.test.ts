/**
 * What a plugin author does with the kit: subclass an element (the classes are exported and
 * register nothing), override its documented render pieces, register it under another tag; and
 * what a host adds without subclassing: its own response details and labels in the vocabulary, and
 * its own wording in the translation table.
 */
import './setup.js';
import { expect, fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
// The children the tab renders, registered under their own tags; the tab itself is not.
import '../../src/define/add-response-dialog.js';
import '../../src/define/response-history.js';
import { CampaignResponsesTab, ResponseHistory, DEFAULT_VOCABULARY, extendVocabulary, registerTranslation } from '../../src/index.js';
import type { CampaignRowContext, LineContext } from '../../src/index.js';
import { CampaignDataClient } from '../../src/data/data-client.js';
import type { RecipientCampaign, ResponseLine } from '../../src/model/types.js';
import { FakeAdapter, line, until } from './fake-adapter.js';
import { $, $$, dialogOf, text } from './helpers.js';

const OWNERS: Record<string, string> = { spring: 'Grace', legacy: 'Linus' };

/** A plugin's tab: one more column, the campaign's owner in the host's CRM. */
class OwnerColumnTab extends CampaignResponsesTab {
  protected override renderColumns(): TemplateResult {
    return html`${super.renderColumns()}<th scope="col" role="columnheader" part="column-header">Owner</th>`;
  }

  protected override renderCells(campaign: RecipientCampaign, row: CampaignRowContext): TemplateResult {
    return html`${super.renderCells(campaign, row)}<td role="cell" part="owner">${OWNERS[campaign.id] ?? '—'}</td>`;
  }
}

/** A plugin's history: each line says who recorded it, in the host's own words. */
class AuthoredHistory extends ResponseHistory {
  protected override renderLine(responseLine: ResponseLine, context: LineContext): TemplateResult {
    return html`${super.renderLine(responseLine, context)}<p part="recorded-by" data-for=${responseLine.id}>${responseLine.author}</p>`;
  }
}

/** Overrides renderCells() with the kit's own: the rows go the way of a subclass's, not the inline one. */
class SameCellsTab extends CampaignResponsesTab {
  protected override renderCells(campaign: RecipientCampaign, row: CampaignRowContext): TemplateResult {
    return super.renderCells(campaign, row);
  }
}

customElements.define('my-campaign-tab', OwnerColumnTab);
customElements.define('same-cells-tab', SameCellsTab);
customElements.define('plain-campaign-tab', class extends CampaignResponsesTab {});
customElements.define('my-response-history', AuthoredHistory);

describe('extending the kit', () => {
  it('the root registers nothing: the kit tab is not defined by importing the classes', () => {
    expect(customElements.get('campaign-responses-tab')).to.equal(undefined);
    expect(customElements.get('my-campaign-tab')).to.equal(OwnerColumnTab);
  });

  it('a subclass of the tab adds a column, and the tab still lists, expands, and opens Update Status', async () => {
    const adapter = new FakeAdapter([line({ id: 'a', detailId: 'purchased' })]);
    const client = new CampaignDataClient({ adapter });
    const tab = await fixture<OwnerColumnTab>(html`<my-campaign-tab recipient-id="42" .dataClient=${client}></my-campaign-tab>`);
    await until(() => tab.shadowRoot?.querySelector('table'));

    expect($$(tab, 'thead th').map(text)).to.deep.equal(['Campaign', 'Campaign events', 'Response', 'Date', 'Owner']);
    const rows = $$(tab, 'tbody[part="campaign"]');
    expect(rows.map((row) => text(row.querySelector('[part="owner"]')!))).to.deep.equal(['Grace', 'Linus']);
    // The kit's own cells are still there, before the plugin's.
    expect(text(rows[0].querySelector('[part="response-detail"]')!)).to.equal('Purchased');
    expect(rows[0].querySelector('tr')!.lastElementChild!.getAttribute('part')).to.equal('owner');

    // Expanding spans the history over every column, the plugin's included.
    rows[0].querySelector<HTMLButtonElement>('[part="disclosure"]')!.click();
    await until(() => tab.shadowRoot?.querySelector('[part="history-row"]'));
    expect($(tab, '[part="history-row"] td').getAttribute('colspan')).to.equal('5');
    await until(() => $(tab, 'response-history').shadowRoot?.querySelector('[part~="line"]'));

    // Update Status opens the kit's dialog on that event.
    const update = rows[0].querySelector<HTMLButtonElement>('[part="update-button"]')!;
    update.click();
    await until(() => dialogOf(tab).open);
    expect(text($(dialogOf(tab), '[part="target"]'))).to.contain('Spring Launch');
    dialogOf(tab).close();
    await expect(tab).to.be.accessible();
  });

  it("the tab's rows are the same through renderCells() as written inline (its fast path)", async () => {
    const rowsOf = async (tag: 'same-cells-tab' | 'plain-campaign-tab') => {
      const client = new CampaignDataClient({ adapter: new FakeAdapter([line({ id: 'a', detailId: 'mailbox-full', eventId: 'spring-mail' })]) });
      const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
      const tab = document.createElement(tag) as CampaignResponsesTab;
      tab.setAttribute('recipient-id', '42');
      tab.dataClient = client;
      wrapper.append(tab);
      await until(() => tab.shadowRoot?.querySelector('table'));
      return $$(tab, 'tbody').map((body) => body.outerHTML.replace(/<!--[^]*?-->/g, ''));
    };
    const [viaPiece, inline] = [await rowsOf('same-cells-tab'), await rowsOf('plain-campaign-tab')];
    expect(viaPiece).to.have.length(2);
    expect(viaPiece).to.deep.equal(inline);
  });

  it('a subclass of the history shows more of each line', async () => {
    const client = new CampaignDataClient({ adapter: new FakeAdapter([line({ id: 'a', author: 'sam' }), line({ id: 'b', author: 'kim', respondedAt: '2026-01-09T09:00:00.000Z' })]) });
    const history = await fixture<AuthoredHistory>(html`<my-response-history recipient-id="42" .dataClient=${client}></my-response-history>`);
    await until(() => history.shadowRoot?.querySelectorAll('[part="recorded-by"]').length === 2);
    expect($$(history, '[part="recorded-by"]').map(text)).to.deep.equal(['sam', 'kim']);
    expect($$(history, '[part~="line"]')).to.have.length(2);
  });

  it('a host adds its own response details and labels to the vocabulary', async () => {
    const vocabulary = extendVocabulary(DEFAULT_VOCABULARY, {
      categories: [{ id: 'webinar', label: 'Webinar' }],
      details: [
        { id: 'attended-webinar', label: 'Attended the webinar', categoryId: 'webinar', countsAs: { responded: true, lead: true } },
        { id: 'purchased', label: 'Bought', categoryId: 'purchased' },
      ],
    });
    // Extending copies: the built-in vocabulary is unchanged.
    expect(DEFAULT_VOCABULARY.details.find((d) => d.id === 'purchased')!.label).to.equal('Purchased');
    const attended = vocabulary.details.find((d) => d.id === 'attended-webinar')!;
    expect(attended).to.include({ entry: 'manual', channelScope: 'any', legacyEmailOnly: false, bounce: null });
    expect(attended.countsAs).to.deep.equal({ responded: true, lead: true, purchase: false, unsubscribe: false });
    // A relabelled detail keeps what it was, and its place.
    const bought = vocabulary.details.find((d) => d.id === 'purchased')!;
    expect(bought.countsAs.purchase).to.equal(true);
    expect(vocabulary.details.indexOf(bought)).to.equal(DEFAULT_VOCABULARY.details.findIndex((d) => d.id === 'purchased'));
    expect(() => extendVocabulary(DEFAULT_VOCABULARY, { details: [{ id: 'x', label: 'X', categoryId: 'nowhere' }] })).to.throw(/nowhere/);

    const adapter = new FakeAdapter([
      line({ id: 'w', detailId: 'attended-webinar', categoryId: 'webinar' }),
      line({ id: 'p', campaignId: 'legacy', eventId: 'legacy-mail', detailId: 'purchased' }),
    ]);
    adapter.vocabulary = vocabulary;
    const tab = await fixture<OwnerColumnTab>(html`<my-campaign-tab recipient-id="42" .dataClient=${new CampaignDataClient({ adapter })}></my-campaign-tab>`);
    await until(() => tab.shadowRoot?.querySelector('table'));
    expect($$(tab, '[part="response-detail"]').map(text)).to.deep.equal(['Attended the webinar', 'Bought']);
    expect($$(tab, '[part="response-category"]').map(text)).to.deep.equal(['Webinar', 'Purchased']);

    // The dialog offers the host's detail under the host's category.
    $(tab, '[part="update-button"]').click();
    const dialog = dialogOf(tab);
    await until(() => dialog.shadowRoot?.querySelector('optgroup[label="Webinar"]'));
    expect(text(dialog.shadowRoot!.querySelector('optgroup[label="Webinar"]')!)).to.equal('Attended the webinar');
    dialog.close();
  });

  it("a host's own wording comes from the translation table, for a language of its own", async () => {
    registerTranslation('en-x-acme', { 'tab.addResponse': 'Log a reply', 'tab.col.response': 'Reply' });
    const client = new CampaignDataClient({ adapter: new FakeAdapter() });
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="en-x-acme"><my-campaign-tab recipient-id="42" .dataClient=${client}></my-campaign-tab></div>`);
    const tab = wrapper.querySelector<OwnerColumnTab>('my-campaign-tab')!;
    await until(() => tab.shadowRoot?.querySelector('table'));
    expect(text($(tab, '[part="add-button"]'))).to.equal('Log a reply');
    expect($$(tab, 'thead th').map(text)).to.deep.equal(['Campaign', 'Campaign events', 'Reply', 'Date', 'Owner']);
  });
});
