/**
 * Worker thread: trains the city's model (`CITY_MODEL`: members over the leaf categories, one
 * after another on this thread) on 90 % of the set and measures it on the rest.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { CITY_MODEL, predictText, trainTextModel } from '@komek/domain/text/ensemble';

const { texts, labels, tags } = (
  workerData as { data: { texts: string[]; labels: string[]; tags?: string[][] } }
).data;
try {
  const n = texts.length;
  const cut = n >= 50 ? Math.floor(n * 0.9) : n;
  // The set comes newest first: evaluate on the newest 10 %, as the model will be used on what comes next.
  const trainIdx = [...Array(n).keys()].slice(n - cut);
  const evalIdx = [...Array(n).keys()].slice(0, n - cut);
  const model = trainTextModel(
    trainIdx.map((i) => texts[i] as string),
    trainIdx.map((i) => labels[i] as string),
    { ...CITY_MODEL, ...(tags ? { tags: trainIdx.map((i) => tags[i] ?? []) } : {}) },
    (done, total) => parentPort?.postMessage({ type: 'progress', done, total }),
  );
  let top1 = 0;
  let top3 = 0;
  for (const i of evalIdx) {
    const p = predictText(model, texts[i] as string, 3, tags?.[i]);
    if (p[0]?.label === labels[i]) top1++;
    if (p.some((x) => x.label === labels[i])) top3++;
  }
  const metrics = evalIdx.length
    ? { accuracy: top1 / evalIdx.length, top3: top3 / evalIdx.length, evaluatedOn: evalIdx.length }
    : { evaluatedOn: 0 };
  parentPort?.postMessage({ type: 'done', result: { model, labels: model.labels.length, metrics } });
} catch (err) {
  parentPort?.postMessage({ type: 'error', message: (err as Error).message });
}
