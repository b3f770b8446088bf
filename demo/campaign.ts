/// <reference types="vite/client" />
// The demo's campaign page: a campaign's statistics and reports, a "send this email event" action
// and a simulated inbox, so a person watches tracked responses arrive. The token comes from
// the demo's sign-in (demo-session.ts), as on the record page.
import '../src/define/campaign-data-provider.js';
import '../src/define/campaign-stats-panel.js';
import '../src/define/bulk-response-entry.js';
import { createRestReportsClient } from '../src/data/reports-configure.js';
import { createRestDataClient } from '../src/data/configure.js';
import { offlineParts } from '../src/data/offline/parts.js';
import { errorMessage } from '../src/components/base/states.js';
import type { Campaign } from '../src/model/types.js';
import { demoSession } from './demo-session.js';
import { installSwitchers } from './switchers.js';
import { renderInbox } from './inbox.js';
import { dt } from './demo-strings.js';
import { registerDemoWorker, replaceUrlParam, showSavedNote } from './offline-shell.js';
import { networkFirst, savedRecipients } from './saved-data.js';

installSwitchers();
registerDemoWorker();

// The two report elements: loaded when present, and the page works without them.
const reportModules = import.meta.glob('../src/define/campaign-*-report.ts');
for (const [path, load] of Object.entries(reportModules)) {
  load().catch((error: unknown) => console.warn(`Could not load ${path}:`, error));
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const provider = $<HTMLElementTagNameMap['campaign-data-provider']>('provider');
const stats = $<HTMLElementTagNameMap['campaign-stats-panel']>('stats');
const campaignSelect = $<HTMLSelectElement>('campaign-select');
const eventSelect = $<HTMLSelectElement>('event-select');
const sendForm = $<HTMLFormElement>('send-form');
const sendButton = $<HTMLButtonElement>('send-button');
const sendResult = $<HTMLParagraphElement>('send-result');
const inbox = $<HTMLUListElement>('inbox');
const status = $<HTMLDivElement>('status');
const reports = ['response-report', 'clickthrough-report'].map((id) => $(id));

const DEFAULT_CAMPAIGN = 'spring-launch-2026';

async function main(): Promise<void> {
  const config = await demoSession();
  const client = createRestReportsClient({ apiBase: config.apiBase, getToken: config.getToken });
  // The record page's offline parts under the same person's key: the bulk entry reads the vocabulary
  // from this device's cache and queues its lines in the same outbox when the server is out of
  // reach (a booth), and the record page's sync status counts them.
  provider.dataClient = createRestDataClient({ apiBase: config.apiBase, getToken: config.getToken, parts: offlineParts({ userKey: config.userKey }) });
  provider.reportsClient = client;

  // Kept per person like the record page's recipients: the page starts offline from the saved list.
  const { value: campaigns, savedAt } = await networkFirst(`${config.userKey}:campaigns`, async () => (await client.listCampaigns()).items);
  showSavedNote(status, config.savedAt, savedAt);
  // The bulk entry matches names (and, offline, emails) against the person's saved list; without
  // one (a first visit with no network) it still takes ids.
  savedRecipients(config).then(
    ({ value }) => void ($<HTMLElementTagNameMap['bulk-response-entry']>('bulk-entry').recipients = value),
    (error: unknown) => console.warn('No recipient list for the bulk entry:', error),
  );
  for (const campaign of campaigns) campaignSelect.append(new Option(campaign.title, campaign.id));
  const wanted = new URLSearchParams(location.search).get('campaign') ?? DEFAULT_CAMPAIGN;
  campaignSelect.value = campaigns.some((c) => c.id === wanted) ? wanted : campaigns[0]?.id ?? '';

  const show = () => {
    const campaign = campaigns.find((c) => c.id === campaignSelect.value);
    if (!campaign) return;
    $('campaign-name').textContent = campaign.title;
    $('campaign-meta').textContent = dt('campaign.meta', { events: campaign.events.length, currency: campaign.currency });
    stats.campaignId = campaign.id;
    $<HTMLElementTagNameMap['bulk-response-entry']>('bulk-entry').campaign = campaign;
    for (const report of reports) report.setAttribute('campaign-id', campaign.id);
    showEvents(campaign);
    inbox.replaceChildren();
    $('inbox-empty').hidden = false;
    sendResult.textContent = '';
    replaceUrlParam('campaign', campaign.id);
  };
  campaignSelect.addEventListener('change', show);
  show();

  sendForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const campaign = campaigns.find((c) => c.id === campaignSelect.value);
    const emailEvent = campaign?.events.find((e) => e.id === eventSelect.value);
    if (!campaign || !emailEvent) return;
    void (async () => {
      sendButton.disabled = true;
      sendResult.textContent = dt('send.sending', { event: emailEvent.name });
      try {
        const result = await client.sendCampaignEvent(campaign.id, emailEvent.id);
        const delivered = result.deliveries.filter((d) => d.tracking).length;
        const bounced = result.deliveries.length - delivered;
        const again = result.deliveries.some((d) => !d.newlySent) ? dt('send.again') : '';
        sendResult.textContent = dt('send.sent', {
          event: emailEvent.name,
          count: result.deliveries.length,
          again,
          delivered,
          bounced,
          withoutEmail: result.withoutEmail.length,
        });
        renderInbox(inbox, result, {
          subject: emailEvent.name,
          onTracked: () => {
            // The figures are a snapshot: ask for fresh ones so the tracked response shows at once.
            void stats.refresh();
          },
        });
        $('inbox-empty').hidden = result.deliveries.length > 0;
        await stats.refresh();
      } catch (error) {
        sendResult.textContent = dt('send.failed', { message: errorMessage(error) });
      } finally {
        sendButton.disabled = false;
      }
    })();
  });
}

function showEvents(campaign: Campaign): void {
  const emailEvents = campaign.events.filter((e) => e.channel === 'email' && !e.legacyEmail);
  eventSelect.replaceChildren(...emailEvents.map((e) => new Option(`${e.name} (${e.status})`, e.id)));
  // The unsent one first: that is the one to try.
  const unsent = emailEvents.find((e) => e.status === 'planned' || e.status === 'scheduled');
  if (unsent) eventSelect.value = unsent.id;
  sendButton.disabled = emailEvents.length === 0;
  if (emailEvents.length === 0) eventSelect.append(new Option(dt('send.noEvent'), ''));
}

main().catch((error: unknown) => {
  status.textContent = dt('start.failed', { message: error instanceof Error ? error.message : String(error) });
  status.classList.add('error');
});
