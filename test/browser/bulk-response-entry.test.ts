import './setup.js';
import { expect } from '@open-wc/testing';
import { UnavailableError, ValidationError } from '../../src/adapter/errors.js';
import { BulkSavedEvent } from '../../src/events/bulk-saved.js';
import { line, until } from './fake-adapter.js';
import { $, $$, text } from './helpers.js';
import { BulkFakeAdapter, PEOPLE, checkList, mountBulk, phaseOf, rowsShown, summaryOf } from './bulk-fixture.js';

describe('<bulk-response-entry>', () => {
  it('matches pasted emails, ids and names: found, not found, ambiguous with the choices; each duplicate reason, left out', async function () {
    // Two axe runs and the first mount of the file: slow on a busy machine, in Firefox most.
    this.timeout(20_000);
    const adapter = new BulkFakeAdapter(undefined, [line({ id: 'had', recipientId: '50', eventId: 'spring-call', detailId: 'responded' })]);
    const { entry } = await mountBulk({ adapter, recipients: PEOPLE });
    await expect(entry).to.be.accessible();
    await checkList(entry, 'ADA@example.com\n42\nJonas Weber\nnobody@example.com\n50\n');
    expect(rowsShown(entry)).to.deep.equal([
      'ADA@example.com | Ada Lovelace ada@example.com | - | in',
      '42 | Ada Lovelace ada@example.com | Duplicate: twice in the list | out',
      'Jonas Weber | Ambiguous: choose | - | out',
      'nobody@example.com | Not found | - | out',
      '50 | Renate Müller mueller@example.de | Duplicate: already has this response on this event | out',
    ]);
    const choices = $$<HTMLOptionElement>(entry, '[part~="choice"] option').map((o) => o.value);
    expect(choices).to.deep.equal(['', '43', '44']);
    expect(summaryOf(entry)).to.equal('5 rows: 3 found, 1 not found, 1 ambiguous, 2 duplicates. 1 will be saved.');
    await expect(entry).to.be.accessible();
  });

  it('an ambiguous row resolved by a choice, and a duplicate put back in, are saved', async () => {
    const { entry, adapter } = await mountBulk({ recipients: PEOPLE });
    await checkList(entry, 'Jonas Weber\n43\nada@example.com');
    const choice = $<HTMLSelectElement>(entry, '[part~="choice"]');
    choice.value = '44';
    choice.dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => rowsShown(entry)[0].startsWith('Jonas Weber | Jonas Weber jonas@other.example'));
    expect(rowsShown(entry)[0]).to.equal('Jonas Weber | Jonas Weber jonas@other.example | - | in');
    const box = $$<HTMLInputElement>(entry, '[part~="row-include"]')[1];
    expect(box.checked).to.equal(true, 'the other Jonas Weber (43) is not a duplicate');
    $<HTMLButtonElement>(entry, '[part~="save-button"]').click();
    await until(() => phaseOf(entry) === 'done');
    expect(adapter.callsOf('addResponse').map((c) => (c.args[0] as { recipientId: string }).recipientId).sort()).to.deep.equal(['42', '43', '44']);
  });

  it('offline: who already responded is "not checked (offline)", left out; an id nobody could check is kept as typed', async () => {
    const { entry, adapter } = await mountBulk({ recipients: [] });
    adapter.failures.getRecipientResponses = new UnavailableError('offline');
    adapter.failures.getRecipientCampaigns = new UnavailableError('offline');
    await checkList(entry, '42\n77');
    expect(rowsShown(entry)).to.deep.equal([
      '42 | 42 | Not checked (offline) | out',
      '77 | 77 | Not checked (offline) | out',
    ]);
    await expect(entry).to.be.accessible();
  });

  it('offline: one button keeps every row not checked, and is gone once they are kept', async () => {
    const { entry, adapter } = await mountBulk({ recipients: PEOPLE });
    adapter.failures.getRecipientResponses = new UnavailableError('offline');
    await checkList(entry, 'ada@example.com\nj.weber@example.com\nada@example.com');
    const keep = $<HTMLButtonElement>(entry, '[part~="include-unchecked-button"]');
    expect(text(keep)).to.equal('Save the 2 rows not checked (offline) too');
    keep.click();
    await until(() => text($(entry, '[part~="save-button"]')) === 'Save 2 responses');
    // The row twice in the list stays out: only "not checked" rows are put back.
    expect(rowsShown(entry).map((row) => row.split(' | ').pop())).to.deep.equal(['in', 'in', 'out']);
    expect(entry.shadowRoot!.querySelector('[part~="include-unchecked-button"]')).to.equal(null);
    await expect(entry).to.be.accessible();
  });

  it('saves with progress; a line the server refuses is listed with its reason; Retry failed sends it again with the same id', async () => {
    const { entry, adapter } = await mountBulk({ recipients: PEOPLE });
    adapter.failOnce.set('43', new ValidationError('The campaign was not sent to this recipient.', [], { status: 422 }));
    const saved: BulkSavedEvent[] = [];
    entry.addEventListener(BulkSavedEvent.type, (event) => saved.push(event));
    await checkList(entry, 'ada@example.com\nj.weber@example.com\nmueller@example.de\nada@example.com');
    $<HTMLButtonElement>(entry, '[part~="save-button"]').click();
    await until(() => phaseOf(entry) === 'done');
    expect(summaryOf(entry)).to.equal('Saved 2, of which 0 wait on this device to be sent. Skipped as duplicates: 1. Failed: 1. Not sent (cancelled): 0.');
    expect(text($(entry, '[part~="failed-list"]'))).to.equal('j.weber@example.com: The campaign was not sent to this recipient.');
    expect(saved).to.have.length(1);
    await expect(entry).to.be.accessible();
    const failedId = (adapter.callsOf('addResponse').find((c) => (c.args[0] as { recipientId: string }).recipientId === '43')!.args[0] as { id: string }).id;
    $<HTMLButtonElement>(entry, '[part~="retry-button"]').click();
    await until(() => saved.length === 2);
    expect(summaryOf(entry)).to.match(/^Saved 3, .* Failed: 0\./);
    const retried = adapter.callsOf('addResponse').filter((c) => (c.args[0] as { recipientId: string }).recipientId === '43');
    expect(retried.map((c) => (c.args[0] as { id: string }).id)).to.deep.equal([failedId, failedId]);
    expect(entry.shadowRoot!.querySelector('[part~="retry-button"]')).to.equal(null);
  });

  it('Cancel mid-save: no further line starts; the rest are counted as not sent and can be sent later', async () => {
    const people = Array.from({ length: 12 }, (_, i) => ({ id: `p${i}`, displayName: `Person ${i}`, email: `p${i}@example.com`, timeZone: 'UTC' }));
    const adapter = new BulkFakeAdapter(people);
    const { entry } = await mountBulk({ adapter, recipients: people });
    await checkList(entry, people.map((p) => p.email).join('\n'));
    adapter.delays.addResponse = 80;
    $<HTMLButtonElement>(entry, '[part~="save-button"]').click();
    await until(() => entry.shadowRoot!.querySelector('progress'));
    expect($<HTMLProgressElement>(entry, 'progress').max).to.equal(12);
    await expect(entry).to.be.accessible();
    await until(() => adapter.callsOf('addResponse').length >= 4);
    $<HTMLButtonElement>(entry, '[part~="cancel-button"]').click();
    await until(() => phaseOf(entry) === 'done', 3000);
    const sent = adapter.callsOf('addResponse').length;
    expect(sent).to.be.below(12);
    expect(summaryOf(entry)).to.contain(`Saved ${sent},`).and.contain(`Not sent (cancelled): ${12 - sent}.`);
    adapter.delays.addResponse = 0;
    $<HTMLButtonElement>(entry, '[part~="send-rest-button"]').click();
    await until(() => summaryOf(entry).startsWith('Saved 12,'));
    expect(adapter.callsOf('addResponse')).to.have.length(12);
  });

  it('a Delete of the same campaign still waiting for Undo is sent before the batch', async () => {
    const { entry, adapter, client } = await mountBulk({ recipients: PEOPLE });
    client.deleteAllResponses('42', 'spring', { undoDelayMs: 60_000 });
    await checkList(entry, 'ada@example.com\nj.weber@example.com');
    $<HTMLButtonElement>(entry, '[part~="save-button"]').click();
    await until(() => phaseOf(entry) === 'done');
    // The delete-all names recipient 42's lines: 42's new line must reach the backend after it (the
    // other recipient's line may go first, the delete cannot touch it).
    const order = adapter.calls
      .filter((c) => c.method === 'deleteAllResponses' || c.method === 'addResponse')
      .map((c) => (c.method === 'addResponse' ? `add ${(c.args[0] as { recipientId: string }).recipientId}` : 'delete-all'));
    expect(order.indexOf('delete-all'), order.join(', ')).to.be.greaterThan(-1);
    expect(order.indexOf('delete-all'), order.join(', ')).to.be.lessThan(order.indexOf('add 42'));
    expect(order.filter((m) => m.startsWith('add'))).to.have.length(2);
  });

  it('asks for the detail and a list before checking', async () => {
    const { entry } = await mountBulk();
    $<HTMLButtonElement>(entry, '[part~="check-button"]').click();
    await until(() => entry.shadowRoot!.querySelector('[part~="message"]'));
    expect(text($(entry, '[part~="message"]'))).to.contain('Choose the event and the response detail');
    await expect(entry).to.be.accessible();
  });
});
