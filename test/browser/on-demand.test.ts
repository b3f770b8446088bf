// The tab paints without the dialog and the history (their modules load on demand), warms them on
// focus, hover and idle time, and a click on a cold page still opens the dialog once its module is
// there. The loaders are held by a gate (on-demand-gate.ts) so the test, not the network, decides
// when the modules arrive. The tests share one page and run in order: cold first, warm after.
import './setup.js';
import './on-demand-gate.js';
import { expect } from '@open-wc/testing';
import '../../src/define/campaign-responses-tab.js';
import type { CampaignResponsesTab } from '../../src/components/campaign-responses-tab/campaign-responses-tab.js';
import { CampaignDataClient } from '../../src/data/data-client.js';
import { FakeAdapter, line, until } from './fake-adapter.js';
import { $, dialogOf, text } from './helpers.js';
import { openGate, probeLoadsWith, started } from './on-demand-gate.js';

const DIALOG = 'add-response-dialog';
const HISTORY = 'response-history';

/** Frames that pass until `check` holds (at most `max`, then fails). */
async function framesUntil(check: () => unknown, max = 30): Promise<number> {
  for (let frames = 0; frames <= max; frames += 1) {
    if (check()) return frames;
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  throw new Error(`not within ${max} frames`);
}

const container = document.createElement('div');
document.body.append(container);

/**
 * Mounts a tab (kept between the tests of this page: they run in order) and resolves in the
 * microtask after the render that shows its table: before any other task (an idle callback) runs.
 */
async function mountUntilPainted(): Promise<CampaignResponsesTab> {
  const client = new CampaignDataClient({ adapter: new FakeAdapter([line({ id: 'a', note: 'first call' })]) });
  const tab = document.createElement('campaign-responses-tab');
  tab.recipientId = '42';
  tab.dataClient = client;
  // The shadow root is made on connection; the first render comes in a later microtask.
  container.append(tab);
  await new Promise<void>((resolve) => {
    const observer = new MutationObserver(() => {
      if (!tab.shadowRoot!.querySelector('table')) return;
      observer.disconnect();
      resolve();
    });
    observer.observe(tab.shadowRoot!, { childList: true, subtree: true });
  });
  return tab;
}

describe('<campaign-responses-tab> loads its dialog and history on demand', () => {
  let tab: CampaignResponsesTab | undefined;

  it('paints its table without loading the dialog or the history, then warms them on focus and hover', async () => {
    probeLoadsWith(() => Boolean(tab?.shadowRoot?.querySelector('table')));
    tab = await mountUntilPainted();
    expect(customElements.get(DIALOG)).to.equal(undefined);
    expect(customElements.get(HISTORY)).to.equal(undefined);
    // Nothing asked for yet; still the microtask after the paint, so the idle callback has not run.
    expect(started).to.deep.equal([]);
    // The event focus() makes: a page that runs beside others in the same browser has no focus of
    // its own, and there focus() moves the focus without firing it.
    $<HTMLButtonElement>(tab, '[part="add-button"]').dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
    expect(started).to.deep.equal([{ tag: DIALOG, at: true }]);
    $(tab, '[part="disclosure"]').dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
    expect(started).to.deep.equal([{ tag: DIALOG, at: true }, { tag: HISTORY, at: true }]);
  });

  it('opens the dialog on a click made before its module arrived, once it is there', async () => {
    const addButton = $<HTMLButtonElement>(tab!, '[part="add-button"]');
    addButton.click();
    const dialog = dialogOf(tab!);
    // Rendered already, as an element still waiting for its definition.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(customElements.get(DIALOG)).to.equal(undefined);
    expect(dialog.shadowRoot).to.equal(null);
    openGate();
    await until(() => dialog.open && dialog.shadowRoot?.querySelector('#campaignId'));
    expect(text($(dialog, 'h2'))).to.equal('New Campaign Response');
    expect(dialog.dataClient, 'the properties set before the upgrade reached the element').to.be.an('object');
    $<HTMLButtonElement>(dialog, '[part="cancel-button"]').click();
    await until(() => !dialog.open);
  });

  it('on the warm page a click opens the dialog within 2 frames', async () => {
    const second = await mountUntilPainted();
    $<HTMLButtonElement>(second, '[part="add-button"]').click();
    const frames = await framesUntil(() => dialogOf(second).open);
    expect(frames).to.be.at.most(2);
    second.remove();
  });

  it('expands a history whose module was asked for before', async () => {
    $<HTMLButtonElement>(tab!, '[part="disclosure"]').click();
    await until(() => tab!.shadowRoot!.querySelector('response-history')?.shadowRoot?.querySelector('[part="line-note"]'));
    expect(text($(tab!, 'response-history').shadowRoot!.querySelector('[part="line-note"]')!)).to.equal('first call');
    tab!.remove();
  });
});
