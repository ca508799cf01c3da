/**
 * Applies the SQL files in ./migrations in name order, each once and in its own transaction,
 * under an advisory lock so that several processes starting together apply each file once.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from './client.ts';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'migrations');
const LOCK_KEY = 7_109_109;

export interface MigrationResult {
  applied: string[];
}

/** The migration files, in order. */
export function migrationFiles(): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort();
}

/** Applies the pending migrations (with `until`, only those named up to it: tests of a conversion). */
export async function migrate(db: Db, opts: { until?: string } = {}): Promise<MigrationResult> {
  await db.transaction(async (tx) => {
    // Two processes starting together must not race to create the bookkeeping table.
    await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY]);
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      name text PRIMARY KEY,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
  });
  const applied: string[] = [];
  for (const name of migrationFiles()) {
    if (opts.until !== undefined && name > opts.until) break;
    const script = readFileSync(join(dir, name), 'utf8');
    const done = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY]);
      const seen = await tx.query('SELECT 1 FROM schema_migrations WHERE name = $1', [name]);
      if (seen.length) return false;
      for (const statement of splitSql(script)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [name]);
      return true;
    });
    if (done) applied.push(name);
  }
  return { applied };
}

/**
 * Splits a migration script into statements at semicolons outside quotes, comments and
 * dollar-quoted bodies, so every statement can run through the extended protocol inside the
 * migration's transaction on both engines.
 */
export function splitSql(script: string): string[] {
  const out: string[] = [];
  let cur = '';
  let i = 0;
  while (i < script.length) {
    const c = script[i] as string;
    const two = script.slice(i, i + 2);
    if (two === '--') {
      const end = script.indexOf('\n', i);
      i = end === -1 ? script.length : end + 1;
      cur += '\n';
      continue;
    }
    if (two === '/*') {
      const end = script.indexOf('*/', i + 2);
      i = end === -1 ? script.length : end + 2;
      continue;
    }
    if (c === "'" || c === '"') {
      let j = i + 1;
      while (j < script.length) {
        if (script[j] === c) {
          if (script[j + 1] === c) j += 2;
          else break;
        } else j++;
      }
      cur += script.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (c === '$') {
      const m = /^\$[A-Za-z_]*\$/.exec(script.slice(i));
      if (m) {
        const tag = m[0];
        const end = script.indexOf(tag, i + tag.length);
        const stop = end === -1 ? script.length : end + tag.length;
        cur += script.slice(i, stop);
        i = stop;
        continue;
      }
    }
    if (c === ';') {
      if (cur.trim()) out.push(cur.trim());
      cur = '';
      i++;
      continue;
    }
    cur += c;
    i++;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}
