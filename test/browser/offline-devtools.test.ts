/**
 * Real offline through the browser's own emulation (the `offline-for` server command of
 * scripts/wtr-shared.mjs: DevTools in Chromium, WebDriver BiDi in Firefox).
 */
import { expect } from '@open-wc/testing';
import { deleteDB } from 'idb';
import { executeServerCommand } from '@web/test-runner-commands';
import { UnavailableError } from '../../src/adapter/errors.js';
import { Outbox, type OutboxEvent, type OutboxSender } from '../../src/offline/index.js';
import { eventually, newLine } from '../support/browser/outbox-doubles.js';

describe('Outbox and the real network (DevTools offline)', () => {
  let dbName: string;
  let opened: Outbox[];
  beforeEach(() => {
    dbName = `cr-outbox-test-${crypto.randomUUID()}`;
    opened = [];
  });
  afterEach(async () => {
    await Promise.all(opened.map((outbox) => outbox.close()));
    await deleteDB(dbName);
  });

  it('real offline (DevTools): requests fail, the op waits; when the network is back it is delivered once', async () => {
    // A sender whose requests really go out: a GET of a file of the test server stands in for the PUT.
    let delivered = 0;
    const real: OutboxSender = {
      async addResponse(line, options) {
        try {
          const response = await fetch(`/package.json?key=${options.idempotencyKey}`, { cache: 'no-store', signal: options.signal });
          if (!response.ok) throw new UnavailableError(`HTTP ${response.status}`, { status: response.status });
        } catch (error) {
          if (error instanceof UnavailableError) throw error;
          throw new UnavailableError('network', { cause: error });
        }
        delivered += 1;
        return { ...line, categoryId: 'responded', recordedAt: new Date().toISOString(), author: null, source: 'manual', link: null, evidence: null };
      },
      deleteAllResponses: async () => ({ deleted: 0 }),
    };
    const outbox = await Outbox.open({ dbName, sender: real, backoff: { baseMs: 100, capMs: 400 } });
    opened.push(outbox);
    const events: OutboxEvent[] = [];
    outbox.subscribe((event) => events.push(event));
    await executeServerCommand('offline-for', { ms: 1500 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await outbox.enqueueAdd(newLine());
    await eventually(() => events.some((e) => e.type === 'sync-failed'), 3000);
    const failure = events.find((e) => e.type === 'sync-failed');
    expect(failure).to.include({ final: false });
    await eventually(async () => (await outbox.list()).length === 0, 8000);
    expect(delivered).to.equal(1);
  });
});
