import { describe, expect, it } from 'vitest';
import { fitHoltWinters, forecastHoltWinters, mape } from './holt-winters.ts';

describe('Holt-Winters', () => {
  it('forecasts a clean weekly series with a trend within a few percent', () => {
    const shape = [100, 110, 105, 100, 95, 50, 40];
    const y = Array.from({ length: 140 }, (_, t) => (shape[t % 7] as number) + 0.2 * t);
    const train = y.slice(0, 126);
    const test = y.slice(126);
    const fit = fitHoltWinters(train);
    const f = forecastHoltWinters(fit, train.length, test.length).map((x) => x.value);
    expect(mape(test, f)).toBeLessThan(0.05);
  });

  it('mape skips zeros and is 0 for a perfect forecast', () => {
    expect(mape([0, 10, 20], [5, 10, 20])).toBe(0);
    expect(mape([10], [15])).toBeCloseTo(0.5);
  });
});
