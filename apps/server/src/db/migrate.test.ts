import { describe, expect, it } from 'vitest';
import { openTestDb } from '../../test/server.ts';
import { migrate, migrationFiles, splitSql } from './migrate.ts';

describe('migrations', () => {
  it('apply each file once, in order', async () => {
    const { db, drop } = await openTestDb();
    try {
      const first = await migrate(db);
      expect(first.applied).toEqual(migrationFiles());
      expect((await migrate(db)).applied).toEqual([]);
      await expect(db.query("UPDATE request_events SET body = 'x'")).resolves.toBeDefined();
    } finally {
      await drop();
    }
  });

  it('events are append-only', async () => {
    const { db, drop } = await openTestDb();
    try {
      await migrate(db);
      await db.query("INSERT INTO cities (id, name, time_zone) VALUES ('c1', '{}'::jsonb, 'UTC')");
      await db.query(
        "INSERT INTO requests (city_id, number, channel, text, lang, criticality, status, due_at) VALUES ('c1', 'N-1', 'phone', 't', 'ru', 'low', 'new', now())",
      );
      await db.query(
        "INSERT INTO request_events (city_id, request_id, type, actor_kind) SELECT 'c1', id, 'created', 'system' FROM requests",
      );
      await expect(db.query("UPDATE request_events SET body = 'changed'")).rejects.toThrow(/append-only/);
      await expect(db.query('DELETE FROM request_events')).rejects.toThrow(/append-only/);
    } finally {
      await drop();
    }
  });

  it('split statements at semicolons outside quotes and dollar-quoted bodies', () => {
    expect(
      splitSql(
        "SELECT ';'; CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1; $$; -- c;\nSELECT 2",
      ),
    ).toEqual(["SELECT ';'", 'CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1; $$', 'SELECT 2']);
  });
});
