/**
 * The reliability tests' backend: ONE reference server per test run (PGlite in memory: its first
 * open runs initdb, seconds, so not per test) and any number of fault proxies in front of it, one
 * per test. The database gets an audit trail (triggers) of every response line inserted or deleted
 * and every idempotency key stored, each with its transaction id and a global order, so a test can
 * check not only the final state but that each operation took effect exactly once, in order, and
 * that a replayed delete-all deleted nothing added after it.
 */
import { randomBytes } from 'node:crypto';
import { startServer, type RunningServer } from '../../../server/start.js';
import type { AuditEvent, Fixture, ProxyLogEntry, ProxySettings, ProxyStats, ServerState } from '../protocol.js';
import { FaultProxy, type FaultProxyOptions } from './fault-proxy.js';

export type { AuditEvent, Fixture, ServerState };

const AUDIT_SQL = `
CREATE TABLE IF NOT EXISTS test_audit (
  n bigserial PRIMARY KEY,
  txid bigint NOT NULL DEFAULT txid_current(),
  kind text NOT NULL,
  line_id uuid,
  recipient_id text,
  campaign_id text,
  note text,
  key text,
  path text
);
CREATE OR REPLACE FUNCTION test_audit_lines() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO test_audit (kind, line_id, recipient_id, campaign_id, note) VALUES ('insert', NEW.id, NEW.recipient_id, NEW.campaign_id, NEW.note);
    RETURN NEW;
  END IF;
  -- Deletes are soft: a line marked deleted counts as deleted; a restore is not a test event.
  IF TG_OP = 'UPDATE' THEN
    IF OLD.deleted_at IS NULL AND NEW.deleted_at IS NOT NULL THEN
      INSERT INTO test_audit (kind, line_id, recipient_id, campaign_id, note) VALUES ('delete', OLD.id, OLD.recipient_id, OLD.campaign_id, OLD.note);
    END IF;
    RETURN NEW;
  END IF;
  INSERT INTO test_audit (kind, line_id, recipient_id, campaign_id, note) VALUES ('delete', OLD.id, OLD.recipient_id, OLD.campaign_id, OLD.note);
  RETURN OLD;
END $$;
CREATE OR REPLACE FUNCTION test_audit_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO test_audit (kind, key, path) VALUES ('key', NEW.key, NEW.path);
  RETURN NEW;
END $$;
DROP TRIGGER IF EXISTS test_audit_lines ON all_response_lines;
CREATE TRIGGER test_audit_lines AFTER INSERT OR UPDATE OF deleted_at OR DELETE ON all_response_lines FOR EACH ROW EXECUTE FUNCTION test_audit_lines();
DROP TRIGGER IF EXISTS test_audit_keys ON idempotency_keys;
CREATE TRIGGER test_audit_keys AFTER INSERT ON idempotency_keys FOR EACH ROW EXECUTE FUNCTION test_audit_keys();
`;

export class ReliabilityBackend {
  readonly server: RunningServer;
  readonly #proxies = new Map<string, FaultProxy>();
  #fixtures = 0;

  private constructor(server: RunningServer) {
    this.server = server;
  }

  static async start(): Promise<ReliabilityBackend> {
    const server = await startServer({
      port: 0,
      host: '127.0.0.1',
      dataDir: 'memory://',
      vite: false,
      seed: true,
      statsSchedule: false,
      token: randomBytes(18).toString('base64url'),
    });
    await server.db.exec(AUDIT_SQL);
    return new ReliabilityBackend(server);
  }

  async startProxy(options: Omit<FaultProxyOptions, 'target'> = {}): Promise<{ proxyId: string; apiBase: string; token: string }> {
    const proxy = await FaultProxy.start({ ...options, target: this.server.url });
    const proxyId = randomBytes(6).toString('hex');
    this.#proxies.set(proxyId, proxy);
    return { proxyId, apiBase: `${proxy.url}/api`, token: this.server.token };
  }

  /** The server's own API base, no proxy: it lists no origin for CORS (the proxies answer CORS themselves). */
  direct(): { apiBase: string; token: string } {
    return { apiBase: `${this.server.url}/api`, token: this.server.token };
  }

  proxy(proxyId: string): FaultProxy {
    const proxy = this.#proxies.get(proxyId);
    if (!proxy) throw new Error(`no fault proxy ${proxyId}`);
    return proxy;
  }

  configureProxy(proxyId: string, change: ProxySettings): void {
    this.proxy(proxyId).configure(change);
  }

  proxyReport(proxyId: string, options: { log?: boolean } = {}): { stats: ProxyStats; log?: ProxyLogEntry[]; held: number } {
    const proxy = this.proxy(proxyId);
    return { stats: proxy.stats, held: proxy.heldCount(), ...(options.log ? { log: proxy.log } : {}) };
  }

  async stopProxy(proxyId: string): Promise<void> {
    await this.#proxies.get(proxyId)?.close();
    this.#proxies.delete(proxyId);
  }

  /**
   * A recipient of its own and `campaigns` campaigns sent to it, each with one event: a test's
   * private corner of the database. The seed has only a few campaigns per recipient.
   */
  async createFixture(prefix: string, campaigns: number): Promise<Fixture> {
    this.#fixtures += 1;
    const tag = `${prefix}-${this.#fixtures}-${randomBytes(3).toString('hex')}`;
    const recipientId = `r-${tag}`;
    const made: Fixture['campaigns'] = [];
    await this.server.db.transaction(async (tx) => {
      await tx.query('INSERT INTO recipients (id, display_name, email, time_zone) VALUES ($1, $2, NULL, $3)', [recipientId, `Test ${tag}`, 'UTC']);
      for (let i = 1; i <= campaigns; i += 1) {
        const id = `c-${tag}-${String(i).padStart(2, '0')}`;
        const eventId = `e-${tag}-${String(i).padStart(2, '0')}`;
        await tx.query('INSERT INTO campaigns (id, title, currency, base_cost, expected_revenue) VALUES ($1, $2, $3, NULL, NULL)', [id, `Campaign ${i} (${tag})`, 'USD']);
        await tx.query(
          `INSERT INTO campaign_events (id, campaign_id, name, channel, date, status, cost, legacy_email)
           VALUES ($1, $2, $3, 'event', now() - interval '10 days', 'completed', NULL, false)`,
          [eventId, id, `Booth ${i}`],
        );
        await tx.query('INSERT INTO campaign_recipients (campaign_id, recipient_id) VALUES ($1, $2)', [id, recipientId]);
        made.push({ id, eventId });
      }
    });
    return { recipientId, campaigns: made, detailId: 'responded' };
  }

  /** What the server holds for `recipientId`, and the audit trail of how it got there. */
  async state(recipientId: string, keys: readonly string[] = []): Promise<ServerState> {
    const db = this.server.db;
    const lines = await db.query<{ id: string; campaign_id: string; note: string }>(
      'SELECT id::text AS id, campaign_id, note FROM response_lines WHERE recipient_id = $1 ORDER BY id',
      [recipientId],
    );
    const audit = await db.query<Record<string, unknown>>(
      `SELECT n, txid, kind, line_id::text AS line_id, recipient_id, campaign_id, note, key, path FROM test_audit
        WHERE recipient_id = $1
           OR (kind = 'key' AND (txid IN (SELECT txid FROM test_audit WHERE recipient_id = $1)
                                 OR path LIKE '%/recipients/' || $1 || '/%'
                                 OR key = ANY($2::text[])))
        ORDER BY n`,
      [recipientId, [...keys]],
    );
    return {
      lines: lines.map((row) => ({ id: row.id, campaignId: row.campaign_id, note: row.note })),
      audit: audit.map((row) => ({
        n: Number(row.n),
        txid: Number(row.txid),
        kind: row.kind as AuditEvent['kind'],
        lineId: (row.line_id as string | null) ?? null,
        recipientId: (row.recipient_id as string | null) ?? null,
        campaignId: (row.campaign_id as string | null) ?? null,
        note: (row.note as string | null) ?? null,
        key: (row.key as string | null) ?? null,
        path: (row.path as string | null) ?? null,
      })),
    };
  }

  async close(): Promise<void> {
    await Promise.all([...this.#proxies.values()].map((proxy) => proxy.close()));
    this.#proxies.clear();
    await this.server.close();
  }
}
