/**
 * One small database interface over two engines: PGlite (Postgres compiled to WASM, embedded, the
 * default so the demo needs no server) and PostgreSQL through a `pg` Pool (when DATABASE_URL is set).
 * Both speak the same SQL, so the migrations and every query are written once.
 */
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { pgliteTemplate } from './pglite-template.js';

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
  close(): Promise<void>;
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
  const template = dataDir ? undefined : await pgliteTemplate();
  const pglite = dataDir ? new PGlite(dataDir) : new PGlite(template ? { loadDataDir: template } : {});
  await pglite.waitReady;
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
    close: () => pglite.close(),
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
    close: () => pool.end(),
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
