/**
 * One small database interface over two engines: PGlite (Postgres compiled to WASM, embedded, the
 * default so the demo needs no server) and PostgreSQL through a `pg` Pool (when DATABASE_URL is set).
 * Both speak the same SQL, so the migrations and every query are written once.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { pgliteTemplate } from './pglite-template.js';
import { lockDataDir } from './pglite-lock.js';

/** What a query or a transaction body may run. */
export interface Queryable {
  /** One statement with `$1`-style parameters; resolves with its rows. */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Several statements without parameters (a migration file). */
  exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
  readonly engine: 'pglite' | 'postgres';
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Calls `onNotify` for each NOTIFY on `channel` (delivered at its transaction's commit), and once
   * more after each reconnect, since what was sent meanwhile is lost. Resolves with a stop function;
   * close() stops every listener too.
   */
  listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/**
 * Runs `work`'s reads in one snapshot: a page's total and its items are two statements, and on
 * PostgreSQL (READ COMMITTED, a pool) each statement sees what committed before it began, so a
 * delete landing between them answered "16 responses" with none listed. On PGlite the transaction
 * keeps other requests' statements out until it ends.
 */
export function inOneSnapshot<T>(db: Db, work: (tx: Queryable) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    return work(tx);
  });
}

export interface OpenDbOptions {
  /** A PostgreSQL connection string; when set, PGlite is not used. */
  databaseUrl?: string;
  /** PGlite's data folder; omitted means in memory (tests). */
  dataDir?: string;
  /**
   * PostgreSQL only: a schema to create if missing and put first on every connection's search_path,
   * so a test run gets a clean namespace in a shared database.
   */
  schema?: string;
}

export async function openDb(options: OpenDbOptions = {}): Promise<Db> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.schema);
  return openPglite(options.dataDir);
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/u;

async function openPglite(dataDir: string | undefined): Promise<Db> {
  const onDisk = dataDir !== undefined && !dataDir.includes('://');
  const unlock = onDisk ? lockDataDir(dataDir) : () => undefined;
  let pglite: PGlite;
  try {
    // A folder that holds no database yet starts from the template too (tests' servers in new folders).
    const fresh = dataDir === undefined || dataDir === 'memory://' || (onDisk && !existsSync(join(dataDir, 'PG_VERSION')));
    const template = fresh ? await pgliteTemplate() : undefined;
    pglite = new PGlite(dataDir, template ? { loadDataDir: template } : {});
    await pglite.waitReady;
  } catch (error) {
    unlock();
    throw error;
  }
  const wrap = (target: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      return (await target.query<Row>(sql, [...params])).rows;
    },
    async exec(sql: string) {
      await target.exec(sql);
    },
  });
  return {
    engine: 'pglite',
    ...wrap(pglite),
    transaction: (work) => pglite.transaction((tx) => work(wrap(tx))),
    listen: (channel, onNotify) => pglite.listen(assertChannel(channel), onNotify),
    async close() {
      await pglite.close();
      unlock();
    },
  };
}

async function openPostgres(connectionString: string, schema: string | undefined): Promise<Db> {
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) throw new Error(`Not a plain schema name: ${schema}`);
  const pool = new pg.Pool({
    connectionString,
    max: 10,
    // The schema goes into the startup packet, so every pooled connection has it from the start.
    ...(schema ? { options: `-c search_path=${schema},public` } : {}),
  });
  if (schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  const listeners = new Set<() => Promise<void>>();
  const wrap = (target: pg.Pool | pg.PoolClient): Queryable => ({
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      return (await target.query(sql, [...params])).rows as Row[];
    },
    async exec(sql: string) {
      // Without parameters, pg uses the simple protocol, which accepts several statements.
      await target.query(sql);
    },
  });
  return {
    engine: 'postgres',
    ...wrap(pool),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async listen(channel, onNotify) {
      const stop = await listenOn(connectionString, assertChannel(channel), onNotify);
      const stopOnce = async () => {
        if (listeners.delete(stopOnce)) await stop();
      };
      listeners.add(stopOnce);
      return stopOnce;
    },
    async close() {
      await Promise.all([...listeners].map((stop) => stop()));
      await pool.end();
    },
  };
}

const CHANNEL_NAME = /^[a-z_][a-z0-9_]{0,62}$/u;

function assertChannel(channel: string): string {
  if (!CHANNEL_NAME.test(channel)) throw new Error(`Not a plain channel name: ${channel}`);
  return channel;
}

const RELISTEN_DELAY_MS = 1_000;

/**
 * LISTEN needs a connection of its own, kept open: a pooled one goes back to the pool, and its
 * LISTEN with it. A lost connection is opened again after a pause, and `onNotify` is called then,
 * so the caller reads what it may have missed.
 */
async function listenOn(connectionString: string, channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>> {
  let stopped = false;
  let client: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString });
    next.on('notification', (message) => {
      if (message.channel === channel) onNotify(message.payload ?? '');
    });
    next.on('error', () => reconnect(next));
    await next.connect();
    await next.query(`LISTEN ${channel}`);
    if (stopped) return void (await next.end());
    client = next;
  };
  const reconnect = (failed: pg.Client | undefined): void => {
    if (stopped || (failed && failed !== client) || retry) return;
    client = undefined;
    void failed?.end().catch(() => undefined);
    retry = setTimeout(() => {
      retry = undefined;
      connect().then(() => onNotify(''), (error: unknown) => {
        console.error(`LISTEN ${channel} failed; trying again:`, error);
        reconnect(undefined);
      });
    }, RELISTEN_DELAY_MS);
    retry.unref();
  };
  await connect();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    await client?.end().catch(() => undefined);
    client = undefined;
  };
}

/** Numeric columns arrive as strings (exact decimals); the API speaks JSON numbers. */
export function toMoney(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

/** Timestamps arrive as Date from both engines; the API speaks ISO 8601 in UTC. */
export function toInstant(value: unknown): string {
  return (value instanceof Date ? value : new Date(String(value))).toISOString();
}

export function toNullableInstant(value: unknown): string | null {
  return value === null || value === undefined ? null : toInstant(value);
}
