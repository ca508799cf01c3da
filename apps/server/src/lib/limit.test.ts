import { describe, expect, it } from 'vitest';
import { concurrencyLimit } from './limit.ts';

describe('concurrencyLimit', () => {
  it('runs at most max at once, the rest in arrival order, and a failure frees its slot', async () => {
    const run = concurrencyLimit(2);
    let active = 0;
    let peak = 0;
    const started: number[] = [];
    const gates: (() => void)[] = [];
    const job = (i: number, fail = false) =>
      run(async () => {
        started.push(i);
        active++;
        peak = Math.max(peak, active);
        await new Promise<void>((resolve) => gates.push(resolve));
        active--;
        if (fail) throw new Error(`job ${i} failed`);
        return i;
      });
    const results = [job(0, true), job(1), job(2), job(3), job(4)].map((p) =>
      p.then(
        (v) => `ok ${v}`,
        (e: Error) => e.message,
      ),
    );
    const tick = () => new Promise((r) => setTimeout(r, 0));
    await tick();
    expect(started).toEqual([0, 1]);
    // Finishing (here: failing) one lets exactly one more start, the next in line.
    gates.shift()?.();
    await tick();
    expect(started).toEqual([0, 1, 2]);
    while (gates.length) {
      gates.shift()?.();
      await tick();
    }
    expect(await Promise.all(results)).toEqual(['job 0 failed', 'ok 1', 'ok 2', 'ok 3', 'ok 4']);
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(peak).toBe(2);
  });
});
