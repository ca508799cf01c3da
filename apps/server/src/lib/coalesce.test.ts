import { describe, expect, it } from 'vitest';
import { coalescing } from './coalesce.ts';

describe('coalescing writes', () => {
  it('flushes the items of one turn together, and a flush’s latecomers in the next one', async () => {
    const flushes: number[][] = [];
    let release: (() => void) | undefined;
    const c = coalescing<number>(async (items) => {
      flushes.push(items);
      if (items.includes(1)) await new Promise<void>((r) => (release = r));
    });
    const first = [1, 2, 3].map((i) => c.push(i));
    await new Promise((r) => setImmediate(r));
    // The first flush is under way (it waits for `release`): these wait for the next one.
    const later = [4, 5].map((i) => c.push(i));
    expect(flushes).toEqual([[1, 2, 3]]);
    release?.();
    await Promise.all([...first, ...later]);
    expect(flushes).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
  });

  it('a failed flush rejects its own items only', async () => {
    const c = coalescing<number>(async (items) => {
      if (items.includes(13)) throw new Error('no');
    });
    const bad = Promise.allSettled([c.push(13), c.push(14)]);
    await new Promise((r) => setImmediate(r));
    const good = c.push(15);
    expect((await bad).map((r) => r.status)).toEqual(['rejected', 'rejected']);
    await expect(good).resolves.toBeUndefined();
  });
});
