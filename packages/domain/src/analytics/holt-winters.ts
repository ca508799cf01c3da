/**
 * Forecasting daily volume with additive Holt-Winters (level, trend, weekly season), parameters
 * chosen by a small grid search on one-step-ahead errors over the training series.
 */

export interface HwParams {
  alpha: number;
  beta: number;
  gamma: number;
  period: number;
}

export interface HwFit {
  params: HwParams;
  level: number;
  trend: number;
  season: number[];
  /** Standard deviation of one-step errors (for intervals). */
  sigma: number;
}

function run(y: readonly number[], p: HwParams): { fit: HwFit; sse: number } {
  const m = p.period;
  const first = y.slice(0, m);
  const second = y.slice(m, 2 * m);
  const mean1 = first.reduce((a, b) => a + b, 0) / m;
  const mean2 = second.length === m ? second.reduce((a, b) => a + b, 0) / m : mean1;
  let level = mean1;
  let trend = (mean2 - mean1) / m;
  const season = first.map((v) => v - mean1);
  let sse = 0;
  let n = 0;
  for (let t = m; t < y.length; t++) {
    const s = season[t % m] as number;
    const forecast = level + trend + s;
    const err = (y[t] as number) - forecast;
    sse += err * err;
    n++;
    const prevLevel = level;
    level = p.alpha * ((y[t] as number) - s) + (1 - p.alpha) * (level + trend);
    trend = p.beta * (level - prevLevel) + (1 - p.beta) * trend;
    season[t % m] = p.gamma * ((y[t] as number) - level) + (1 - p.gamma) * s;
  }
  return { fit: { params: p, level, trend, season, sigma: Math.sqrt(sse / Math.max(1, n)) }, sse };
}

/** Fits the model to a daily series (at least two periods long). */
export function fitHoltWinters(y: readonly number[], period = 7): HwFit {
  if (y.length < 2 * period) throw new Error(`need at least ${2 * period} points`);
  let best: { fit: HwFit; sse: number } | undefined;
  for (const alpha of [0.05, 0.1, 0.2, 0.3, 0.5])
    for (const beta of [0, 0.01, 0.05])
      for (const gamma of [0.05, 0.1, 0.2, 0.3]) {
        const r = run(y, { alpha, beta, gamma, period });
        if (!best || r.sse < best.sse) best = r;
      }
  return (best as { fit: HwFit }).fit;
}

/** Forecasts `horizon` steps after the end of the fitted series (index = y.length + h). */
export function forecastHoltWinters(
  fit: HwFit,
  seriesLength: number,
  horizon: number,
): { value: number; lo: number; hi: number }[] {
  const m = fit.params.period;
  return Array.from({ length: horizon }, (_, h) => {
    const value = Math.max(
      0,
      fit.level + (h + 1) * fit.trend + (fit.season[(seriesLength + h) % m] as number),
    );
    const spread = 1.96 * fit.sigma * Math.sqrt(1 + h * 0.1);
    return { value, lo: Math.max(0, value - spread), hi: value + spread };
  });
}

/** Mean absolute percentage error over the points whose actual value is not zero. */
export function mape(actual: readonly number[], predicted: readonly number[]): number {
  let sum = 0;
  let n = 0;
  actual.forEach((a, i) => {
    if (a !== 0) {
      sum += Math.abs((a - (predicted[i] ?? 0)) / a);
      n++;
    }
  });
  return n ? sum / n : 0;
}
