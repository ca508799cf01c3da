/**
 * The search log, written in batches. A search answers without a statement of its own for its
 * log row: rows wait in this process (at most `MAX_DELAY_MS`, or until `MAX_ROWS` are waiting)
 * and go to the database in one INSERT. Under load that is one statement for many searches
 * instead of one each (KB search at ten clients, A/B: 618–679 → 766–880 req/s, docs/SCALING.md).
 *
 * The rows only feed the KB's statistics: a crash loses at most the last half second of them.
 * The statistics flush this process's rows before they read, and the server flushes on close.
 */
import type { Db } from '../../db/client.ts';
import { insertSearches, type SearchLogRow } from './repository-search.ts';

export const MAX_ROWS = 200;
export const MAX_DELAY_MS = 500;

class SearchLog {
  private rows: SearchLogRow[] = [];
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly db: Db) {}

  add(row: SearchLogRow): void {
    this.rows.push(row);
    if (this.rows.length >= MAX_ROWS) void this.flush();
    else if (!this.timer) {
      this.timer = setTimeout(() => void this.flush(), MAX_DELAY_MS);
      this.timer.unref();
    }
  }

  get waiting(): number {
    return this.rows.length;
  }

  /** Writes the waiting rows; resolves when every batch handed over so far is written (or failed). */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.rows.splice(0);
    if (batch.length)
      this.writing = this.writing
        .then(() => insertSearches(this.db, batch))
        // Best effort. The rows' queries may hold personal data, and so may a database error
        // quoting a value: only the count and the error's code are told.
        .catch((err: unknown) => {
          const code = (err as { code?: unknown }).code;
          process.emitWarning(`search log: ${batch.length} rows not written (${String(code ?? 'error')})`);
        });
    return this.writing;
  }
}

const logs = new WeakMap<Db, SearchLog>();

function logOf(db: Db): SearchLog {
  let log = logs.get(db);
  if (!log) logs.set(db, (log = new SearchLog(db)));
  return log;
}

/** Queues a search's log row (written within `MAX_DELAY_MS`). */
export function logSearch(db: Db, row: SearchLogRow): void {
  logOf(db).add(row);
}

/** Writes this process's waiting rows now (before statistics are read, and on close). */
export function flushSearchLog(db: Db): Promise<void> {
  return logs.get(db)?.flush() ?? Promise.resolve();
}

/** How many rows wait in this process (not yet handed to the database). */
export function waitingSearchRows(db: Db): number {
  return logs.get(db)?.waiting ?? 0;
}
