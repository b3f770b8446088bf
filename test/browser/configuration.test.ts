/**
 * Configuration that cannot half-work: an element that finds no data source (no property, no
 * provider, no configureCampaignKit) names all three and the README section that explains them; an
 * element configured by property does not configure its neighbours (the sync status next to a tab
 * with api-base is the case adopters met); and a server that refuses the page's origin (CORS) is told
 * apart from one that does not answer.
 */
import './setup.js';
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/define/all.js';
import { configureCampaignKit, resetCampaignKit } from '../../src/data/configure.js';
import { until } from './fake-adapter.js';

const alertOf = (element: Element) => element.shadowRoot?.querySelector('[role="alert"]')?.textContent?.trim() ?? '';

type Api = { apiBase: string; token: string };

describe('configuration', function () {
  this.timeout(30_000);
  let direct: Api;
  before(async function () {
    // The first command starts the reference server (a fresh database): on a busy machine that can
    // outlast one command's 20 s, and asking again awaits the same start.
    this.timeout(120_000);
    for (let attempt = 1; !direct; attempt += 1) {
      try {
        direct = (await executeServerCommand('reliability-direct')) as Api;
      } catch (error) {
        if (attempt === 4) throw error;
      }
    }
  });
  afterEach(() => resetCampaignKit());

  const recipientSide = ['campaign-responses-tab', 'response-history', 'campaign-sync-status'];
  const campaignSide = ['campaign-stats-panel', 'campaign-response-report', 'campaign-clickthrough-report'];
  for (const tag of [...recipientSide, ...campaignSide]) {
    it(`<${tag}> with no data source names the property, the provider and configureCampaignKit, and the README section`, async () => {
      const element = document.createElement(tag);
      element.setAttribute('recipient-id', '42');
      element.setAttribute('campaign-id', 'spring');
      await fixture(html`<div></div>`).then((div) => div.append(element));
      await until(() => alertOf(element) !== '', 5000);
      const message = alertOf(element);
      expect(message).to.contain(recipientSide.includes(tag) ? 'the dataClient property' : 'the reportsClient property');
      expect(message).to.contain('<campaign-data-provider>');
      expect(message).to.contain('configureCampaignKit()');
      expect(message).to.contain('“Configuring the data source” in the README');
    });
  }

  it('a tab configured by its properties leaves the sync status beside it unconfigured, and configureCampaignKit() serves both', async () => {
    const { apiBase, token } = (await executeServerCommand('reliability-start', {})) as Api;
    const page = await fixture(html`<div>
      <campaign-sync-status></campaign-sync-status>
      <campaign-responses-tab recipient-id="42" .apiBase=${apiBase} .token=${token}></campaign-responses-tab>
    </div>`);
    const status = page.querySelector('campaign-sync-status')!;
    await until(() => alertOf(status).includes('configureCampaignKit()'), 5000);
    configureCampaignKit({ apiBase, getToken: async () => token });
    await until(() => alertOf(status) === '' && status.shadowRoot!.querySelector('[part~="summary"], [part~="notice"]') !== null);
  });

  it('a server that refuses this origin (CORS) says the origin is not allowed, not that it did not answer', async () => {
    const { apiBase, token } = direct;
    expect(new URL(apiBase).origin).not.to.equal(location.origin);
    const tab = await fixture(html`<campaign-responses-tab recipient-id="42" .apiBase=${apiBase} .token=${token}></campaign-responses-tab>`);
    await until(() => alertOf(tab) !== '', 15_000);
    expect(alertOf(tab)).to.contain(`this origin (${location.origin}) is not allowed`);
    expect(alertOf(tab)).not.to.contain('did not answer');
  });

  it('a server that does not answer at all still says so', async () => {
    const tab = await fixture(html`<campaign-responses-tab recipient-id="42" api-base="http://127.0.0.1:9/api" .token=${'t'}></campaign-responses-tab>`);
    await until(() => alertOf(tab) !== '', 15_000);
    expect(alertOf(tab)).to.contain('did not answer');
    expect(alertOf(tab)).not.to.contain('not allowed');
  });
});
