/**
 * The database: embedded PGlite (default, data on disk) or PostgreSQL (DATABASE_URL, a pool).
 * Both speak one SQL dialect; queries are Drizzle `sql` templates (or text + params) and rows
 * come back in one shape on both engines: int8/numeric as numbers, timestamptz as Date,
 * date as 'YYYY-MM-DD', json/jsonb parsed.
 */
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { PgDialect } from 'drizzle-orm/pg-core';
import { PgliteStatements } from './pglite-statements.ts';
import { PGLITE_SHARED_BUFFERS_MB } from '../config.ts';
import type { SQL } from 'drizzle-orm';

export type DbKind = 'pglite' | 'postgres';

/** Something that runs queries: the database or a transaction. */
export interface Queryable {
  query<T = Record<string, unknown>>(q: SQL | string | Prepared, params?: unknown[]): Promise<T[]>;
  /**
   * `COPY table (columns) FROM STDIN` with `data` in COPY's text format (tab-separated, `\N` for
   * null; see `copyRow`). PostgreSQL streams it over the connection; PGlite reads it as a blob.
   */
  copyIn(table: string, columns: readonly string[], data: string): Promise<void>;
}

/** One line of COPY text format: tabs between values, `\N` for null, backslash escapes. */
export function copyRow(values: readonly unknown[]): string {
  let line = '';
  for (let i = 0; i < values.length; i++) {
    if (i) line += '\t';
    const v = values[i];
    if (v === null || v === undefined) line += '\\N';
    else if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') line += String(v);
    else if (v instanceof Date) line += v.toISOString();
    else
      line += String(v).replace(/[\\\n\r\t]/g, (c) =>
        c === '\\' ? '\\\\' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : '\\t',
      );
  }
  return line + '\n';
}

const copyStatement = (table: string, columns: readonly string[], source: string): string =>
  `COPY ${table} (${columns.join(', ')}) FROM ${source}`;

/** Session settings by name, e.g. `{ random_page_cost: 1.1 }` (names and values are checked). */
export type Settings = Record<string, string | number>;

/** Settings as checked name/value pairs (they are written into statements, not bound). */
function checked(settings: Settings): [string, string][] {
  return Object.entries(settings).map(([k, v]) => {
    if (!/^[a-z_]+$/.test(k) || !/^[\w.-]+$/.test(String(v)))
      throw new Error(`bad setting ${k}=${String(v)}`);
    return [k, String(v)];
  });
}

/** `SET LOCAL` statements for settings. */
function setLocal(settings: Settings): string[] {
  return checked(settings).map(([k, v]) => `SET LOCAL ${k} = '${v}'`);
}

export interface Db extends Queryable {
  readonly kind: DbKind;
  /** Runs `fn` in a transaction; commits when it resolves, rolls back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Runs statements with session settings of their own (e.g. planner costs for one module's
   * queries) without a transaction around them: on PostgreSQL a small pool whose sessions carry
   * the settings from the start (no round trip per use); on PGlite each statement in a
   * transaction that sets them locally.
   */
  withSettings(settings: Settings): Queryable;
  /** Runs a script of several statements (migrations). */
  exec(script: string): Promise<void>;
  /** LISTEN on a channel (PostgreSQL: a dedicated connection; PGlite: in-process). */
  listen(channel: string, onMessage: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/**
 * A hot statement kept prepared on PostgreSQL with one generic plan per connection, planned once
 * — which matters with monthly partitions, where a statement that cannot prune (the open queue,
 * intake's repeat count) would plan every month on every call (≈ 11 ms for the open queue at
 * 54 partitions, against ≈ 1 ms to run it). Only for statements whose text has a few variants
 * and whose plan does not hinge on the parameter values. PGlite keeps it with its generic plan
 * too (pglite-statements.ts), as it keeps every statement it sees again, planned with its values.
 */
export interface Prepared {
  readonly prepared: string;
  readonly q: SQL;
  /** Prepared on this engine only (elsewhere it runs as a plain statement). */
  readonly only?: DbKind | undefined;
}

/**
 * `only: 'pglite'` is for a statement whose generic plan is measured better on PGlite, where a
 * statement's planning runs on the thread that answers requests, but not checked at 10 M on
 * PostgreSQL.
 */
export function prepared(name: string, q: SQL, opts: { only?: DbKind } = {}): Prepared {
  return { prepared: name, q, only: opts.only };
}

const dialect = new PgDialect();

function compile(
  q: SQL | string | Prepared,
  params: unknown[] | undefined,
  kind: DbKind,
): { text: string; values: unknown[]; name?: string } {
  if (typeof q === 'string') return { text: q, values: params ?? [] };
  if ('prepared' in q && q.only && q.only !== kind) q = q.q;
  if ('prepared' in q) {
    const c = dialect.sqlToQuery(q.q);
    // One name per text: the same statement with another shape gets its own.
    const name = `${q.prepared}_${createHash('sha1').update(c.sql).digest('hex').slice(0, 16)}`;
    return { text: c.sql, values: c.params, name };
  }
  const c = dialect.sqlToQuery(q);
  return { text: c.sql, values: c.params };
}

const toNumber = (v: string): number => Number(v);
const identity = (v: string): string => v;

pg.types.setTypeParser(pg.types.builtins.INT8, toNumber);
pg.types.setTypeParser(pg.types.builtins.NUMERIC, toNumber);
pg.types.setTypeParser(pg.types.builtins.DATE, identity);

export interface OpenOptions {
  /** postgres://… or undefined for PGlite. */
  url?: string | undefined;
  /** PGlite data directory; 'memory://' for an in-memory database. */
  dataDir?: string;
  /** PGlite's shared buffers in MB (default `PGLITE_SHARED_BUFFERS_MB`, see there). */
  pgliteSharedBuffersMb?: number;
  /** PostgreSQL schema to use (tests create one per file); created if missing. */
  schema?: string;
  poolSize?: number;
  /** PostgreSQL's max_parallel_workers_per_gather on every connection (unset: the server's). */
  parallelWorkers?: number;
  statementTimeoutMs?: number;
  /** Application name shown in pg_stat_activity. */
  applicationName?: string;
}

/** Opens the database named by the options. */
export async function openDb(opts: OpenOptions): Promise<Db> {
  return opts.url ? openPostgres(opts) : openPglite(opts);
}

async function openPglite(opts: OpenOptions): Promise<Db> {
  const dir = opts.dataDir ?? 'memory://';
  if (!dir.startsWith('memory://')) mkdirSync(dir, { recursive: true });
  const client = await PGlite.create(dir, {
    extensions: { pg_trgm },
    startParams: [
      ...PGlite.defaultStartParams,
      '-c',
      `shared_buffers=${opts.pgliteSharedBuffersMb ?? PGLITE_SHARED_BUFFERS_MB}MB`,
    ],
    parsers: {
      [pgliteTypes.INT8]: toNumber,
      [pgliteTypes.NUMERIC]: toNumber,
      [pgliteTypes.DATE]: identity,
    },
  });
  // Statements seen again run PREPAREd (pglite-statements.ts): no parse, describe and, for
  // prepared(), no planning on every call.
  const statements = new PgliteStatements(client.serializers);
  const runner = (
    c: Pick<PGlite, 'query' | 'exec'>,
    inTransaction: boolean,
    settings?: string[],
    generic = false,
  ): Queryable => ({
    async query<T>(q: SQL | string | Prepared, params?: unknown[]): Promise<T[]> {
      const { text, values, name } = compile(q, params, 'pglite');
      const rows = await statements.run<T>(c, text, values, {
        generic: generic || name !== undefined,
        inTransaction,
        ...(settings ? { settings } : {}),
      });
      if (rows) return rows;
      if (settings)
        return client.transaction(async (tx) => {
          for (const statement of settings) await tx.query(statement);
          return (await tx.query<T>(text, values)).rows;
        });
      return (await c.query<T>(text, values)).rows;
    },
    async copyIn(table, columns, data) {
      await c.query(copyStatement(table, columns, "'/dev/blob'"), [], { blob: new Blob([data]) });
    },
  });
  const base = runner(client, false);
  const listeners = new Map<string, Set<(p: string) => void>>();
  return {
    kind: 'pglite',
    query: base.query,
    copyIn: base.copyIn,
    transaction: (fn) => client.transaction((tx) => fn(runner(tx, true))),
    // Each statement with the settings set locally: in the EXECUTE's own message, or in a
    // transaction around an unnamed statement.
    // plan_cache_mode=force_generic_plan is the generic flag of the EXECUTE (one SET, not two).
    withSettings: ({ plan_cache_mode: mode, ...rest }) =>
      runner(client, false, setLocal(rest), mode === 'force_generic_plan'),
    exec: async (script) => {
      await client.exec(script);
    },
    async listen(channel, onMessage) {
      const unsub = await client.listen(channel, onMessage);
      let set = listeners.get(channel);
      if (!set) listeners.set(channel, (set = new Set()));
      set.add(onMessage);
      return async () => {
        await unsub();
        set.delete(onMessage);
      };
    },
    close: () => client.close(),
  };
}

async function openPostgres(opts: OpenOptions): Promise<Db> {
  const url = opts.url as string;
  if (opts.schema) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(`CREATE SCHEMA IF NOT EXISTS "${opts.schema}"`);
    } finally {
      await admin.end();
    }
  }
  // Session settings sent in the startup packet (no round trip): the schema, parallel query.
  const startup = [
    ...(opts.schema ? [`-c search_path="${opts.schema}",public`] : []),
    ...(opts.parallelWorkers !== undefined
      ? [`-c max_parallel_workers_per_gather=${opts.parallelWorkers}`]
      : []),
  ];
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.poolSize ?? 10,
    application_name: opts.applicationName ?? 'komek',
    ...(opts.statementTimeoutMs ? { statement_timeout: opts.statementTimeoutMs } : {}),
    ...(startup.length ? { options: startup.join(' ') } : {}),
    connectionTimeoutMillis: 5000,
  });
  // An idle client that loses its server must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  // Prepared statements outside a transaction run on their own small pool whose sessions plan
  // every prepared statement generically: one round trip, no SET/RESET around each call.
  const generic = new pg.Pool({
    connectionString: url,
    max: Math.max(2, Math.ceil((opts.poolSize ?? 10) / 2)),
    application_name: `${opts.applicationName ?? 'komek'}-prepared`,
    ...(opts.statementTimeoutMs ? { statement_timeout: opts.statementTimeoutMs } : {}),
    options: ['-c plan_cache_mode=force_generic_plan', ...startup].join(' '),
    connectionTimeoutMillis: 5000,
  });
  generic.on('error', () => undefined);
  // Pools whose sessions start with settings of their own (withSettings), made on first use.
  const settingPools = new Map<string, pg.Pool>();
  const poolWith = (settings: Settings): pg.Pool => {
    const flags = checked(settings).map(([k, v]) => `-c ${k}=${v}`);
    const key = flags.join(' ');
    let p = settingPools.get(key);
    if (!p) {
      p = new pg.Pool({
        connectionString: url,
        max: Math.max(2, Math.ceil((opts.poolSize ?? 10) / 2)),
        application_name: `${opts.applicationName ?? 'komek'}-tuned`,
        ...(opts.statementTimeoutMs ? { statement_timeout: opts.statementTimeoutMs } : {}),
        options: [...flags, ...startup].join(' '),
        connectionTimeoutMillis: 5000,
      });
      p.on('error', () => undefined);
      settingPools.set(key, p);
    }
    return p;
  };
  const runner = (c: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T>(q: SQL | string | Prepared, params?: unknown[]): Promise<T[]> {
      const { text, values, name } = compile(q, params, 'postgres');
      if (!name) return (await c.query({ text, values })).rows as T[];
      // A prepared statement runs with its generic plan: planned once per connection.
      if (!('release' in c)) return (await generic.query({ name, text, values })).rows as T[];
      // Inside a transaction, set around this one statement: unnamed statements keep planning
      // with their values, and pruning. (A connection that fails here fails its COMMIT or
      // ROLLBACK too, and the transaction drops it.)
      await c.query('SET plan_cache_mode = force_generic_plan');
      try {
        return (await c.query({ name, text, values })).rows as T[];
      } finally {
        // Never masks the statement's own error (a failed statement leaves the session usable,
        // and RESET says so).
        await c.query('RESET plan_cache_mode').catch(() => undefined);
      }
    },
    async copyIn(table, columns, data) {
      const client = 'release' in c ? c : await pool.connect();
      try {
        const stream = client.query(copyFrom(copyStatement(table, columns, 'STDIN')));
        await pipeline(Readable.from([Buffer.from(data)]), stream);
      } finally {
        if (client !== c) (client as pg.PoolClient).release();
      }
    },
  });
  const base = runner(pool);
  return {
    kind: 'postgres',
    query: base.query,
    copyIn: base.copyIn,
    async transaction(fn) {
      const client = await pool.connect();
      // A connection that dies mid-transaction emits 'error': heard here, thrown by the query.
      const ignore = (): void => undefined;
      client.on('error', ignore);
      let broken = false;
      try {
        await client.query('BEGIN');
        const result = await fn(runner(client));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        // A connection that failed to roll back is not given back to the pool.
        await client.query('ROLLBACK').catch(() => {
          broken = true;
        });
        throw err;
      } finally {
        client.off('error', ignore);
        client.release(broken);
      }
    },
    withSettings: (settings) => runner(poolWith(settings)),
    async exec(script) {
      await pool.query(script);
    },
    async listen(channel, onMessage) {
      // A dedicated connection; when the server drops it (restart, failover) it is re-made.
      const name = `"${channel.replaceAll('"', '')}"`;
      let client: pg.PoolClient | undefined;
      let closed = false;
      const connect = async (): Promise<void> => {
        while (!closed) {
          try {
            const c = await pool.connect();
            c.on('notification', (n) => {
              if (n.channel === channel) onMessage(n.payload ?? '');
            });
            c.on('error', () => {
              c.release(true);
              if (client === c) client = undefined;
              if (!closed) setTimeout(() => void connect(), 500).unref();
            });
            await c.query(`LISTEN ${name}`);
            client = c;
            return;
          } catch {
            await new Promise((r) => setTimeout(r, 1000).unref());
          }
        }
      };
      await connect();
      return async () => {
        closed = true;
        const c = client;
        client = undefined;
        if (c) {
          await c.query(`UNLISTEN ${name}`).catch(() => undefined);
          c.release();
        }
      };
    },
    close: async () => {
      await Promise.all([pool.end(), generic.end(), ...[...settingPools.values()].map((p) => p.end())]);
    },
  };
}
