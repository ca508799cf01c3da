/**
 * Worker thread: trains the city's model (`CITY_MODEL`: members over the leaf categories, one
 * after another on this thread) on 90 % of the set and measures it on the rest.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { CITY_MODEL, predictText, trainTextModel } from '@komek/domain/text/ensemble';
import { scoreRanked } from '@komek/domain/text/metrics';

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
  const score = scoreRanked(
    evalIdx.map((i) => labels[i] as string),
    evalIdx.map((i) => predictText(model, texts[i] as string, 3, tags?.[i]).map((p) => p.label)),
  );
  const metrics = evalIdx.length
    ? { accuracy: score.accuracy, top3: score.top3, macroF1: score.macro_f1, evaluatedOn: evalIdx.length }
    : { evaluatedOn: 0 };
  parentPort?.postMessage({ type: 'done', result: { model, labels: model.labels.length, metrics } });
} catch (err) {
  parentPort?.postMessage({ type: 'error', message: (err as Error).message });
}
