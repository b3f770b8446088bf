// Shared by the offline data client's and <campaign-sync-status>'s tests: an OfflineDataClient over
// the fake adapter with its own databases (deleted afterwards), fast backoff, and a form filler.
import { deleteDB } from 'idb';
import { OfflineDataClient, type OfflineDataClientOptions } from '../../src/data/offline-client.js';
import type { AddResponseDialog } from '../../src/components/add-response-dialog/add-response-dialog.js';
import type { CampaignResponseAdapter } from '../../src/adapter/types.js';
import { FakeAdapter } from './fake-adapter.js';
import { $, choose, typeInto } from './helpers.js';

export class OfflineClients {
  readonly clients: OfflineDataClient[] = [];
  readonly dbNames = new Set<string>();

  /** A client on its own database (or on `dbName`, to share one as two tabs or two visits would). */
  async open(adapter: CampaignResponseAdapter = new FakeAdapter(), options: Partial<OfflineDataClientOptions> = {}): Promise<OfflineDataClient> {
    const dbName = options.dbName ?? `cr-offline-client-test-${crypto.randomUUID()}`;
    this.dbNames.add(dbName);
    const client = new OfflineDataClient({
      adapter,
      userKey: 'test-user',
      dbName,
      cacheGraceMs: 50,
      undoDelayMs: 5000,
      ...options,
      outbox: { backoff: { baseMs: 20, capMs: 100 }, requestPersistence: false, ...options.outbox },
    });
    await client.ready;
    this.clients.push(client);
    return client;
  }

  async cleanUp(): Promise<void> {
    await Promise.all(this.clients.map((client) => client.close()));
    await Promise.all([...this.dbNames].flatMap((name) => [deleteDB(name), deleteDB(`${name}-cache`)]));
  }
}

/** Fills the New Campaign Response form as a person would. */
export async function fillResponse(dialog: AddResponseDialog, note = 'Met at the booth'): Promise<void> {
  choose($<HTMLSelectElement>(dialog, '#campaignId'), 'spring');
  await dialog.updateComplete;
  choose($<HTMLSelectElement>(dialog, '#eventId'), 'spring-call');
  await dialog.updateComplete;
  choose($<HTMLSelectElement>(dialog, '#detailId'), 'purchased');
  typeInto($<HTMLTextAreaElement>(dialog, '#note'), note);
  await dialog.updateComplete;
}
