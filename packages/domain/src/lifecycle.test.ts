import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { STATUSES, TRANSITIONS, checkTransition, isOpen, residentMayTransition } from './lifecycle.ts';

describe('request lifecycle', () => {
  it('follows the main path new → assigned → in_progress → resolved → closed', () => {
    const path = ['new', 'assigned', 'in_progress', 'resolved', 'closed'] as const;
    for (let i = 1; i < path.length; i++) {
      expect(checkTransition(path[i - 1]!, { to: path[i]! }, 2026)).toEqual({ ok: true });
    }
  });

  it('refuses an illegal transition and lists the allowed ones', () => {
    const r = checkTransition('closed', { to: 'in_progress' }, 2026);
    expect(r).toEqual({ ok: false, code: 'illegal_transition', allowed: ['reopened'] });
  });

  it('requires a reason, a later planned year or a parent where the state needs one', () => {
    expect(checkTransition('new', { to: 'rejected' }, 2026)).toMatchObject({
      ok: false,
      code: 'reason_required',
    });
    expect(
      checkTransition('new', { to: 'deferred', reason: 'no budget', plannedYear: 2026 }, 2026),
    ).toMatchObject({
      ok: false,
      code: 'planned_year_required',
    });
    expect(checkTransition('new', { to: 'deferred', reason: 'no budget', plannedYear: 2027 }, 2026)).toEqual({
      ok: true,
    });
    expect(checkTransition('new', { to: 'duplicate' }, 2026)).toMatchObject({
      ok: false,
      code: 'duplicate_of_required',
    });
  });

  it('every status can be reached from new and every terminal one can be reopened', () => {
    const seen = new Set<string>(['new']);
    const queue = ['new'] as string[];
    while (queue.length) {
      const s = queue.shift() as keyof typeof TRANSITIONS;
      for (const t of TRANSITIONS[s]) {
        if (!seen.has(t)) {
          seen.add(t);
          queue.push(t);
        }
      }
    }
    expect([...seen].sort()).toEqual([...STATUSES].sort());
    for (const s of STATUSES)
      if (!isOpen(s) && s !== 'duplicate') expect(TRANSITIONS[s].length).toBeGreaterThan(0);
  });

  it('checkTransition agrees with the table for any pair', () => {
    fc.assert(
      fc.property(fc.constantFrom(...STATUSES), fc.constantFrom(...STATUSES), (from, to) => {
        const r = checkTransition(
          from,
          { to, reason: 'x', plannedYear: 2030, duplicateOf: '109-2026-0000001' },
          2026,
        );
        expect(r.ok).toBe(TRANSITIONS[from].includes(to));
      }),
    );
  });

  it('a resident may only confirm or reopen', () => {
    expect(residentMayTransition('resolved', 'closed')).toBe(true);
    expect(residentMayTransition('resolved', 'reopened')).toBe(true);
    expect(residentMayTransition('new', 'resolved')).toBe(false);
  });
});
