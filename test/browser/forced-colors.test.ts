/**
 * Forced colours (Windows High Contrast and the like): the page's colours are replaced by the
 * system's, so whatever the kit says with colour alone must be said another way. Emulated with the
 * `cr-emulate-media` server command (DevTools' media emulation; the runner's own `emulate-media`
 * knows only some features), so this file runs in Chromium only (web-test-runner.firefox.config.mjs
 * says why). Each assertion is checked both ways: what holds under forced colours must not already
 * hold without them.
 */
import './setup.js';
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/define/all.js';
import { CampaignDataClient } from '../../src/data/data-client.js';
import { CampaignReportsClient } from '../../src/data/reports-client.js';
import type { CampaignResponsesTab } from '../../src/components/campaign-responses-tab/campaign-responses-tab.js';
import type { CampaignStatsPanel } from '../../src/components/campaign-stats-panel/campaign-stats-panel.js';
import { FakeAdapter, line, until } from './fake-adapter.js';
import { FakeReportsAdapter } from '../support/browser/fake-reports-adapter.js';
import { $, $$, dialogOf } from './helpers.js';

const FORCED = '(forced-colors: active)';

async function forcedColors(on: boolean): Promise<void> {
  await executeServerCommand('cr-emulate-media', { features: on ? [{ name: 'forced-colors', value: 'active' }] : [] });
  await until(() => matchMedia(FORCED).matches === on);
}

/** Runs `check` without forced colours and then with them (and leaves them off). */
async function bothWays(check: (forced: boolean) => void | Promise<void>): Promise<void> {
  await forcedColors(false);
  await check(false);
  await forcedColors(true);
  try {
    await check(true);
  } finally {
    await forcedColors(false);
  }
}

describe('forced colours (emulated)', () => {
  after(() => forcedColors(false));

  it('<campaign-responses-tab>: the chevron, a background gradient normally, becomes a glyph in a system colour', async () => {
    const client = new CampaignDataClient({ adapter: new FakeAdapter([line({ id: 'a' })]) });
    const tab = await fixture<CampaignResponsesTab>(html`<campaign-responses-tab recipient-id="42" .dataClient=${client}></campaign-responses-tab>`);
    await until(() => tab.shadowRoot?.querySelector('[part="disclosure"]'));
    const disclosure = $(tab, '[part="disclosure"]');
    await bothWays((forced) => {
      const glyph = getComputedStyle(disclosure, '::before').content;
      if (forced) {
        expect(glyph).to.contain('▸');
        expect(getComputedStyle(disclosure).backgroundImage).to.equal('none');
      } else {
        expect(glyph).to.equal('none');
        expect(getComputedStyle(disclosure).backgroundImage).to.contain('conic-gradient');
      }
    });
  });

  it('<add-response-dialog>: Save, told apart by its accent fill normally, gets a thicker border', async () => {
    const client = new CampaignDataClient({ adapter: new FakeAdapter([line({ id: 'a' })]) });
    const tab = await fixture<CampaignResponsesTab>(html`<campaign-responses-tab recipient-id="42" .dataClient=${client}></campaign-responses-tab>`);
    await until(() => tab.shadowRoot?.querySelector('[part="add-button"]:not([disabled])'));
    $(tab, '[part="add-button"]').click();
    await until(() => dialogOf(tab)?.open);
    const dialogElement = tab.shadowRoot!.querySelector('add-response-dialog')!;
    const save = $(dialogElement, '[part="save-button"]');
    const cancel = $(dialogElement, '[part="cancel-button"]');
    await bothWays((forced) => {
      const saveBorder = parseFloat(getComputedStyle(save).borderTopWidth);
      const otherBorder = parseFloat(getComputedStyle(cancel).borderTopWidth);
      if (forced) expect(saveBorder).to.be.greaterThan(otherBorder);
      else expect(saveBorder).to.equal(otherBorder);
    });
    dialogOf(tab).close();
  });

  it('<campaign-stats-panel>: the timeline series stay three different colours (system colours, not forced to one)', async () => {
    const client = new CampaignReportsClient({ adapter: new FakeReportsAdapter() });
    const panel = await fixture<CampaignStatsPanel>(html`<campaign-stats-panel campaign-id="spring" .reportsClient=${client}></campaign-stats-panel>`);
    await until(() => panel.shadowRoot?.querySelector('[part~="timeline-chart"] rect'));
    const fills = () =>
      new Set([0, 1, 2].map((series) => getComputedStyle(panel.shadowRoot!.querySelector(`[part~="timeline-chart"] .series-${series}`)!).fill));
    const legend = () => new Set($$(panel, '.swatch').map((swatch) => getComputedStyle(swatch).backgroundColor));
    await bothWays((forced) => {
      expect(fills().size, `series fills, forced: ${forced}`).to.equal(3);
      expect(legend().size, `legend swatches, forced: ${forced}`).to.equal(3);
      if (forced) {
        // The three are the system's: the same as a system colour keyword resolves to now.
        const probe = document.createElement('span');
        probe.style.color = 'Highlight';
        document.body.append(probe);
        const highlight = getComputedStyle(probe).color;
        probe.remove();
        expect(getComputedStyle(panel.shadowRoot!.querySelector('[part~="timeline-chart"] .series-1')!).fill).to.equal(highlight);
      }
    });
  });
});
