import { describe, expect, it } from 'vitest';
import { scoreRanked } from './metrics.ts';

describe('scoreRanked', () => {
  it('gives top-1 accuracy, top-3 and macro-F1 over the true classes', () => {
    const s = scoreRanked(['a', 'a', 'b'], [['a', 'b'], ['b', 'a'], ['b']]);
    expect(s.accuracy).toBe(0.6667);
    expect(s.top3).toBe(1);
    // a: precision 1, recall 1/2; b: precision 1/2, recall 1 → F1 2/3 each.
    expect(s.macro_f1).toBe(0.6667);
    expect(s.classes).toBe(2);
  });

  it('counts a truth outside the top three as missed there too', () => {
    expect(scoreRanked(['d'], [['a', 'b', 'c', 'd']]).top3).toBe(0);
  });
});
