/** How well ranked predictions match the truth: what `eval classify` prints and a retraining stores. */

/** Top-1 accuracy, macro-F1 over the classes that occur in the truth, and top-3. */
export function scoreRanked(
  truths: readonly string[],
  ranked: readonly (readonly string[])[],
): { accuracy: number; macro_f1: number; top3: number; classes: number } {
  const tp = new Map<string, number>();
  const fp = new Map<string, number>();
  const fn = new Map<string, number>();
  let correct = 0;
  let top3 = 0;
  truths.forEach((truth, i) => {
    const pred = ranked[i] ?? [];
    const top = pred[0] ?? '';
    if (top === truth) {
      correct++;
      tp.set(truth, (tp.get(truth) ?? 0) + 1);
    } else {
      fp.set(top, (fp.get(top) ?? 0) + 1);
      fn.set(truth, (fn.get(truth) ?? 0) + 1);
    }
    if (pred.slice(0, 3).includes(truth)) top3++;
  });
  const classes = new Set(truths);
  let f1sum = 0;
  for (const c of classes) {
    const t = tp.get(c) ?? 0;
    const prec = t + (fp.get(c) ?? 0) > 0 ? t / (t + (fp.get(c) ?? 0)) : 0;
    const rec = t + (fn.get(c) ?? 0) > 0 ? t / (t + (fn.get(c) ?? 0)) : 0;
    f1sum += prec + rec > 0 ? (2 * prec * rec) / (prec + rec) : 0;
  }
  const r4 = (x: number): number => Math.round(x * 10000) / 10000;
  const n = Math.max(1, truths.length);
  return {
    accuracy: r4(correct / n),
    macro_f1: r4(f1sum / Math.max(1, classes.size)),
    top3: r4(top3 / n),
    classes: classes.size,
  };
}
