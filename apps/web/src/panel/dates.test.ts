import { describe, expect, it } from 'vitest';
import { cityDay, daysBefore } from './dates.ts';

describe('the panel’s days', () => {
  it('are the city’s local days, not UTC’s', () => {
    // 20:30 UTC on 4 December is 01:30 on 5 December in Astana.
    const evening = new Date('2026-12-04T20:30:00Z');
    expect(cityDay('Asia/Almaty', evening)).toBe('2026-12-05');
    expect(cityDay('UTC', evening)).toBe('2026-12-04');
    expect(cityDay('America/New_York', new Date('2026-12-05T03:00:00Z'))).toBe('2026-12-04');
  });

  it('count back across months and years', () => {
    expect(daysBefore('2026-12-05', 6)).toBe('2026-11-29');
    expect(daysBefore('2026-01-01', 1)).toBe('2025-12-31');
    expect(daysBefore('2024-03-01', 1)).toBe('2024-02-29');
    expect(daysBefore('2026-12-05', 0)).toBe('2026-12-05');
  });
});
