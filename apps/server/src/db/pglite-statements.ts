/**
 * PGlite's statements, kept prepared in its one session.
 *
 * PGlite's `query(text, params)` sends every statement unnamed over the extended protocol: each
 * call parses and analyses the text again, describes it (a second trip into the WASM, for the
 * parameter types) and plans it. For the candidate search at 1 M requests that is 4.4 ms a call,
 * of which 0.6 ms is running the plan. Here a statement seen again is `PREPARE`d once (the session
 * keeps the analysed statement, and its generic plan when one is asked for), and each call is one
 * simple-protocol message:
 *
 *     SET LOCAL plan_cache_mode = force_custom_plan; EXECUTE komek_7('astana', '51.15', …)
 *
 * The values are written as quoted literals, serialised exactly as PGlite serialises a bound
 * value (its own serializers, chosen by the parameter types the session reports for the
 * statement), and EXECUTE coerces each literal to its parameter's type as a bound text value is
 * coerced. `SET LOCAL` lasts for the message (an implicit transaction block) or, inside a
 * transaction, is set back after the statement.
 *
 * - `generic`: the statement's one generic plan (what `prepared()` asks for; PostgreSQL runs those
 *   on sessions with `plan_cache_mode=force_generic_plan`).
 * - otherwise a custom plan made with the values, as the unnamed statement had.
 *
 * Only single SELECT/WITH/INSERT/UPDATE/DELETE/VALUES texts without `;` qualify; anything else,
 * a statement seen for the first time, and a statement PREPARE refuses run as before.
 */
import type { PGlite, Transaction } from '@electric-sql/pglite';

/** What a statement runs on: the PGlite client or one of its transactions. */
export type PgliteSession = Pick<PGlite | Transaction, 'exec'>;

type Serializer = (x: unknown) => string;

interface Statement {
  readonly name: string;
  /** Parameter type OIDs, as the session resolved them. */
  readonly types: readonly number[];
}

export interface RunOptions {
  /** Plan once, generically (`prepared()` statements); otherwise plan each call with its values. */
  generic: boolean;
  /** `SET LOCAL` statements to run before it (settings of the caller's, already checked). */
  settings?: readonly string[];
  /** True inside a transaction: plan_cache_mode is set back after the statement. */
  inTransaction: boolean;
}

const ELIGIBLE = /^\s*(?:SELECT|WITH|INSERT|UPDATE|DELETE|VALUES)\b/i;

/** A NUL cannot be stored in text; PostgreSQL refuses a bound one with this error too. */
function nulError(): Error {
  return Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: '22021' });
}

/** `value` as a quoted SQL literal, serialised as PGlite would bind it for a parameter of type `oid`. */
function literal(
  value: unknown,
  oid: number | undefined,
  serializers: Record<number, Serializer>,
): string {
  if (value === null || value === undefined) return 'NULL';
  const serialize = oid === undefined ? undefined : serializers[oid];
  const text = serialize ? serialize(value) : String(value);
  if (text.includes('\0')) throw nulError();
  return `'${text.replaceAll("'", "''")}'`;
}

/** Names are unique in the process (two instances on one database never collide). */
let named = 0;

export class PgliteStatements {
  readonly #serializers: Record<number, Serializer>;
  /** Prepared statements by text, least recently used first (`ready` once PREPARE answered). */
  readonly #prepared = new Map<string, { made: Promise<Statement | undefined>; ready?: Statement }>();
  /** How often a text not yet prepared was seen (-1: PREPARE refused it), oldest first. */
  readonly #seen = new Map<string, number>();

  constructor(
    serializers: Record<number, Serializer>,
    private readonly opts: { max: number; after: number; maxSeen: number } = {
      max: 100,
      after: 2,
      maxSeen: 2000,
    },
  ) {
    this.#serializers = serializers;
  }

  /** Prepared statements held in the session now (for tests and diagnostics). */
  get size(): number {
    return this.#prepared.size;
  }

  /**
   * Runs the statement through EXECUTE when it qualifies; undefined when it should run as an
   * unnamed statement instead (not a plain DML text, seen for the first time, refused by PREPARE).
   */
  async run<T>(
    session: PgliteSession,
    text: string,
    values: readonly unknown[],
    opts: RunOptions,
  ): Promise<T[] | undefined> {
    const statement = await this.#statement(session, text, opts.generic, opts.inTransaction);
    if (!statement) return undefined;
    const args = values.map((v, i) => literal(v, statement.types[i], this.#serializers));
    const before = [
      `SET LOCAL plan_cache_mode = ${opts.generic ? 'force_generic_plan' : 'force_custom_plan'}`,
      ...(opts.settings ?? []),
    ];
    const script =
      `${before.join('; ')}; EXECUTE ${statement.name}${args.length ? `(${args.join(', ')})` : ''}` +
      (opts.inTransaction ? '; SET LOCAL plan_cache_mode = auto' : '');
    try {
      const results = await session.exec(script);
      return (results[before.length]?.rows ?? []) as T[];
    } catch (err) {
      // The statement is gone or its result columns changed (DDL since it was prepared): forget
      // it and let the caller run the text unnamed (outside a transaction that now succeeds;
      // inside one, the caller's retry reports the aborted transaction).
      const e = err as { code?: string; message?: string };
      if (e.code === '26000' || /cached plan must not change result type/.test(e.message ?? '')) {
        this.#prepared.delete(text);
        if (e.code !== '26000' && !opts.inTransaction)
          await session.exec(`DEALLOCATE ${statement.name}`).catch(() => undefined);
        return undefined;
      }
      throw err;
    }
  }

  async #statement(
    session: PgliteSession,
    text: string,
    generic: boolean,
    inTransaction: boolean,
  ): Promise<Statement | undefined> {
    const held = this.#prepared.get(text);
    if (held) {
      // Most recently used last.
      this.#prepared.delete(text);
      this.#prepared.set(text, held);
      // A PREPARE still on its way outside this transaction waits for the transaction to end:
      // waiting for it here would wait forever.
      if (held.ready || !inTransaction) return held.ready ?? (await held.made);
      return undefined;
    }
    if (!ELIGIBLE.test(text) || text.includes(';')) return undefined;
    const seen = this.#seen.get(text) ?? 0;
    if (seen < 0) return undefined;
    if (!generic && seen + 1 < this.opts.after) {
      this.#seen.delete(text);
      this.#seen.set(text, seen + 1);
      if (this.#seen.size > this.opts.maxSeen) this.#seen.delete(this.#seen.keys().next().value as string);
      return undefined;
    }
    this.#seen.delete(text);
    const name = `komek_${++named}`;
    const entry: { made: Promise<Statement | undefined>; ready?: Statement } = {
      made: this.#prepare(session, name, text),
    };
    this.#prepared.set(text, entry);
    const statement = await entry.made;
    if (!statement) {
      if (this.#prepared.get(text) === entry) this.#prepared.delete(text);
      return undefined;
    }
    entry.ready = statement;
    await this.#evict(session);
    return statement;
  }

  async #prepare(session: PgliteSession, name: string, text: string): Promise<Statement | undefined> {
    try {
      await session.exec(`PREPARE ${name} AS ${text}`);
      const [types] = await session.exec(
        `SELECT parameter_types::oid[] AS types FROM pg_prepared_statements WHERE name = '${name}'`,
      );
      return { name, types: (types?.rows[0] as { types: number[] } | undefined)?.types ?? [] };
    } catch (err) {
      // Refused for what the text is (not for an aborted transaction): never tried again.
      if ((err as { code?: string }).code !== '25P02') this.#seen.set(text, -1);
      return undefined;
    }
  }

  /** Keeps at most `max` statements prepared: the least recently used is deallocated. */
  async #evict(session: PgliteSession): Promise<void> {
    for (const [text, entry] of this.#prepared) {
      if (this.#prepared.size <= this.opts.max) return;
      // One still being prepared is left for a later turn.
      if (!entry.ready) continue;
      this.#prepared.delete(text);
      await session.exec(`DEALLOCATE ${entry.ready.name}`).catch(() => undefined);
    }
  }
}
