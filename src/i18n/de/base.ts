import type { enBase } from '../en/base.js';

/** German strings of what every element may show: states, errors and their causes, what the backend cannot do, offline and sync marks: the keys of `enBase`, no more, no fewer. `../de.ts` is their union. */
export const deBase: Record<keyof typeof enBase, string> = {
  'state.loading': 'Wird geladen…',
  'state.error': 'Etwas ist schiefgegangen: {message}',
  'state.retry': 'Erneut versuchen',
  'state.notFound': 'Dieser Empfänger wurde nicht gefunden.',
  'state.auth':
    'Sie sind nicht angemeldet oder dürfen dies nicht sehen. Melden Sie sich erneut an und versuchen Sie es noch einmal.',
  'state.noClient':
    'Keine Datenquelle eingerichtet. Verwenden Sie eines davon: die Eigenschaft {property} (oder api-base), einen <campaign-data-provider> um das Element oder einmal für die Seite configureCampaignKit(). Siehe „Configuring the data source“ in der README.',
  'error.noAnswer': 'Der Server hat nicht geantwortet (keine Verbindung, oder es dauerte zu lange).',
  'error.originRefused':
    'Der Server ist erreichbar, aber dieser Ursprung ({origin}) darf ihn nicht aufrufen. Tragen Sie ihn in die erlaubten Ursprünge des Servers ein (beim Referenzserver: CR_ALLOWED_ORIGINS).',
  'restore.needsConnection':
    'Wiederherstellen braucht eine Verbindung: Versuchen Sie es wieder, wenn Sie online sind.',
  'dialog.close': 'Schließen',
  'offline.unavailable':
    'Offline-Bearbeitung ist in diesem Browser nicht verfügbar (sein Speicher ist gesperrt): Jede Änderung wird sofort gesendet und braucht eine Verbindung.',
  'offline.asOf': 'Offline: Angezeigt wird der zuletzt gesehene Stand vom {when}.',
  'offline.queued': 'Auf diesem Gerät gespeichert. Wird gesendet, sobald die Verbindung es erlaubt.',
  'offline.historyLocalOnly':
    'Offline: Es werden nur die auf diesem Gerät wartenden Änderungen angezeigt. Der übrige Verlauf ist offline nicht verfügbar.',
  'offline.saved': 'Gespeichert.',
  'offline.saveFailed.quota':
    'Der Speicher dieses Geräts ist voll, daher wurde die Antwort NICHT gespeichert. Ihre Eingaben bleiben erhalten: Geben Sie Speicher frei oder versuchen Sie es erneut.',
  'offline.saveFailed.other':
    'Die Antwort konnte auf diesem Gerät nicht abgelegt werden und wurde NICHT gespeichert ({message}). Ihre Eingaben bleiben erhalten; versuchen Sie es erneut.',
  'sync.expired':
    'Sie wartete zu lange auf das Senden und wurde aufgegeben. „Erneut versuchen“ sendet sie als neue Änderung.',
  'sync.state.pending': 'Noch nicht gesendet',
  'sync.state.syncing': 'Wird gesendet',
  'sync.state.failed': 'Fehlgeschlagen',
  'sync.state.conflict': 'Konflikt',
  'sync.reason': 'Der Server meldet: {reason}',
  'sync.noReason': 'Der Server hat keinen Grund genannt.',
  'sync.retry': 'Erneut versuchen',
  'sync.retryFor': 'Erneut senden: {what}',
  'sync.lineHint': 'Unter Synchronisierungsstatus erneut versuchen oder verwerfen.',
  'capability.readOnly':
    'Dieses Backend ist schreibgeschützt: Antworten lassen sich hier ansehen, aber weder hinzufügen noch löschen.',
  'capability.noAdd': 'Dieses Backend nimmt von hier keine neuen Antworten an.',
  'capability.noDelete': 'Dieses Backend erlaubt hier kein Löschen von Antworten.',
  'capability.noDeleteLine': 'Dieses Backend kann keine einzelne Antwortzeile löschen.',
  'capability.latestOnly':
    'Dieses Backend speichert nur den letzten Status; frühere Antworten werden nicht angezeigt.',
  'capability.noNotes': 'Dieses Backend speichert keine Notizen zu Antworten.',
  'capability.deleteRemovesMembership':
    'Löschen entfernt die Person aus der Kampagne, nicht nur ihre Antworten.',
  'capability.noRestore': 'Dieses Backend kann gelöschte Antworten nicht wiederherstellen.',
  'capability.noAudit': 'Dieses Backend zeichnet nicht auf, wer was geändert hat.',
};
