import './setup.js';
import { expect, fixture, html } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../src/define/campaign-responses-tab.js';
import type { CampaignResponsesTab } from '../../src/components/campaign-responses-tab/campaign-responses-tab.js';
import { CampaignDataClient } from '../../src/data/data-client.js';
import { FakeAdapter, line, until } from './fake-adapter.js';
import { $, askToDeleteAll, deepActive, text } from './helpers.js';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const HOLD_MS = 1500;

/** A tab whose own `undo-delay-ms` is short, on a client whose undo time is a minute. */
async function mount(undoDelayMs: number) {
  const adapter = new FakeAdapter([line({ id: 'a' }), line({ id: 'b', respondedAt: '2026-01-11T00:00:00.000Z' })]);
  const client = new CampaignDataClient({ adapter, undoDelayMs: 60_000 });
  const tab = await fixture<CampaignResponsesTab>(
    html`<campaign-responses-tab recipient-id="42" undo-delay-ms=${undoDelayMs} .dataClient=${client}></campaign-responses-tab>`,
  );
  await until(() => tab.shadowRoot?.querySelector('table'));
  return { tab, adapter };
}

/** Update Status → Actions → Delete → Delete in the confirmation. */
async function deleteSpring(tab: CampaignResponsesTab): Promise<void> {
  await askToDeleteAll(tab, 'spring-call', '2 responses');
  $<HTMLButtonElement>(tab, '[part~="confirm-delete-button"]').click();
  await until(() => tab.shadowRoot?.querySelector('[part="undo-button"]'));
}

describe('<campaign-responses-tab>: Undo within reach', () => {
  afterEach(() => resetMouse());

  it('after Delete, focus is on the notice and Undo is the next Tab stop; Enter there undoes', async () => {
    const { tab, adapter } = await mount(HOLD_MS);
    await deleteSpring(tab);
    await until(() => deepActive() === $(tab, '[part="snackbar"]'));
    expect(text($(tab, '[part="snackbar"]'))).to.contain('Deleted 2 responses to Spring Launch.');
    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal($(tab, '[part="undo-button"]'));
    await sendKeys({ press: 'Enter' });
    await until(() => text($(tab, 'tbody[data-campaign="spring"] [part="response"]')) === 'Responded');
    await wait(HOLD_MS + 200);
    expect(adapter.callsOf('deleteAllResponses')).to.have.length(0);
  });

  it('undo-delay-ms sets the undo time, which stands still while Undo has focus and runs on after', async () => {
    // Long enough that the Tab (or the pointer's move, below) arrives before the time is up, even
    // through a WebDriver on a loaded machine; the waits then pass the whole time.
    const { tab, adapter } = await mount(HOLD_MS);
    await deleteSpring(tab);
    await until(() => deepActive() === $(tab, '[part="snackbar"]'));
    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal($(tab, '[part="undo-button"]'));
    await wait(HOLD_MS + 500);
    expect(adapter.callsOf('deleteAllResponses'), 'held while Undo has focus').to.have.length(0);
    $<HTMLButtonElement>(tab, '[part="add-button"]').focus();
    // The element's time, not the client's minute.
    await until(() => adapter.callsOf('deleteAllResponses').length === 1, HOLD_MS * 2);
  });

  it('the undo time stands still while the pointer is over the notice', async () => {
    const { tab, adapter } = await mount(HOLD_MS);
    await deleteSpring(tab);
    const box = $(tab, '[part="snackbar"]').getBoundingClientRect();
    await sendMouse({ type: 'move', position: [Math.round(box.left + 4), Math.round(box.top + box.height / 2)] });
    await wait(HOLD_MS + 500);
    expect(adapter.callsOf('deleteAllResponses'), 'held while pointed at').to.have.length(0);
    await sendMouse({ type: 'move', position: [1, 1] });
    await until(() => adapter.callsOf('deleteAllResponses').length === 1, HOLD_MS * 2);
  });
});
