// The demo host page: a CRM contact record with the kit's Campaigns subtab, talking to the reference
// server as the person chosen at the demo's sign-in (demo-session.ts).
import '../src/define/campaign-data-provider.js';
import '../src/define/campaign-responses-tab.js';
import '../src/define/campaign-sync-status.js';
import { offlineParts } from '../src/data/offline/parts.js';
import { createRestDataClient } from '../src/data/configure.js';
import { wipeOfflineData } from '../src/offline/db.js';
import { demoSession } from './demo-session.js';
import { installSwitchers } from './switchers.js';
import { dt } from './demo-strings.js';
import { registerDemoWorker, replaceUrlParam, showSavedNote } from './offline-shell.js';
import { forgetSaved, savedRecipients } from './saved-data.js';

installSwitchers();
registerDemoWorker();


const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const provider = $<HTMLElementTagNameMap['campaign-data-provider']>('provider');
const tab = $<HTMLElementTagNameMap['campaign-responses-tab']>('tab');
const select = $<HTMLSelectElement>('recipient-select');
const status = $<HTMLDivElement>('status');

/** "Cut the page off from the API": the kit's requests fail as they would on a dead network. */
const cutOff = $<HTMLInputElement>('cut-off');
const demoFetch: typeof fetch = (input, init) =>
  cutOff.checked ? Promise.reject(new TypeError('Failed to fetch (the demo cut the API off)')) : fetch(input, init);

async function main(): Promise<void> {
  const config = await demoSession();
  const offline = new URLSearchParams(location.search).get('offline') !== 'off';
  const getToken = config.getToken;
  // A host passes its signed-in user's key, so queued edits never cross people.
  const client = createRestDataClient({
    apiBase: config.apiBase,
    getToken,
    rest: { fetch: demoFetch },
    ...(offline ? { parts: offlineParts({ userKey: config.userKey }) } : {}),
  });
  provider.dataClient = client;
  const offlineSwitch = $<HTMLAnchorElement>('offline-switch');
  offlineSwitch.href = offline ? '?offline=off' : '?';
  offlineSwitch.dataset.demoText = offline ? 'offline.useWithout' : 'offline.useWith';
  offlineSwitch.textContent = dt(offline ? 'offline.useWithout' : 'offline.useWith');
  // Back on the network: ask the outbox to try now rather than at its next backoff step.
  cutOff.addEventListener('change', () => {
    if (!cutOff.checked) client.syncNow();
  });
  $('sign-out').addEventListener('click', async () => {
    // Wiping drops what was not sent: say how much, and let the person change their mind.
    const unsent = await client.countUnsentEdits();
    const question = dt(unsent === 1 ? 'offline.signOutAskOne' : 'offline.signOutAskMany', { count: unsent });
    if (unsent > 0 && !confirm(question)) return;
    await client.close();
    await wipeOfflineData(config.userKey);
    await forgetSaved(`${config.userKey}:`);
    config.forget();
    // The elements still hold the old client's lists with their marks: nothing may show them as waiting.
    provider.dataClient = undefined;
    status.textContent = unsent > 0 ? dt('offline.signedOutUnsent', { count: unsent }) : dt('offline.signedOut');
  });

  // The page's own list, kept per person: reloaded with the server out of reach, the page shows the
  // saved one (and says so), and the kit its own saved lists of the recipient.
  const { value: recipients, savedAt } = await savedRecipients(config);
  showSavedNote(status, config.savedAt, savedAt);
  for (const recipient of recipients) {
    select.append(new Option(`${recipient.displayName} (${recipient.timeZone})`, recipient.id));
  }
  const wanted = new URLSearchParams(location.search).get('recipient');
  select.value = recipients.some((r) => r.id === wanted) ? wanted! : recipients[0]?.id ?? '';
  const show = () => {
    const recipient = recipients.find((r) => r.id === select.value);
    if (!recipient) return;
    $('record-name').textContent = recipient.displayName;
    $('record-email').textContent = recipient.email ?? '—';
    $('record-zone').textContent = recipient.timeZone;
    tab.recipientId = recipient.id;
    replaceUrlParam('recipient', recipient.id);
  };
  select.addEventListener('change', show);
  show();
}

// The event log: what a host page hears from the kit.
const log = $<HTMLOListElement>('log');
const kitEvents = [
  'cr-response-submit', 'cr-response-saved', 'cr-request-close', 'cr-delete-request', 'cr-responses-deleted',
  'cr-auth-required', 'cr-response-queued', 'cr-sync-complete', 'cr-sync-failed',
];
for (const type of kitEvents) {
  document.addEventListener(type, (event) => {
    const item = document.createElement('li');
    const time = document.createElement('time');
    const now = new Date();
    time.dateTime = now.toISOString();
    time.textContent = now.toLocaleTimeString();
    const name = document.createElement('code');
    name.textContent = type;
    const detail = document.createElement('span');
    // The kit's events are Event subclasses carrying their data as fields (`line`, `campaignId`, …),
    // not CustomEvents with a `detail`; `isTrusted` is an own property of every event.
    const fields = Object.fromEntries(Object.entries(event).filter(([key]) => key !== 'isTrusted'));
    const payload = event instanceof CustomEvent ? event.detail : Object.keys(fields).length > 0 ? fields : undefined;
    detail.textContent = payload === undefined ? '' : JSON.stringify(payload);
    item.append(time, ' ', name, ' ', detail);
    log.prepend(item);
  });
}
$('clear-log').addEventListener('click', () => log.replaceChildren());

main().catch((error: unknown) => {
  status.textContent = dt('start.failed', { message: error instanceof Error ? error.message : String(error) });
  status.classList.add('error');
});
