// The demo page's own words (header, recipient picker, offline controls, event log, the send form
// and the inbox), in the page's language like the kit's elements: the kit's strings come from its
// translation tables; these are the host page's, which a host translates its own way.
const en = {
  'nav.label': 'Demo pages',
  'nav.record': 'Contact record',
  'nav.campaigns': 'Campaigns',
  'header.note': 'Demo of the campaign response kit, against the reference server',
  'switch.theme': 'Theme',
  'switch.language': 'Language',
  'theme.light': 'Light',
  'theme.dark': 'Dark',
  'theme.host-crm': 'Host CRM',
  'record.kind': 'Contact',
  'record.recipient': 'Recipient',
  'record.recipientHelp': 'Switch between the seeded recipients (different time zones).',
  'record.tabs': 'Record',
  'tab.general': 'General',
  'tab.relationships': 'Relationships',
  'tab.marketing': 'Marketing',
  'tab.communication': 'Communication',
  'tab.campaigns': 'Campaigns',
  'tab.subscriptions': 'Subscriptions',
  'offline.cutOff': 'Cut the page off from the API',
  'offline.cutOffTitle': 'Every request of the kit to the API fails, as on bad Wi-Fi, while the page stays usable',
  'offline.signOut': 'Sign out (wipe offline data)',
  'offline.signOutTitle': "Closes the offline store and wipes this user's queued edits and cache",
  'offline.signedOut': 'Signed out: this user’s queued edits and cached lists were wiped. Reload to sign in again.',
  'offline.signedOutUnsent': 'Signed out: this user’s queued edits ({count} unsent) and cached lists were wiped. Reload to sign in again.',
  'offline.signOutAskOne': '1 edit has not been sent yet. Signing out deletes it from this device. Sign out anyway?',
  'offline.signOutAskMany': '{count} edits have not been sent yet. Signing out deletes them from this device. Sign out anyway?',
  'offline.useWithout': 'Use without offline edits',
  'offline.useWith': 'Use with offline edits',
  'log.title': "The kit's events",
  'log.help': 'Every cr-* event the elements fire, newest first, as a host page receives them.',
  'log.clear': 'Clear',
  'start.failed': 'The demo could not start: {message}',
  'campaign.kind': 'Campaign',
  'campaign.pick': 'Campaign',
  'campaign.pickHelp': 'Switch between the seeded campaigns.',
  'campaign.meta': '{events} events · {currency}',
  'campaign.tabs': 'Campaign',
  'campaign.statistics': 'Statistics',
  'campaign.reports': 'Reports',
  'campaign.send': 'Send and inbox',
  'send.title': 'Send an email event',
  'send.help':
    'The reference server "sends" the event: each recipient with an address gets Sent or a bounce, and a tracked message. Nothing leaves the server; the messages land in the simulated inbox below.',
  'send.event': 'Email event',
  'send.button': 'Send this email event',
  'send.noEvent': 'This campaign has no email event',
  'send.sending': 'Sending “{event}”…',
  'send.again': ' (sent before: the same outcomes)',
  'send.sent': 'Sent “{event}” to {count} recipients{again}: {delivered} delivered, {bounced} not delivered, {withoutEmail} without an email address.',
  'send.failed': 'Not sent: {message}',
  'inbox.title': 'Simulated inbox',
  'inbox.help':
    'Open loads the message’s tracking pixel; a link goes through the click redirect. The statistics refresh after each. Opens within 2 s and clicks within 10 s of delivery look like a mail proxy or a link scanner and are counted as machines (see "Leave out machine opens and clicks").',
  'inbox.empty': 'No messages yet: send an email event.',
  'inbox.delivered': 'Delivered',
  'inbox.notDelivered': 'Not delivered: {reason}',
  'inbox.sentBefore': '{outcome} (sent before)',
  'inbox.open': 'Open message to {name}',
  'inbox.close': 'Close message to {name}',
  'inbox.subject': 'Subject: {subject}',
  'inbox.greeting': 'Hello {name}, here is our offer:',
  'inbox.clickTracked': 'Click tracked at {time}, redirected to {url}',
  'inbox.clickNotTracked': 'Click not tracked',
  'inbox.openTracked': 'Open tracked at {time}',
  'inbox.openNotTracked': 'Open not tracked',
} as const;

export type DemoKey = keyof typeof en;

const de: Record<DemoKey, string> = {
  'nav.label': 'Demo-Seiten',
  'nav.record': 'Kontaktdatensatz',
  'nav.campaigns': 'Kampagnen',
  'header.note': 'Demo des Campaign Response Kits, mit dem Referenzserver',
  'switch.theme': 'Design',
  'switch.language': 'Sprache',
  'theme.light': 'Hell',
  'theme.dark': 'Dunkel',
  'theme.host-crm': 'Host-CRM',
  'record.kind': 'Kontakt',
  'record.recipient': 'Empfänger',
  'record.recipientHelp': 'Zwischen den angelegten Empfängern wechseln (verschiedene Zeitzonen).',
  'record.tabs': 'Datensatz',
  'tab.general': 'Allgemein',
  'tab.relationships': 'Beziehungen',
  'tab.marketing': 'Marketing',
  'tab.communication': 'Kommunikation',
  'tab.campaigns': 'Kampagnen',
  'tab.subscriptions': 'Abonnements',
  'offline.cutOff': 'Seite von der API trennen',
  'offline.cutOffTitle': 'Jede Anfrage des Kits an die API schlägt fehl, wie bei schlechtem WLAN; die Seite bleibt benutzbar',
  'offline.signOut': 'Abmelden (Offline-Daten löschen)',
  'offline.signOutTitle': 'Schließt den Offline-Speicher und löscht die wartenden Änderungen und den Cache dieses Benutzers',
  'offline.signedOut': 'Abgemeldet: Die wartenden Änderungen und gespeicherten Listen dieses Benutzers wurden gelöscht. Zum Anmelden neu laden.',
  'offline.signedOutUnsent': 'Abgemeldet: Die wartenden Änderungen ({count} nicht gesendet) und gespeicherten Listen dieses Benutzers wurden gelöscht. Zum Anmelden neu laden.',
  'offline.signOutAskOne': '1 Änderung wurde noch nicht gesendet. Beim Abmelden wird sie von diesem Gerät gelöscht. Trotzdem abmelden?',
  'offline.signOutAskMany': '{count} Änderungen wurden noch nicht gesendet. Beim Abmelden werden sie von diesem Gerät gelöscht. Trotzdem abmelden?',
  'offline.useWithout': 'Ohne Offline-Bearbeitung verwenden',
  'offline.useWith': 'Mit Offline-Bearbeitung verwenden',
  'log.title': 'Die Ereignisse des Kits',
  'log.help': 'Jedes cr-*-Ereignis der Elemente, das neueste zuerst, wie eine Host-Seite es empfängt.',
  'log.clear': 'Leeren',
  'start.failed': 'Die Demo konnte nicht starten: {message}',
  'campaign.kind': 'Kampagne',
  'campaign.pick': 'Kampagne',
  'campaign.pickHelp': 'Zwischen den angelegten Kampagnen wechseln.',
  'campaign.meta': '{events} Ereignisse · {currency}',
  'campaign.tabs': 'Kampagne',
  'campaign.statistics': 'Statistik',
  'campaign.reports': 'Berichte',
  'campaign.send': 'Senden und Posteingang',
  'send.title': 'Ein E-Mail-Ereignis senden',
  'send.help':
    'Der Referenzserver „sendet“ das Ereignis: Jeder Empfänger mit Adresse erhält Gesendet oder einen Bounce und eine verfolgte Nachricht. Nichts verlässt den Server; die Nachrichten landen im simulierten Posteingang unten.',
  'send.event': 'E-Mail-Ereignis',
  'send.button': 'Dieses E-Mail-Ereignis senden',
  'send.noEvent': 'Diese Kampagne hat kein E-Mail-Ereignis',
  'send.sending': '„{event}“ wird gesendet…',
  'send.again': ' (schon früher gesendet: dieselben Ergebnisse)',
  'send.sent': '„{event}“ an {count} Empfänger gesendet{again}: {delivered} zugestellt, {bounced} nicht zugestellt, {withoutEmail} ohne E-Mail-Adresse.',
  'send.failed': 'Nicht gesendet: {message}',
  'inbox.title': 'Simulierter Posteingang',
  'inbox.help':
    'Öffnen lädt das Zählpixel der Nachricht; ein Link geht über die Klick-Weiterleitung. Die Statistik wird danach aktualisiert. Öffnungen innerhalb von 2 s und Klicks innerhalb von 10 s nach der Zustellung sehen aus wie ein Mail-Proxy oder Link-Scanner und zählen als Maschinen (siehe „Maschinen-Öffnungen und -Klicks weglassen“).',
  'inbox.empty': 'Noch keine Nachrichten: Senden Sie ein E-Mail-Ereignis.',
  'inbox.delivered': 'Zugestellt',
  'inbox.notDelivered': 'Nicht zugestellt: {reason}',
  'inbox.sentBefore': '{outcome} (früher gesendet)',
  'inbox.open': 'Nachricht an {name} öffnen',
  'inbox.close': 'Nachricht an {name} schließen',
  'inbox.subject': 'Betreff: {subject}',
  'inbox.greeting': 'Hallo {name}, hier ist unser Angebot:',
  'inbox.clickTracked': 'Klick um {time} erfasst, weitergeleitet zu {url}',
  'inbox.clickNotTracked': 'Klick nicht erfasst',
  'inbox.openTracked': 'Öffnung um {time} erfasst',
  'inbox.openNotTracked': 'Öffnung nicht erfasst',
};

const tables: Record<string, Record<DemoKey, string>> = { en, de };

/** The demo's string in the page's language (`lang` of <html>), with `{name}` filled in. */
export function dt(key: DemoKey, params: Record<string, string | number> = {}): string {
  const table = tables[document.documentElement.lang.split('-')[0]] ?? en;
  return table[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/**
 * Puts the page's static words in its language: `data-demo-text` (the text), `data-demo-label`
 * (aria-label) and `data-demo-title` (title) name a key.
 */
export function translateDemoPage(): void {
  for (const element of document.querySelectorAll<HTMLElement>('[data-demo-text]')) element.textContent = dt(element.dataset.demoText as DemoKey);
  for (const element of document.querySelectorAll<HTMLElement>('[data-demo-label]')) element.setAttribute('aria-label', dt(element.dataset.demoLabel as DemoKey));
  for (const element of document.querySelectorAll<HTMLElement>('[data-demo-title]')) element.title = dt(element.dataset.demoTitle as DemoKey);
}
