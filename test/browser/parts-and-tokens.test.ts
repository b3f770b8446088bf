/**
 * The styling contract of every element against its documentation: the parts and CSS custom
 * properties in custom-elements.json (generated from the JSDoc) against what the rendered element
 * has. Each element is driven through its states (loading, empty, failures, loaded, marks, menus,
 * questions); the parts seen in any of them are collected, with the parts a child element's
 * `exportparts` re-exports (`dialog__save-button`), and the `--cr-*` tokens its stylesheets read.
 * A part or token documented but never seen fails, and so does one seen but not documented.
 */
import './setup.js';
import { expect, fixture, html, fixtureCleanup } from '@open-wc/testing';
import type { LitElement } from 'lit';
import '../../src/define/all.js';
import { CampaignDataClient } from '../../src/data/data-client.js';
import { CampaignReportsClient } from '../../src/data/reports-client.js';
import { AuthError, UnavailableError } from '../../src/adapter/errors.js';
import { withAsOf, withSyncMark } from '../../src/data/marks.js';
import type { SyncState } from '../../src/data/marks.js';
import type { OfflineMode, SyncStatus } from '../../src/data/sync.js';
import { EMPTY_SYNC_STATUS } from '../../src/data/sync.js';
import type { HistoryQuery } from '../../src/adapter/types.js';
import type { Page, RecipientCampaigns, ResponseLine } from '../../src/model/types.js';
import type { AddResponseDialog } from '../../src/components/add-response-dialog/add-response-dialog.js';
import type { CampaignResponsesTab } from '../../src/components/campaign-responses-tab/campaign-responses-tab.js';
import type { ResponseHistory } from '../../src/components/response-history/response-history.js';
import type { CampaignResponseReport } from '../../src/components/campaign-response-report/campaign-response-report.js';
import { DeleteRequestEvent } from '../../src/events/delete-request.js';
import { CapableFakeAdapter, FakeAdapter, gate, line, until } from './fake-adapter.js';
import { READ_ONLY_CAPABILITIES } from '../../src/adapter/capabilities.js';
import { FakeLive } from '../support/browser/fake-live.js';
import { BARE_STATS, FakeReportsAdapter, reportRow, SPRING_STATS } from '../support/browser/fake-reports-adapter.js';
import { captureDownloads, withPicker } from '../support/browser/csv-download.js';
import { $, dialogOf } from './helpers.js';

interface Declaration {
  tagName?: string;
  cssParts?: { name: string }[];
  cssProperties?: { name: string }[];
}
let declarations: Declaration[] = [];

function declared(tag: string): { parts: Set<string>; tokens: Set<string> } {
  const declaration = declarations.find((d) => d.tagName === tag);
  if (!declaration) throw new Error(`${tag} is not in custom-elements.json`);
  return {
    parts: new Set((declaration.cssParts ?? []).map((p) => p.name)),
    tokens: new Set((declaration.cssProperties ?? []).map((p) => p.name)),
  };
}

/** What one element showed over its states. */
class Seen {
  parts = new Set<string>();
  tokens = new Set<string>();
  declaredOnHost: string[] = [];

  /** Adds what `element`'s shadow root holds now. */
  collect(element: Element): void {
    const root = element.shadowRoot;
    if (!root) throw new Error(`${element.localName} has no shadow root`);
    for (const holder of root.querySelectorAll('[part]')) {
      for (const part of holder.getAttribute('part')!.split(/\s+/).filter(Boolean)) this.parts.add(part);
    }
    for (const child of root.querySelectorAll('[exportparts]')) {
      if (!child.shadowRoot) continue;
      const childParts = declared(child.localName).parts;
      for (const mapping of child.getAttribute('exportparts')!.split(',')) {
        const [inner, outer = inner] = mapping.split(':').map((name) => name.trim());
        // An export of a part the child does not have is as wrong as an undocumented part.
        this.parts.add(childParts.has(inner) ? outer : `${outer} (exports ${child.localName}'s unknown part ${inner})`);
      }
    }
    const css = stylesheetText(element);
    for (const [token] of css.matchAll(/--cr-[a-z0-9-]+/g)) this.tokens.add(token);
    // Tokens are the host's to set: an element only reads them (into private --_ variables).
    this.declaredOnHost.push(...[...css.matchAll(/(--cr-[a-z0-9-]+)\s*:/g)].map((match) => match[1]));
  }
}

function stylesheetText(element: Element): string {
  const adopted = element.shadowRoot?.adoptedStyleSheets ?? [];
  if (adopted.length > 0) return adopted.flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText)).join('\n');
  return (element.constructor as typeof LitElement).elementStyles.map((style) => ('cssText' in style ? style.cssText : '')).join('\n');
}

function expectMatches(tag: string, seen: Seen): void {
  const { parts, tokens } = declared(tag);
  expect([...parts].filter((p) => !seen.parts.has(p)), `${tag}: parts documented but never rendered`).to.deep.equal([]);
  expect([...seen.parts].filter((p) => !parts.has(p)), `${tag}: parts rendered but not documented`).to.deep.equal([]);
  expect([...tokens].filter((t) => !seen.tokens.has(t)), `${tag}: tokens documented but never read`).to.deep.equal([]);
  expect([...seen.tokens].filter((t) => !tokens.has(t)), `${tag}: tokens read but not documented`).to.deep.equal([]);
  expect(seen.declaredOnHost, `${tag}: --cr-* tokens set by the element itself`).to.deep.equal([]);
}

function hasPart(element: Element, part: string): () => unknown {
  const check = () => element.shadowRoot?.querySelector(`[part~="${part}"]`);
  // Named in the failure message of until().
  check.toString = () => `part "${part}" in <${element.localName}>`;
  return check;
}

const SYNC_STATES: SyncState[] = ['pending', 'syncing', 'failed', 'conflict'];
const markOf = (state: SyncState, index: number) => ({
  state,
  opId: `op-${index}`,
  ...(state === 'failed' || state === 'conflict' ? { error: { kind: 'validation', message: 'refused', status: 422 } } : {}),
});

/**
 * A client whose lists carry what an offline client adds: each of the four sync marks, an as-of
 * time (read from the device's cache), and a status and mode the test sets.
 */
class MarkingClient extends CampaignDataClient {
  mode: OfflineMode = 'unavailable';
  status: SyncStatus | undefined;

  override get offlineMode(): OfflineMode {
    return this.mode;
  }

  override async getRecipientCampaigns(recipientId: string, options = {}): Promise<RecipientCampaigns> {
    const answer = await super.getRecipientCampaigns(recipientId, options);
    const campaigns = SYNC_STATES.map((state, i) => {
      const campaign = answer.campaigns[i % answer.campaigns.length];
      const latest = line({ id: `latest-${i}`, campaignId: campaign.id, eventId: campaign.events[0].id, detailId: i === 0 ? 'mailbox-full' : 'responded' });
      return { ...campaign, id: `${campaign.id}-${state}`, latestResponse: withSyncMark(latest, markOf(state, i)) };
    });
    return withAsOf({ ...answer, campaigns: [...campaigns, ...answer.campaigns] }, Date.now() - 60_000);
  }

  override async getHistoryPage(recipientId: string, query: HistoryQuery = {}): Promise<Page<ResponseLine>> {
    const page = await super.getHistoryPage(recipientId, query);
    const items = page.items.map((item, i) => (i < SYNC_STATES.length ? withSyncMark(item, markOf(SYNC_STATES[i], i)) : item));
    return withAsOf({ ...page, items }, Date.now() - 60_000);
  }

  override async countResponses(): Promise<number> {
    return 3;
  }

  override async getSyncStatus(): Promise<SyncStatus> {
    return this.status ?? (await super.getSyncStatus());
  }
}

const HISTORY_LINES = [
  line({ id: 'h1', note: 'called back' }),
  line({ id: 'h2', detailId: 'clicked-through', source: 'tracked', link: { url: 'https://example.com/offer' } as ResponseLine['link'] }),
  line({ id: 'h3', detailId: 'purchased', respondedAt: '2026-01-09T09:00:00.000Z' }),
  line({ id: 'h4', campaignId: 'legacy', eventId: 'legacy-mail', detailId: 'opened', source: 'tracked', respondedAt: '2026-01-08T09:00:00.000Z' }),
];

/** Mounts `template` and collects once `ready` holds. */
async function state<E extends Element>(seen: Seen, template: unknown, ready: (element: E) => unknown): Promise<E> {
  const element = await fixture<E>(template as Parameters<typeof fixture>[0]);
  await until(() => ready(element));
  seen.collect(element);
  return element;
}

/** The failure states of an element whose adapter method `method` fails: error, auth, not found. */
async function failures(seen: Seen, mount: (failure: Error | 'not-found') => Promise<Element>): Promise<void> {
  for (const failure of [new UnavailableError('down'), new AuthError('expired', { status: 401 }), 'not-found' as const]) {
    const element = await mount(failure);
    await until(hasPart(element, 'retry-button'));
    seen.collect(element);
  }
}


describe('parts and tokens: rendered as documented', () => {
  before(async () => {
    const manifest = (await (await fetch('/custom-elements.json')).json()) as { modules: { declarations?: Declaration[] }[] };
    declarations = manifest.modules.flatMap((module) => module.declarations ?? []);
  });

  it('<campaign-responses-tab>', async () => {
    const seen = new Seen();
    const loading = gate();
    const slow = new FakeAdapter();
    slow.gates.getRecipientCampaigns = loading.promise;
    await state(seen, html`<campaign-responses-tab recipient-id="42" .dataClient=${new CampaignDataClient({ adapter: slow })}></campaign-responses-tab>`, (el) => hasPart(el, 'loading')());
    loading.open();
    const none = new FakeAdapter();
    none.campaigns = [];
    await state(seen, html`<campaign-responses-tab recipient-id="42" .dataClient=${new CampaignDataClient({ adapter: none })}></campaign-responses-tab>`, (el) => hasPart(el, 'empty')());
    await failures(seen, (failure) => {
      const adapter = new FakeAdapter();
      if (failure !== 'not-found') adapter.failures.getRecipientCampaigns = failure;
      return fixture(html`<campaign-responses-tab recipient-id=${failure === 'not-found' ? '999' : '42'} .dataClient=${new CampaignDataClient({ adapter })}></campaign-responses-tab>`);
    });

    const client = new MarkingClient({ adapter: new FakeAdapter([...HISTORY_LINES]), undoDelayMs: 60_000 });
    const tab = await state<CampaignResponsesTab>(seen, html`<campaign-responses-tab recipient-id="42" .dataClient=${client}></campaign-responses-tab>`, (el) => hasPart(el, 'table')());
    $(tab, '[part="update-button"]').click();
    await until(() => dialogOf(tab).shadowRoot?.querySelector('[part~="save-button"]'));
    $(tab, '[part="disclosure"]').click();
    await until(() => tab.shadowRoot?.querySelector('response-history')?.shadowRoot?.querySelector('[part~="empty"], [part~="line"]'));
    seen.collect(tab);
    dialogOf(tab).close();
    // Actions → Delete in the dialog asks the tab; confirmed, the snackbar offers Undo.
    dialogOf(tab).dispatchEvent(new DeleteRequestEvent('42', 'spring-pending'));
    await until(() => tab.shadowRoot?.querySelector<HTMLButtonElement>('[part="confirm-delete-button"]')?.disabled === false);
    $(tab, '[part="confirm-delete-button"]').click();
    await until(hasPart(tab, 'undo-button'));
    seen.collect(tab);
    $(tab, '[part="undo-button"]').click();
    // What the backend cannot do, or does beyond its name: Add Response's reason, Delete's note.
    await state(seen, html`<campaign-responses-tab recipient-id="42" .dataClient=${new CampaignDataClient({ adapter: new CapableFakeAdapter(READ_ONLY_CAPABILITIES) })}></campaign-responses-tab>`, (el) => hasPart(el, 'read-only-reason')());
    const member = await state<CampaignResponsesTab>(seen, html`<campaign-responses-tab recipient-id="42" .dataClient=${new CampaignDataClient({ adapter: new CapableFakeAdapter({ deleteAll: 'membership' }, [line({ id: 'a' })]) })}></campaign-responses-tab>`, (el) => hasPart(el, 'table')());
    $(member, '[part="update-button"]').click();
    await until(() => dialogOf(member).shadowRoot?.querySelector('[part~="save-button"]'));
    dialogOf(member).close();
    dialogOf(member).dispatchEvent(new DeleteRequestEvent('42', 'spring'));
    await until(hasPart(member, 'confirm-note'));
    seen.collect(member);
    // Sent, past Undo: Restore of the whole, and what was kept (a line added meanwhile elsewhere).
    const keptAdapter = new FakeAdapter([line({ id: 'a' })]);
    const sent = await state<CampaignResponsesTab>(seen, html`<campaign-responses-tab recipient-id="42" undo-delay-ms="1500" .dataClient=${new CampaignDataClient({ adapter: keptAdapter })}></campaign-responses-tab>`, (el) => hasPart(el, 'table')());
    $(sent, '[part="update-button"]').click();
    await until(() => dialogOf(sent).shadowRoot?.querySelector('[part~="save-button"]'));
    dialogOf(sent).close();
    dialogOf(sent).dispatchEvent(new DeleteRequestEvent('42', 'spring'));
    await until(() => sent.shadowRoot?.querySelector<HTMLButtonElement>('[part="confirm-delete-button"]')?.disabled === false);
    $(sent, '[part="confirm-delete-button"]').click();
    await until(hasPart(sent, 'undo-button'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    keptAdapter.lines.push(line({ id: 'later', respondedAt: '2026-01-12T09:00:00.000Z' }));
    await until(hasPart(sent, 'kept-note'), 6000);
    seen.collect(sent);
    expectMatches('campaign-responses-tab', seen);
  });

  it('<add-response-dialog>', async () => {
    const seen = new Seen();
    const loading = gate();
    const adapter = new FakeAdapter();
    adapter.gates.getRecipientCampaigns = loading.promise;
    const dialog = await fixture<AddResponseDialog>(html`<add-response-dialog recipient-id="42" .dataClient=${new CampaignDataClient({ adapter })}></add-response-dialog>`);
    await dialog.showNew();
    await until(hasPart(dialog, 'loading'));
    seen.collect(dialog);
    loading.open();
    await until(hasPart(dialog, 'control'));
    $<HTMLFormElement>(dialog, 'form').requestSubmit();
    await until(hasPart(dialog, 'field-error'));
    seen.collect(dialog);
    dialog.close();
    // Its close event comes in a task of its own: the next opening must not meet it.
    await until(() => !hasPart(dialog, 'control')());
    await dialog.showUpdate('spring', 'spring-call');
    await until(hasPart(dialog, 'target'));
    $(dialog, '[part~="menu-button"]').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, composed: true }));
    await until(() => !$(dialog, '[part~="menu"]').hidden);
    seen.collect(dialog);
    const note = $<HTMLTextAreaElement>(dialog, '#note');
    note.value = 'started';
    note.dispatchEvent(new Event('input'));
    $(dialog, '[part~="cancel-button"]').click();
    await until(hasPart(dialog, 'discard-question'));
    seen.collect(dialog);
    dialog.close();
    await failures(seen, async (failure) => {
      const failing = new FakeAdapter();
      if (failure !== 'not-found') failing.failures.getRecipientCampaigns = failure;
      const element = await fixture<AddResponseDialog>(
        html`<add-response-dialog recipient-id=${failure === 'not-found' ? '999' : '42'} .dataClient=${new CampaignDataClient({ adapter: failing })}></add-response-dialog>`,
      );
      await element.showNew();
      return element;
    });
    expectMatches('add-response-dialog', seen);
  });

  it('<response-history>', async () => {
    const seen = new Seen();
    const loading = gate();
    const slow = new FakeAdapter();
    slow.gates.getRecipientResponses = loading.promise;
    await state(seen, html`<response-history recipient-id="42" .dataClient=${new CampaignDataClient({ adapter: slow })}></response-history>`, (el) => hasPart(el, 'loading')());
    loading.open();
    await state(seen, html`<response-history recipient-id="42" .dataClient=${new CampaignDataClient({ adapter: new FakeAdapter() })}></response-history>`, (el) => hasPart(el, 'empty')());
    await failures(seen, (failure) => {
      const adapter = new FakeAdapter();
      if (failure !== 'not-found') adapter.failures.getRecipientResponses = failure;
      return fixture(html`<response-history recipient-id=${failure === 'not-found' ? '999' : '42'} .dataClient=${new CampaignDataClient({ adapter })}></response-history>`);
    });
    const many = [...HISTORY_LINES, ...Array.from({ length: 300 }, (_, i) => line({ id: `more-${i}`, respondedAt: '2025-12-01T09:00:00.000Z' }))];
    const adapter = new FakeAdapter(many);
    const history = await state<ResponseHistory>(
      seen,
      html`<response-history recipient-id="42" .dataClient=${new MarkingClient({ adapter })}></response-history>`,
      (el) => el.shadowRoot?.querySelectorAll('[part~="sync-mark"]').length === SYNC_STATES.length && hasPart(el, 'line-link')(),
    );
    // Pages after the first are slow now (scrolling may already have asked for one).
    adapter.delays.getRecipientResponses = 1000;
    void history.loadMore();
    await until(hasPart(history, 'loading-more'));
    seen.collect(history);
    const latestOnly = new CapableFakeAdapter({ history: 'latest-only' }, [line({ id: 'a' })]);
    await state(seen, html`<response-history recipient-id="42" .dataClient=${new CampaignDataClient({ adapter: latestOnly })}></response-history>`, (el) => hasPart(el, 'history-note')());
    // A line's menu, a deleted line with Restore, a line's changes, the notice of a line's Delete.
    const audited = new FakeAdapter([line({ id: 'a' }), line({ id: 'b', respondedAt: '2026-01-11T09:00:00.000Z' })]);
    audited.record('add', [audited.lines[0]]);
    await audited.deleteResponse('b');
    // The list renders only lines in view: the histories mounted above would push this one out of it.
    fixtureCleanup();
    // Long enough that a loaded browser's polling still sees the Undo notice before the delete lands.
    const full = await state<ResponseHistory>(seen, html`<response-history recipient-id="42" undo-delay-ms="1500" .dataClient=${new CampaignDataClient({ adapter: audited })}></response-history>`, (el) => hasPart(el, 'line-restore')());
    $(full, '[data-line="a"] [part="line-changes-button"]').click();
    await until(hasPart(full, 'line-change'));
    seen.collect(full);
    $(full, '[data-line="a"] [role="menuitem"][data-item="delete"]').click();
    await until(hasPart(full, 'notice-undo'));
    seen.collect(full);
    await until(hasPart(full, 'notice-restore'), 6000);
    seen.collect(full);
    expectMatches('response-history', seen);
  });

  it('<campaign-stats-panel>', async () => {
    const seen = new Seen();
    const panel = (adapter: FakeReportsAdapter, campaignId = 'spring') =>
      fixture(html`<campaign-stats-panel campaign-id=${campaignId} .reportsClient=${new CampaignReportsClient({ adapter })}></campaign-stats-panel>`);
    const slow = new FakeReportsAdapter();
    const loading = gate();
    slow.gates.getCampaignStats = loading.promise;
    const waiting = await panel(slow);
    await until(hasPart(waiting, 'loading'));
    seen.collect(waiting);
    loading.open();
    const spring = await panel(new FakeReportsAdapter());
    await until(hasPart(spring, 'events-table'));
    seen.collect(spring);
    // No cost (figures not available, with reasons), no events, a timeline with no day, then none at all.
    const bare = new FakeReportsAdapter();
    bare.stats.set('bare', { ...BARE_STATS, totals: { ...BARE_STATS.totals, sent: SPRING_STATS.totals.sent } });
    bare.stats.set('none', { ...BARE_STATS, campaignId: 'none', totals: { ...BARE_STATS.totals, sent: SPRING_STATS.totals.sent }, timeline: undefined });
    for (const id of ['bare', 'none']) {
      const element = await panel(bare, id);
      await until(hasPart(element, 'header'));
      seen.collect(element);
    }
    const empty = new FakeReportsAdapter();
    empty.stats.set('empty', { ...BARE_STATS, campaignId: 'empty' });
    const emptyPanel = await panel(empty, 'empty');
    await until(hasPart(emptyPanel, 'empty'));
    seen.collect(emptyPanel);
    await failures(seen, (failure) => {
      const adapter = new FakeReportsAdapter();
      if (failure !== 'not-found') adapter.failures.getCampaignStats = failure;
      return panel(adapter, failure === 'not-found' ? 'missing' : 'spring');
    });
    expectMatches('campaign-stats-panel', seen);
  });

  it('<campaign-response-report>', async () => {
    const seen = new Seen();
    const report = (adapter: FakeReportsAdapter, campaignId = 'spring') =>
      fixture<CampaignResponseReport>(
        html`<campaign-response-report campaign-id=${campaignId} page-size="1" .reportsClient=${new CampaignReportsClient({ adapter })}></campaign-response-report>`,
      );
    const slow = new FakeReportsAdapter();
    const loading = gate();
    slow.gates.getResponseSummary = loading.promise;
    const waiting = await report(slow);
    await until(hasPart(waiting, 'loading'));
    seen.collect(waiting);
    loading.open();
    const adapter = new FakeReportsAdapter();
    adapter.rows.set('spring', [
      reportRow({ id: 'r1', note: 'called', evidence: { machine: true, machineReason: 'proxy' } as never }),
      reportRow({ id: 'r2' }),
    ]);
    const full = await report(adapter);
    await until(hasPart(full, 'load-more'));
    seen.collect(full);
    const restorePicker = withPicker(undefined);
    const downloads = captureDownloads();
    try {
      void full.exportCsv();
      await until(hasPart(full, 'export-progress'));
      seen.collect(full);
      full.cancelExport();
    } finally {
      downloads.restore();
      restorePicker();
    }
    const note = $<HTMLInputElement>(full, '[part~="note-filter"]');
    note.value = 'nothing like this';
    note.dispatchEvent(new Event('input', { bubbles: true }));
    await until(hasPart(full, 'no-match'), 3000);
    seen.collect(full);
    const empty = await report(new FakeReportsAdapter(), 'bare');
    await until(hasPart(empty, 'empty'));
    seen.collect(empty);
    await failures(seen, (failure) => {
      const failing = new FakeReportsAdapter();
      if (failure !== 'not-found') failing.failures.getResponseSummary = failure;
      return report(failing, failure === 'not-found' ? 'missing' : 'spring');
    });
    expectMatches('campaign-response-report', seen);
  });

  it('<campaign-clickthrough-report>', async () => {
    const seen = new Seen();
    const report = (adapter: FakeReportsAdapter, campaignId = 'spring') =>
      fixture(html`<campaign-clickthrough-report campaign-id=${campaignId} .reportsClient=${new CampaignReportsClient({ adapter })}></campaign-clickthrough-report>`);
    const slow = new FakeReportsAdapter();
    const loading = gate();
    slow.gates.getClickthrough = loading.promise;
    const waiting = await report(slow);
    await until(hasPart(waiting, 'loading'));
    seen.collect(waiting);
    loading.open();
    const clicks = (url: string, linkId: string, clickers: { machine: boolean }[]) => ({
      linkId, url, clicks: clickers.length, humanClicks: 0, machineClicks: 0, uniqueClickers: clickers.length, uniqueHumanClickers: 0,
      clickers: clickers.map(({ machine }, i) => ({ recipientId: `${i}`, recipientName: `R${i}`, clickedAt: '2026-03-01T09:00:00.000Z', machine, machineReason: null })),
    });
    const adapter = new FakeReportsAdapter();
    adapter.clickthrough.set('spring', {
      campaignId: 'spring',
      events: [{ eventId: 'mail', name: 'Mail', links: [clicks('https://example.com/', 'web', [{ machine: true }, { machine: false }]), clicks('javascript:void 0', 'text', [])] }],
    });
    const full = await report(adapter);
    await until(hasPart(full, 'link-row'));
    for (const toggle of full.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="toggle"]')) toggle.click();
    await until(() => hasPart(full, 'clicker')() && hasPart(full, 'no-clicks')());
    seen.collect(full);
    const none = new FakeReportsAdapter();
    none.clickthrough.set('spring', { campaignId: 'spring', events: [] });
    const empty = await report(none);
    await until(hasPart(empty, 'empty'));
    seen.collect(empty);
    await failures(seen, (failure) => {
      const failing = new FakeReportsAdapter();
      failing.clickthrough.set('spring', { campaignId: 'spring', events: [] });
      if (failure !== 'not-found') failing.failures.getClickthrough = failure;
      return report(failing, failure === 'not-found' ? 'missing' : 'spring');
    });
    expectMatches('campaign-clickthrough-report', seen);
  });

  it('<campaign-sync-status>', async () => {
    const seen = new Seen();
    await state(seen, html`<campaign-sync-status></campaign-sync-status>`, (el) => hasPart(el, 'error')());
    const mount = async (status: SyncStatus | undefined, ready: string) => {
      const client = new MarkingClient({ adapter: new FakeAdapter() });
      client.status = status;
      return state(seen, html`<campaign-sync-status expanded .dataClient=${client}></campaign-sync-status>`, (el) => hasPart(el, ready)());
    };
    const base = { ...EMPTY_SYNC_STATUS, connectivity: 'offline' as const };
    await mount({ ...base, mode: 'opening' }, 'summary');
    await mount(undefined, 'notice');
    await mount({ ...base, mode: 'unavailable' }, 'notice');
    const added = { recipientId: '42', campaignId: 'spring', kind: 'add' as const, createdAt: 0, attempts: 1, error: { kind: 'conflict', message: 'refused', status: 409 } };
    const newLine = { id: 'n1', recipientId: '42', campaignId: 'spring', eventId: 'spring-call', detailId: 'purchased', respondedAt: '2026-02-01T10:00:00.000Z', note: '' };
    const status = await mount(
      {
        ...base,
        mode: 'on',
        pending: 2,
        syncing: 1,
        failed: 1,
        conflict: 2,
        oldestPendingAt: Date.now() - 60_000,
        lastSyncAt: Date.now() - 120_000,
        authPaused: true,
        problems: [
          { ...added, opId: 'f1', state: 'failed', line: newLine },
          { ...added, opId: 'c1', state: 'conflict', line: newLine, serverVersion: { ...newLine, note: 'theirs' } },
          { ...added, opId: 'c2', state: 'conflict', line: newLine },
        ],
      },
      'versions',
    );
    $(status, '[data-op="f1"] [part~="discard-button"]').click();
    await until(hasPart(status, 'discard-confirmation'));
    seen.collect(status);
    const liveAdapter = new FakeAdapter();
    liveAdapter.followChanges = new FakeLive().follow;
    const liveClient = new CampaignDataClient({ adapter: liveAdapter });
    const leave = liveClient.subscribe(() => undefined, '42');
    await state(seen, html`<campaign-sync-status .dataClient=${liveClient}></campaign-sync-status>`, (el) => hasPart(el, 'live')());
    leave();
    expectMatches('campaign-sync-status', seen);
  });

  it('<campaign-data-provider> has neither parts nor tokens, and documents none', async () => {
    const seen = new Seen();
    await state(seen, html`<campaign-data-provider></campaign-data-provider>`, () => true);
    expectMatches('campaign-data-provider', seen);
  });

  it('with no theme the elements are light; dark.css darkens them under .cr-theme-dark', async () => {
    const client = new CampaignDataClient({ adapter: new FakeAdapter() });
    const mount = async (className = '') => {
      const wrapper = await fixture<HTMLDivElement>(html`<div class=${className}><campaign-responses-tab recipient-id="42" .dataClient=${client}></campaign-responses-tab></div>`);
      const tab = wrapper.firstElementChild!;
      await until(hasPart(tab, 'table'));
      return { host: getComputedStyle(tab).color, header: getComputedStyle($(tab, 'thead th')).backgroundColor };
    };
    const link = (name: string) => {
      const element = document.createElement('link');
      element.rel = 'stylesheet';
      element.href = `/themes/${name}.css`;
      document.head.append(element);
      return new Promise<HTMLLinkElement>((resolve) => element.addEventListener('load', () => resolve(element)));
    };
    const light = { host: 'rgb(27, 27, 27)', header: 'rgb(243, 244, 246)' };
    expect(await mount()).to.deep.equal(light);
    const dark = await link('dark');
    expect(await mount('cr-theme-dark')).to.deep.equal({ host: 'rgb(232, 232, 234)', header: 'rgb(43, 45, 49)' });
    expect(await mount(), 'dark.css alone changes nothing outside .cr-theme-dark').to.deep.equal(light);
    dark.remove();
  });

  it('each theme sets every global token the elements read, and auto.css is light.css and dark.css', async () => {
    const globals = new Set([...declared('campaign-responses-tab').tokens].filter((token) => !token.startsWith('--cr-campaign-responses-tab-')));
    const read = async (name: string) => (await (await fetch(`/themes/${name}.css`)).text()).replace(/\/\*[\s\S]*?\*\//g, '');
    const settings = (css: string) => new Map([...css.matchAll(/(--cr-[a-z0-9-]+)\s*:\s*([^;]+);/g)].map((m) => [m[1], m[2].trim()]));
    const [light, dark, auto] = await Promise.all([read('light'), read('dark'), read('auto')]);
    const steps = ['--cr-space-xs', '--cr-space-s', '--cr-space-m', '--cr-space-l'];
    // The space steps stay unset, so that a host's --cr-space scales them.
    expect([...globals].filter((token) => !settings(light).has(token) && !steps.includes(token))).to.deep.equal([]);
    const colours = [...settings(light).keys()].filter((token) => token.startsWith('--cr-color-') || token.startsWith('--cr-shadow-'));
    expect(colours.filter((token) => !settings(dark).has(token))).to.deep.equal([]);
    const [autoLight, autoDark] = auto.split('@media (prefers-color-scheme: dark)');
    for (const token of colours) {
      expect(settings(autoLight).get(token), token).to.equal(settings(light).get(token));
      expect(settings(autoDark).get(token), token).to.equal(settings(dark).get(token));
    }
  });
});
