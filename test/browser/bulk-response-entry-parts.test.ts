// Every part <bulk-response-entry> documents is rendered in one of its states, and every part it
// renders is documented (the manifest is generated from the JSDoc).
import './setup.js';
import { expect, fixture, html } from '@open-wc/testing';
import { AuthError, BadRequestError, NotFoundError, UnavailableError, ValidationError } from '../../src/adapter/errors.js';
import { FULL_CAPABILITIES, READ_ONLY_CAPABILITIES, type BackendCapabilities } from '../../src/adapter/capabilities.js';
import { CampaignDataClient } from '../../src/data/data-client.js';
import { PendingDeletion } from '../../src/data/pending-deletion.js';
import type { ResponseLine } from '../../src/model/types.js';
import type { BulkResponseEntry } from '../../src/components/bulk-response-entry/bulk-response-entry.js';
import { CapableFakeAdapter, gate, line, until } from './fake-adapter.js';
import { $ } from './helpers.js';
import { BulkFakeAdapter, CAMPAIGN, PEOPLE, checkList, mountBulk, phaseOf } from './bulk-fixture.js';

const seen = new Set<string>();
function collect(entry: BulkResponseEntry): void {
  for (const holder of entry.shadowRoot!.querySelectorAll('[part]')) {
    for (const part of holder.getAttribute('part')!.split(/\s+/).filter(Boolean)) seen.add(part);
  }
}

describe('<bulk-response-entry>: parts rendered as documented', () => {
  it('in every state', async function () {
    this.timeout(30_000);
    // Input, with an imported file, a file that cannot be read, and the "missing" message.
    const input = await mountBulk({ recipients: PEOPLE });
    const file = $<HTMLInputElement>(input.entry, '#bulk-file');
    Object.defineProperty(file, 'files', { configurable: true, value: [{ name: 'broken.csv', arrayBuffer: () => Promise.reject(new Error('unreadable')) }] });
    file.dispatchEvent(new Event('change'));
    await until(() => input.entry.shadowRoot!.querySelector('[part~="field-error"]'), 15_000);
    collect(input.entry);
    const transfer = new DataTransfer();
    transfer.items.add(new File(['E-Mail\nada@example.com\n'], 'list.csv'));
    Object.defineProperty(file, 'files', { configurable: true, value: transfer.files });
    file.dispatchEvent(new Event('change'));
    await until(() => input.entry.shadowRoot!.querySelector('[part~="column-select"]'), 15_000);
    $<HTMLButtonElement>(input.entry, '[part~="check-button"]').click();
    await until(() => input.entry.shadowRoot!.querySelector('[part~="message"]'));
    collect(input.entry);

    // Checking (held), then failures of the check: an error, no permission.
    for (const failure of [new BadRequestError('bad'), new AuthError('expired', { status: 401 })]) {
      const held = gate();
      const adapter = new BulkFakeAdapter();
      adapter.gates.getRecipientResponses = held.promise;
      adapter.failures.getRecipientResponses = failure;
      const { entry } = await mountBulk({ adapter, recipients: PEOPLE });
      void checkList(entry, 'ada@example.com').catch(() => undefined);
      await until(() => entry.shadowRoot!.querySelector('[part~="progress-bar"]'));
      collect(entry);
      held.open();
      await until(() => entry.shadowRoot!.querySelector('[part~="retry-button"]'));
      collect(entry);
    }

    // A bulk lookup that answers "not found" for the whole request.
    const lookup = new BulkFakeAdapter();
    Object.assign(lookup, { lookupRecipients: () => Promise.reject(new NotFoundError('no such directory')) });
    const lost = await mountBulk({ adapter: lookup });
    void checkList(lost.entry, 'ada@example.com').catch(() => undefined);
    await until(() => lost.entry.shadowRoot!.querySelector('[part~="not-found"]'));
    collect(lost.entry);

    // The preview: found, not found, ambiguous, each duplicate reason.
    const preview = await mountBulk({ adapter: new BulkFakeAdapter(undefined, [line({ id: 'had', recipientId: '50', eventId: 'spring-call', detailId: 'responded' })]), recipients: PEOPLE });
    await checkList(preview.entry, 'ada@example.com\n42\nJonas Weber\nnobody@example.com\n50');
    collect(preview.entry);
    const offline = await mountBulk({ recipients: PEOPLE });
    offline.adapter.failures.getRecipientResponses = new UnavailableError('offline');
    await checkList(offline.entry, 'ada@example.com');
    collect(offline.entry);

    // Saving (held), Cancel, then the summary with a failed line, the rest to send, and Undo.
    const adapter = new BulkFakeAdapter();
    (adapter as unknown as { capabilities: BackendCapabilities }).capabilities = { ...FULL_CAPABILITIES, deleteLine: true, restore: true };
    adapter.failOnce.set('42', new ValidationError('refused', [], { status: 422 }));
    class RestoringClient extends CampaignDataClient {
      override deleteResponse(line: ResponseLine): PendingDeletion {
        return new PendingDeletion(line.recipientId, line.campaignId, 0, async () => ({ deleted: 1 }), line.id);
      }
    }
    const extra = { id: '51', displayName: 'Extra Person', email: 'extra@example.com', timeZone: 'UTC' };
    const saving = await mountBulk({ adapter, client: new RestoringClient({ adapter }), recipients: [...PEOPLE, extra] });
    await checkList(saving.entry, 'ada@example.com\nj.weber@example.com\njonas@other.example\nmueller@example.de\n43\nextra@example.com');
    const held = gate();
    adapter.gates.addResponse = held.promise;
    $<HTMLButtonElement>(saving.entry, '[part~="save-button"]').click();
    await until(() => saving.entry.shadowRoot!.querySelector('[part~="progress-bar"]'));
    collect(saving.entry);
    $<HTMLButtonElement>(saving.entry, '[part~="cancel-button"]').click();
    held.open();
    await until(() => phaseOf(saving.entry) === 'done');
    await until(() => saving.entry.shadowRoot!.querySelector('[part~="undo-button"]'));
    collect(saving.entry);
    $<HTMLButtonElement>(saving.entry, '[part~="undo-button"]').click();
    await until(() => saving.entry.shadowRoot!.querySelector('[part~="undo-message"]'));
    collect(saving.entry);

    // No campaign; a person who may not write.
    const none = await mountBulk();
    none.entry.campaign = undefined;
    await none.entry.updateComplete;
    collect(none.entry);
    const readOnly = new CapableFakeAdapter(READ_ONLY_CAPABILITIES);
    const reader = await fixture<BulkResponseEntry>(html`<bulk-response-entry .campaign=${CAMPAIGN} .dataClient=${new CampaignDataClient({ adapter: readOnly })}></bulk-response-entry>`);
    await until(() => reader.shadowRoot!.querySelector('[part~="read-only"]'));
    collect(reader);

    const manifest = (await (await fetch('/custom-elements.json')).json()) as { modules: { declarations?: { tagName?: string; cssParts?: { name: string }[] }[] }[] };
    const declaration = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === 'bulk-response-entry')!;
    const documented = new Set((declaration.cssParts ?? []).map((p) => p.name));
    expect([...documented].filter((part) => !seen.has(part)), 'documented, never rendered').to.deep.equal([]);
    expect([...seen].filter((part) => !documented.has(part)), 'rendered, not documented').to.deep.equal([]);
  });
});
