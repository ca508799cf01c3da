/**
 * Statements whose text depends on a few choices (their shape) and whose values change on every
 * call. Building a large statement from Drizzle `sql` fragments and compiling it on every call
 * walks the whole tree each time: the KB search statement made ≈ 68 KB of garbage a request
 * that way (42 % of all the server allocated under KB load). A template is built and compiled
 * once per shape; a call only fills in its values.
 *
 * The builder sees the shape and a `p(name)` for each value, never the values themselves, so a
 * value cannot end up compiled into the text by mistake.
 */
import { fillPlaceholders, sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';

export type Values = Record<string, unknown>;

/** Shapes kept compiled; past it the least recently used is compiled again when it returns. */
const MAX_SHAPES = 64;
const dialect = new PgDialect();

export class StatementTemplate<S> {
  readonly #compiled = new Map<string, { sql: string; params: unknown[] }>();

  constructor(private readonly build: (shape: S, p: (name: string) => SQL) => SQL) {}

  /** Text and values, compiled once per shape. */
  query(shape: S, values: Values): { text: string; values: unknown[] } {
    const key = JSON.stringify(shape);
    let c = this.#compiled.get(key);
    if (c) this.#compiled.delete(key);
    else {
      c = dialect.sqlToQuery(this.build(shape, (name) => sql`${sql.placeholder(name)}`));
      if (this.#compiled.size >= MAX_SHAPES) {
        const oldest = this.#compiled.keys().next().value;
        if (oldest !== undefined) this.#compiled.delete(oldest);
      }
    }
    this.#compiled.set(key, c);
    return { text: c.sql, values: fillPlaceholders(c.params, values) };
  }

  /** The statement as SQL with its values in (to compose, e.g. under EXPLAIN). */
  sql(shape: S, values: Values): SQL {
    return this.build(shape, (name) => {
      if (!(name in values)) throw new Error(`no value for ${name}`);
      return sql`${sql.param(values[name])}`;
    });
  }
}
