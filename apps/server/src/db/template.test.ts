import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { StatementTemplate } from './template.ts';

interface Shape {
  active: boolean;
}

let built = 0;
const t = new StatementTemplate<Shape>((s, p) => {
  built++;
  return sql`SELECT id FROM things WHERE city_id = ${p('city')} ${s.active ? sql`AND status = ANY(${p('statuses')}::text[])` : sql``} LIMIT ${p('limit')}`;
});

describe('statement templates', () => {
  it('compile a shape once and fill in each call’s values in order, arrays as one value', () => {
    const a = t.query({ active: true }, { city: 'astana', statuses: ['new', 'assigned'], limit: 10 });
    const b = t.query({ active: true }, { city: 'almaty', statuses: ['closed'], limit: 5 });
    expect(built).toBe(1);
    expect(a.text).toBe('SELECT id FROM things WHERE city_id = $1 AND status = ANY($2::text[]) LIMIT $3');
    expect(b.text).toBe(a.text);
    expect(a.values).toEqual(['astana', ['new', 'assigned'], 10]);
    expect(b.values).toEqual(['almaty', ['closed'], 5]);
    const c = t.query({ active: false }, { city: 'astana', limit: 10 });
    expect(built).toBe(2);
    expect(c.text).toBe('SELECT id FROM things WHERE city_id = $1  LIMIT $2');
    expect(c.values).toEqual(['astana', 10]);
  });

  it('refuse a call without one of the values', () => {
    expect(() => t.query({ active: true }, { city: 'astana', limit: 1 })).toThrow(/statuses/);
    expect(() => t.sql({ active: true }, { city: 'astana', limit: 1 })).toThrow(/statuses/);
  });

  it('give the same statement as SQL with its values in (for EXPLAIN)', () => {
    const values = { city: 'astana', statuses: ['new'], limit: 3 };
    const q = new PgDialect().sqlToQuery(t.sql({ active: true }, values));
    const filled = t.query({ active: true }, values);
    expect(q.sql).toBe(filled.text);
    expect(q.params).toEqual(filled.values);
  });
});
