import './setup.js';
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/all.js';
import type { CampaignResponsesTab } from '../../src/components/campaign-responses-tab/campaign-responses-tab.js';
import type { AddResponseDialog } from '../../src/components/add-response-dialog/add-response-dialog.js';
import type { ResponseHistory } from '../../src/components/response-history/response-history.js';
import type { CampaignStatsPanel } from '../../src/components/campaign-stats-panel/campaign-stats-panel.js';
import type { CampaignResponseReport } from '../../src/components/campaign-response-report/campaign-response-report.js';
import type { CampaignClickthroughReport } from '../../src/components/campaign-clickthrough-report/campaign-clickthrough-report.js';
import type { CampaignSyncStatus } from '../../src/components/campaign-sync-status/campaign-sync-status.js';
import { CampaignDataClient } from '../../src/data/data-client.js';
import { CampaignReportsClient } from '../../src/data/reports-client.js';
import { de } from '../../src/i18n/de.js';
import { en } from '../../src/i18n/en.js';
import { localizerFor, setDefaultTimeZone } from '../../src/i18n/localizer.js';
import { loadTranslation, registerTranslation, registeredLocales } from '../../src/i18n/translate.js';
import type { Clickthrough } from '../../src/model/campaign-stats.js';
import { NOTE_MAX_LENGTH } from '../../src/model/types.js';
import { FakeAdapter, line, until } from './fake-adapter.js';
import { FakeReportsAdapter, reportRow, SPRING_STATS } from '../support/browser/fake-reports-adapter.js';
import { $, $$, text } from './helpers.js';

const RESPONDED_AT = '2026-01-05T10:00:00.000Z';
const deDateTime = (iso: string, timeZone?: string) =>
  new Intl.DateTimeFormat('de', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(Date.parse(iso));
// As `text()` reads it: Intl's no-break spaces as plain ones.
const deNumber = (value: number, options: Intl.NumberFormatOptions = {}) => new Intl.NumberFormat('de', options).format(value).replace(/\s+/g, ' ');

function tabAdapter(): FakeAdapter {
  return new FakeAdapter([line({ id: 'l1', detailId: 'purchased', respondedAt: RESPONDED_AT, author: 'Grace Hopper', note: 'Rief zurück' })]);
}

/** The tab in `<div lang=…>` (and other attributes of the wrapper), loaded. */
async function mountTab(wrapper: { lang?: string; dir?: string; timeZone?: string } = {}, tabZone?: string) {
  const client = new CampaignDataClient({ adapter: tabAdapter() });
  const host = await fixture<HTMLDivElement>(
    html`<div lang=${wrapper.lang ?? ''} dir=${wrapper.dir ?? 'ltr'} time-zone=${wrapper.timeZone ?? ''}>
      <campaign-responses-tab recipient-id="42" time-zone=${tabZone ?? ''} .dataClient=${client}></campaign-responses-tab>
    </div>`,
  );
  if (!wrapper.timeZone) host.removeAttribute('time-zone');
  const tab = host.querySelector<CampaignResponsesTab>('campaign-responses-tab')!;
  if (!tabZone) tab.removeAttribute('time-zone');
  await until(() => tab.shadowRoot?.querySelector('table'));
  return { host, tab };
}

/** Lit renders after a microtask; the MutationObserver also reports in one. */
async function settled(element: HTMLElement & { updateComplete: Promise<boolean> }): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  await element.updateComplete;
}

const addButton = (tab: CampaignResponsesTab) => text($(tab, '[part~="add-button"]'));

describe('i18n: German, the language of the nearest lang, right to left, time zones', () => {
  afterEach(() => {
    document.documentElement.removeAttribute('lang');
    setDefaultTimeZone(undefined);
  });

  it('German is complete: every key of the English table, none left English by mistake', () => {
    expect(Object.keys(de).sort()).to.deep.equal(Object.keys(en).sort());
    // Identical on purpose: symbols, placeholders only, loanwords.
    const intentionallySame = new Set([
      'dialog.updating',
      'history.link',
      'history.whenInZone',
      'sync.online',
      'sync.pendingAndOldest',
      'stats.roi',
      'stats.leads',
      'stats.notAvailableShort',
      'stats.countWithRate',
      'stats.formulaToggle',
      'stats.formula',
      'stats.inputs.plus',
      'stats.inputs.minus',
      'stats.inputs.divide',
      'stats.inputs.percent',
      'stats.inputs.eventRoi',
      'stats.funnel.marked',
      'stats.col.leads',
      'clicks.col.link',
      'clicks.person',
      // Placeholders and punctuation only.
      'bulk.columnOption',
      'bulk.failedLine',
    ]);
    const same = Object.keys(en).filter((key) => de[key as keyof typeof de] === en[key as keyof typeof en]);
    expect(same.filter((key) => !intentionallySame.has(key))).to.deep.equal([]);
  });

  it('German loads when an element asks for it, before its first render (no English first); English pages never load it', async () => {
    // Nothing before this test asked for German: its table is not registered (the import above is the test's own).
    expect(registeredLocales()).not.to.include('de');
    const english = await mountTab({ lang: 'en' });
    expect(addButton(english.tab)).to.equal('Add Response');
    expect(registeredLocales()).not.to.include('de');

    // The first render waits for the table: German from the start, never English first.
    const host = await fixture<HTMLDivElement>(html`<div lang="de"></div>`);
    const tab = document.createElement('campaign-responses-tab') as CampaignResponsesTab;
    tab.dataClient = new CampaignDataClient({ adapter: tabAdapter() });
    tab.setAttribute('recipient-id', '42');
    const shown: string[] = [];
    const watch = () => {
      const label = tab.shadowRoot?.querySelector('[part="add-button"]')?.textContent?.trim();
      if (label && shown.at(-1) !== label) shown.push(label);
    };
    const observer = new MutationObserver(watch);
    host.append(tab);
    observer.observe(tab.shadowRoot!, { subtree: true, childList: true, characterData: true });
    await until(() => tab.shadowRoot?.querySelector('table'));
    watch();
    observer.disconnect();
    expect(shown).to.deep.equal(['Antwort hinzufügen']);
    expect(registeredLocales()).to.include('de');
    expect(await loadTranslation('de-CH')).to.equal(true);
    expect(await loadTranslation('fr')).to.equal(false);
  });

  it('<campaign-responses-tab> in German: strings, the built-in vocabulary, German dates; the dialog inside it too', async () => {
    const { tab } = await mountTab({ lang: 'de' });
    expect(addButton(tab)).to.equal('Antwort hinzufügen');
    expect($$(tab, 'thead th').map(text)).to.deep.equal(['Kampagne', 'Kampagnenereignisse', 'Antwort', 'Datum']);
    const rows = $$(tab, 'tbody[part="campaign"]');
    expect(text(rows[0].querySelector('[part~="update-button"]')!)).to.equal('Status aktualisieren');
    expect(rows[0].querySelector('[part~="update-button"]')!.getAttribute('aria-label')).to.equal('Status aktualisieren: Launch email');
    expect(text(rows[0].querySelector('[part~="response-detail"]')!)).to.equal('Gekauft');
    expect(text(rows[0].querySelector('time')!)).to.equal(deDateTime(RESPONDED_AT));
    expect(text(rows[1].querySelector('[part~="response"]')!)).to.equal('Noch keine Antwort');
    expect($(tab, 'caption').textContent).to.contain('An diesen Empfänger gesendete Kampagnen');

    // The dialog sits in the tab's shadow root: it reads lang through it.
    ($(tab, '[part~="add-button"]') as HTMLButtonElement).click();
    const dialog = $<AddResponseDialog>(tab, 'add-response-dialog');
    await until(() => dialog.shadowRoot?.querySelector('#campaignId'));
    expect(text($(dialog, '[part~="title"]'))).to.equal('Neue Kampagnenantwort');
    expect(text($(dialog, '[part~="save-button"]'))).to.equal('Speichern');
    expect(text($(dialog, '[part~="cancel-button"]'))).to.equal('Abbrechen');
    expect($(dialog, '[part~="close-button"]').getAttribute('aria-label')).to.equal('Schließen');
    expect(text($(dialog, 'label[for="note"]'))).to.equal('Notiz');
    expect(text($(dialog, '[part~="note-count"]'))).to.equal(`0 von ${deNumber(NOTE_MAX_LENGTH)} Zeichen`);
    dialog.close();
    // The native dialog's close event comes in a task of its own; the fields go with it.
    await until(() => !dialog.shadowRoot?.querySelector('#note'));

    ($(tab, '[part~="update-button"]') as HTMLButtonElement).click();
    await until(() => dialog.shadowRoot?.querySelector('[part~="menu-button"]') && dialog.shadowRoot.querySelector('#detailId optgroup'));
    expect(text($(dialog, '[part~="save-button"]'))).to.equal('Neue Antwort speichern');
    expect(text($(dialog, '[part~="menu-button"]'))).to.equal('Aktionen');
    expect(text($(dialog, '[part~="menu-item"]'))).to.equal('Löschen');
    const groups = $$<HTMLOptGroupElement>(dialog, '#detailId optgroup').map((group) => group.label);
    expect(groups).to.include('Gekauft').and.include('Geantwortet');
    dialog.close();
  });

  it('re-renders when lang changes on the ancestor, and when it changes on <html>', async () => {
    const { host, tab } = await mountTab({ lang: 'de' });
    expect(addButton(tab)).to.equal('Antwort hinzufügen');
    host.lang = 'en';
    await settled(tab);
    expect(addButton(tab)).to.equal('Add Response');
    expect(text($(tab, 'tbody [part~="response-detail"]'))).to.equal('Purchased');

    host.removeAttribute('lang');
    document.documentElement.lang = 'de';
    await settled(tab);
    expect(addButton(tab)).to.equal('Antwort hinzufügen');
    document.documentElement.lang = 'en-GB';
    await settled(tab);
    expect(addButton(tab)).to.equal('Add Response');
  });

  it('de-AT falls back to de, and a de-AT table registered on top overrides only its keys', async () => {
    const { host, tab } = await mountTab({ lang: 'de-AT' });
    expect(addButton(tab)).to.equal('Antwort hinzufügen');
    registerTranslation('de-AT', { 'tab.addResponse': 'Rückmeldung hinzufügen' });
    await settled(tab);
    expect(addButton(tab)).to.equal('Rückmeldung hinzufügen');
    expect(text($(tab, 'tbody [part~="update-button"]'))).to.equal('Status aktualisieren');
    host.lang = 'de';
    await settled(tab);
    expect(addButton(tab)).to.equal('Antwort hinzufügen');
  });

  it('registerTranslation(he) with dir="rtl": the registered strings, English for a missing key, user data isolated', async () => {
    registerTranslation('he', {
      'tab.addResponse': 'הוספת תגובה',
      'tab.col.campaign': 'קמפיין',
      'tab.updateStatus': 'עדכון סטטוס',
      'tab.noResponse': 'אין תגובה עדיין',
    });
    const { tab } = await mountTab({ lang: 'he', dir: 'rtl' });
    expect(addButton(tab)).to.equal('הוספת תגובה');
    const headers = $$(tab, 'thead th').map(text);
    expect(headers[0]).to.equal('קמפיין');
    // Not in the Hebrew table: English.
    expect(headers[3]).to.equal('Date');
    expect(text($(tab, 'tbody [part~="update-button"]'))).to.equal('עדכון סטטוס');
    expect(getComputedStyle($(tab, 'table')).direction).to.equal('rtl');
    expect(text($(tab, 'tbody time'))).to.equal(new Intl.DateTimeFormat('he', { dateStyle: 'medium', timeStyle: 'short' }).format(Date.parse(RESPONDED_AT)));

    // Text people typed keeps its own direction inside the Hebrew sentences around it.
    $<HTMLButtonElement>(tab, 'tbody [part~="disclosure"]').click();
    await tab.updateComplete;
    const history = $<ResponseHistory>(tab, 'response-history');
    await until(() => history.shadowRoot?.querySelector('[part~="line"]'));
    const author = $(history, '[part~="line-meta"] bdi');
    expect(author.textContent).to.equal('Grace Hopper');
    expect(getComputedStyle(author).unicodeBidi).to.equal('isolate');
    expect(getComputedStyle($(history, '[part~="line-note"]')).direction).to.equal('ltr');
    expect(getComputedStyle($(history, '[part~="list"]')).direction).to.equal('rtl');
  });

  it('a language registered after the element rendered re-renders it', async () => {
    const { tab } = await mountTab({ lang: 'fr' });
    expect(addButton(tab)).to.equal('Add Response');
    registerTranslation('fr', { 'tab.addResponse': 'Ajouter une réponse' });
    await settled(tab);
    expect(addButton(tab)).to.equal('Ajouter une réponse');
  });

  it('time zone: time-zone on the element, on an ancestor, the kit default; a change re-renders', async () => {
    const { host, tab } = await mountTab({ lang: 'de', timeZone: 'Asia/Tokyo' });
    const shown = () => text($(tab, 'tbody time'));
    // 10:00 UTC is 19:00 in Tokyo.
    expect(shown()).to.equal(deDateTime(RESPONDED_AT, 'Asia/Tokyo'));
    expect(shown()).to.contain('19:00');
    host.setAttribute('time-zone', 'America/New_York');
    await settled(tab);
    expect(shown()).to.contain('05:00');
    tab.timeZone = 'UTC';
    await settled(tab);
    expect(shown()).to.contain('10:00');
    expect(tab.getAttribute('time-zone')).to.equal('UTC');
    // The dialog inside the tab enters times in the tab's zone.
    ($(tab, '[part~="add-button"]') as HTMLButtonElement).click();
    const dialog = $<AddResponseDialog>(tab, 'add-response-dialog');
    await until(() => dialog.shadowRoot?.querySelector('[part~="time-zone"]'));
    expect(text($(dialog, '[part~="time-zone"]'))).to.match(/^Zeitzone: UTC/);
    dialog.close();

    tab.timeZone = undefined;
    host.removeAttribute('time-zone');
    setDefaultTimeZone('Asia/Kolkata');
    await settled(tab);
    expect(tab.hasAttribute('time-zone')).to.equal(false);
    expect(shown()).to.equal(deDateTime(RESPONDED_AT, 'Asia/Kolkata'));
    expect(shown()).to.contain('15:30');
  });

  it('<response-history> in German', async () => {
    const client = new CampaignDataClient({ adapter: tabAdapter() });
    const host = await fixture<HTMLDivElement>(
      html`<div lang="de"><response-history recipient-id="42" campaign-id="spring" .dataClient=${client}></response-history></div>`,
    );
    const history = host.firstElementChild as ResponseHistory;
    await until(() => history.shadowRoot?.querySelector('[part~="line"]'));
    expect($(history, '[part~="list"]').getAttribute('aria-label')).to.equal('Antwortverlauf');
    expect(text($(history, '[part~="count"]'))).to.equal('1 von 1 Antworten');
    expect(text($(history, '[part~="category-filter"] option'))).to.equal('Alle Antworten');
    expect(text($(history, '[part~="line-detail"]'))).to.equal('Gekauft');
    expect(text($(history, '[part~="line-time"]'))).to.equal(deDateTime(RESPONDED_AT));
    expect(text($(history, '[part~="line-meta"]'))).to.contain('von Grace Hopper').and.contain('Von Hand erfasst');
    expect($(history, '[part~="line-meta"] bdi').textContent).to.equal('Grace Hopper');
    expect($(history, '[part~="line-note"]').getAttribute('dir')).to.equal('auto');
  });

  it('<campaign-stats-panel> in German: money, counts and percentages as German writes them', async () => {
    const adapter = new FakeReportsAdapter();
    adapter.stats.set('euro', { ...structuredClone(SPRING_STATS), campaignId: 'euro', currency: 'EUR' });
    const client = new CampaignReportsClient({ adapter });
    const host = await fixture<HTMLDivElement>(
      html`<div lang="de"><campaign-stats-panel campaign-id="euro" time-zone="UTC" .reportsClient=${client}></campaign-stats-panel></div>`,
    );
    const panel = host.firstElementChild as CampaignStatsPanel;
    await until(() => panel.shadowRoot?.querySelector('[part~="header"]'));
    const figure = (key: string) => text($(panel, `[data-figure="${key}"] [part~="figure-value"]`));
    expect(figure('profit')).to.equal(deNumber(4500, { style: 'currency', currency: 'EUR' }));
    expect(figure('profit')).to.match(/^4\.500,00\s€$/);
    expect(figure('roi')).to.match(/^300\s%$/);
    expect(text($(panel, '[data-figure="profit"] [part~="figure-label"]'))).to.equal('Gewinn');
    expect(text($(panel, '[part~="refresh-button"]'))).to.equal('Aktualisieren');
    expect($$(panel, 'h3').map(text)).to.include('Kosten und Ertrag');
    const opened = text($(panel, '[data-figure="opened"] [part~="figure-note"]'));
    expect(opened).to.match(/^\d+(,\d)?\s% bezogen auf Zugestellte$/);
    expect(text($(panel, '[part~="as-of"]'))).to.match(/^Stand .+, nächste Aktualisierung etwa .+$/);
  });

  it('<campaign-response-report> in German: labels, the built-in vocabulary, counts', async () => {
    const adapter = new FakeReportsAdapter();
    adapter.rows.set('spring', [reportRow({ id: 'r1', recipientName: 'Ada Lovelace', detailId: 'purchased', categoryId: 'purchased', respondedAt: RESPONDED_AT })]);
    const client = new CampaignReportsClient({ adapter });
    const host = await fixture<HTMLDivElement>(
      html`<div lang="de"><campaign-response-report campaign-id="spring" .reportsClient=${client}></campaign-response-report></div>`,
    );
    const report = host.firstElementChild as CampaignResponseReport;
    await until(() => report.shadowRoot?.querySelector('[part~="rows"]'));
    expect(text($(report, '[part~="export-button"]'))).to.equal('CSV exportieren');
    expect(text($(report, '[part~="reset-button"]'))).to.equal('Filter zurücksetzen');
    expect(text($(report, '[part~="summary-total"] th'))).to.equal('Gesamt');
    expect($$(report, '[part~="summary-row"] th').map(text)).to.include('Gesendet').and.include('Geöffnet');
    expect(text($(report, '[part~="count"]'))).to.equal('1 von 1 Antworten');
    expect(text($(report, '[part~="row"] [part~="cell-when"]'))).to.equal(deDateTime(RESPONDED_AT));
    expect(text($(report, '[part~="row"] .detail'))).to.equal('Gekauft');
    expect(text($(report, '[part~="as-of"]'))).to.match(/^Übersicht, Stand /);
  });

  it('machine-detection reasons in German, from the code the server sends beside its English text', async () => {
    const adapter = new FakeReportsAdapter();
    const evidence = (machineReason: string, machineCause: { code: string; vendor?: string; seconds?: number } | undefined) =>
      ({ userAgent: null, secondsSinceDelivery: 1, machine: true, machineReason, machineCause });
    adapter.rows.set('spring', [
      reportRow({ id: 'r1', detailId: 'opened', categoryId: 'received', source: 'tracked', evidence: evidence('Image proxy pre-fetch (Google)', { code: 'image-proxy', vendor: 'Google' }) }),
      reportRow({ id: 'r2', detailId: 'clicked-through', categoryId: 'clicked-through', source: 'tracked', evidence: evidence('Clicked 3.5 s after delivery: a security scanner checking links', { code: 'clicked-too-soon', seconds: 3.5 }) }),
      // A code this kit does not know (a newer server): the server's own words.
      reportRow({ id: 'r3', detailId: 'opened', categoryId: 'received', source: 'tracked', evidence: evidence('Quantum proxy', { code: 'quantum-proxy' }) }),
    ]);
    const client = new CampaignReportsClient({ adapter });
    const host = await fixture<HTMLDivElement>(html`<div lang="de"><campaign-response-report campaign-id="spring" .reportsClient=${client}></campaign-response-report></div>`);
    const report = host.firstElementChild as CampaignResponseReport;
    await until(() => report.shadowRoot?.querySelectorAll('[part~="machine-mark"]').length === 3);
    expect($$(report, '[part~="machine-mark"]').map((mark) => mark.getAttribute('title'))).to.deep.equal([
      'Als Maschine eingestuft: Bildvorabruf durch einen Proxy (Google)',
      'Als Maschine eingestuft: 3,5 s nach der Zustellung geklickt: ein Sicherheitsscanner, der Links prüft',
      'Als Maschine eingestuft: Quantum proxy',
    ]);
  });

  it('<campaign-clickthrough-report> in German: 1.234 clicks', async () => {
    const adapter = new FakeReportsAdapter();
    const clicks: Clickthrough = {
      campaignId: 'spring',
      events: [
        {
          eventId: 'spring-mail',
          name: 'Launch email',
          links: [{ linkId: 'plain', url: 'http://example.org/', clicks: 1234, humanClicks: 1234, machineClicks: 0, uniqueClickers: 1000, uniqueHumanClickers: 1000, clickers: [] }],
        },
      ],
    };
    adapter.clickthrough.set('spring', clicks);
    const client = new CampaignReportsClient({ adapter });
    const host = await fixture<HTMLDivElement>(
      html`<div lang="de"><campaign-clickthrough-report campaign-id="spring" .reportsClient=${client}></campaign-clickthrough-report></div>`,
    );
    const report = host.firstElementChild as CampaignClickthroughReport;
    await until(() => report.shadowRoot?.querySelector('[part~="link-row"]'));
    expect(text($(report, '[part~="clicks"]'))).to.equal('1.234');
    expect(text($(report, '[part~="unique"]'))).to.equal('1.000');
    expect(text($(report, '[part~="toggle"]'))).to.equal('Wer geklickt hat');
    expect(text($(report, 'caption'))).to.equal('Links von Launch email');
  });

  it('<campaign-sync-status> and <campaign-data-provider> in German', async () => {
    const client = new CampaignDataClient({ adapter: new FakeAdapter() });
    const host = await fixture<HTMLDivElement>(
      html`<div lang="de"><campaign-data-provider .dataClient=${client}><campaign-sync-status></campaign-sync-status></campaign-data-provider></div>`,
    );
    const status = host.querySelector<CampaignSyncStatus>('campaign-sync-status')!;
    await until(() => status.shadowRoot?.querySelector('[part~="notice"]'));
    expect(text($(status, '[part~="notice"]'))).to.equal('Änderungen werden direkt an den Server gesendet.');
  });

  it('the localizer: German numbers, plural forms, a nonsense lang does not throw', () => {
    const l = localizerFor('de');
    expect(l.number(1234.5)).to.equal('1.234,5');
    expect(l.money(4500, 'EUR')).to.match(/^4\.500,00\s€$/);
    expect(l.tPlural('tab.deleted', 1, { campaign: 'X' })).to.equal('1 Antwort auf X gelöscht.');
    expect(l.tPlural('tab.deleted', 1234, { campaign: 'X' })).to.equal('1.234 Antworten auf X gelöscht.');
    expect(localizerFor('x-not a language!').t('tab.addResponse')).to.equal('Add Response');
    expect(localizerFor('de', 'Not/AZone').timeZone).to.equal(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });
});
