/**
 * `komek eval classify --train T --test E --text-column text --label-column category`
 * (or `--input F --split-column created_at --split-before 2021-02-01`, `--until U` to drop what comes
 * later, e.g. to validate on the month before the test month): trains the text model
 * (linear members, optionally blended with a finer label level: `--fine-label-column reason`)
 * and prints one JSON line: n, accuracy, macro_f1, top3, train_seconds, predict_ms_p50.
 * `--place-column C` adds what the resident chose besides the text (St Petersburg's portal asks
 * the kind of place: building, yard, street…) as a context tag `place:<value>`, as the intake
 * stores it.
 * `--preset city` trains what a city's retraining job trains (`CITY_MODEL`: the leaf categories,
 * its members, class weights and hash space; other flags still override). `--parent-column C`
 * makes the labels leaves of a tree, as a city's catalog is (a label found under two parents
 * becomes "parent › label"), and adds the parents' figures, each parent's probability being the
 * sum of its leaves': parent_accuracy, parent_macro_f1, parent_top3.
 */
import {
  CITY_MODEL,
  fineParents,
  fineTargets,
  predictText,
  type EnsembleOptions,
} from '@komek/domain/text/ensemble';
import { scoreRanked } from '@komek/domain/text/metrics';
import { trainTextModelInWorkers } from '../../lib/train-parallel.ts';
import { parseArgs, progressBar, readSplit, requireFlag } from '../io.ts';

const USAGE =
  'komek eval classify --train T --test E | --input F --split-column C --split-before V [--until U] --text-column C --label-column C [--preset city] [--parent-column C] [--fine-label-column C] [--members 1] [--fine-members 2] [--mix 0.25] [--fine-temperature 0.65] [--class-weight 0.3] [--bits 18] [--epochs 8] [--place-column C] [--tag-weight 20]';

export async function run(argv: string[]): Promise<void> {
  const { flags } = parseArgs(argv);
  const textCol = requireFlag(flags, 'text-column', USAGE);
  const labelCol = requireFlag(flags, 'label-column', USAGE);
  let { train, test } = await readSplit(flags, USAGE);
  const fineCol = flags['fine-label-column'];
  const parentCol = flags['parent-column'];
  const preset = flags.preset;
  if (preset !== undefined && preset !== 'city') throw new Error(`unknown preset '${preset}'\n${USAGE}`);
  const defaults: EnsembleOptions = preset === 'city' ? CITY_MODEL : {};
  const usable = (r: Record<string, string>): boolean =>
    Boolean(
      r[textCol]?.trim() &&
      r[labelCol]?.trim() &&
      (!fineCol || r[fineCol]?.trim()) &&
      (!parentCol || r[parentCol]?.trim()),
    );
  train = train.filter(usable);
  test = test.filter(usable);
  const placeCol = flags['place-column'];
  const tagsOf = (r: Record<string, string>): string[] =>
    placeCol && r[placeCol]?.trim() ? [`place:${(r[placeCol] as string).trim()}`] : [];
  // Under a parent column the labels are a tree's leaves, unique per parent as catalog codes are
  // (named over both files: a city's catalog is known before its requests are).
  const leaves = parentCol
    ? fineTargets(
        [...train, ...test].map((r) => r[parentCol] as string),
        [...train, ...test].map((r) => r[labelCol] as string),
      )
    : [...train, ...test].map((r) => r[labelCol] as string);
  const trainLabels = leaves.slice(0, train.length);
  const parentOf = parentCol
    ? fineParents(
        train.map((r) => r[parentCol] as string),
        trainLabels,
      )
    : {};
  const bar = progressBar('training', 1);
  let last = 0;
  const t0 = performance.now();
  const model = await trainTextModelInWorkers(
    train.map((r) => r[textCol] as string),
    trainLabels,
    {
      members: Number(flags.members ?? defaults.members ?? 1),
      ...(fineCol ? { fineLabels: train.map((r) => r[fineCol] as string) } : {}),
      ...(flags['fine-members'] ? { fineMembers: Number(flags['fine-members']) } : {}),
      ...(flags.mix ? { mix: Number(flags.mix) } : {}),
      ...(flags['fine-temperature'] ? { fineTemperature: Number(flags['fine-temperature']) } : {}),
      ...(placeCol ? { tags: train.map(tagsOf) } : {}),
      base: {
        ...defaults.base,
        features: {
          ...defaults.base?.features,
          ...(flags.bits ? { bits: Number(flags.bits) } : {}),
          ...(flags['tag-weight'] ? { tagWeight: Number(flags['tag-weight']) } : {}),
        },
        ...(flags.epochs ? { epochs: Number(flags.epochs) } : {}),
        ...(flags.lr ? { learningRate: Number(flags.lr) } : {}),
        ...(flags.l2 ? { l2: Number(flags.l2) } : {}),
        ...(flags['class-weight'] ? { classWeightPower: Number(flags['class-weight']) } : {}),
      },
    },
    (done, total) => {
      const pct = Math.floor((done / total) * 100);
      if (pct > last) {
        bar.tick(0);
        process.stderr.write(`\rtraining ${pct}%`);
        last = pct;
      }
    },
  );
  process.stderr.write('\n');
  const trainSeconds = (performance.now() - t0) / 1000;
  const times: number[] = [];
  const ranked: string[][] = [];
  const parentRanked: string[][] = [];
  for (const r of test) {
    const s = performance.now();
    const pred = predictText(model, r[textCol] as string, parentCol ? model.labels.length : 3, tagsOf(r));
    times.push(performance.now() - s);
    ranked.push(pred.slice(0, 3).map((p) => p.label));
    if (parentCol) {
      const sums = new Map<string, number>();
      for (const p of pred) {
        const parent = parentOf[p.label] ?? p.label;
        sums.set(parent, (sums.get(parent) ?? 0) + p.confidence);
      }
      parentRanked.push(
        [...sums]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 3)
          .map(([label]) => label),
      );
    }
  }
  const leaf = scoreRanked(leaves.slice(train.length), ranked);
  const parent = parentCol
    ? scoreRanked(
        test.map((r) => r[parentCol] as string),
        parentRanked,
      )
    : undefined;
  times.sort((a, b) => a - b);
  process.stdout.write(
    JSON.stringify({
      n: test.length,
      train_n: train.length,
      classes: leaf.classes,
      accuracy: leaf.accuracy,
      macro_f1: leaf.macro_f1,
      top3: leaf.top3,
      ...(parent
        ? { parent_accuracy: parent.accuracy, parent_macro_f1: parent.macro_f1, parent_top3: parent.top3 }
        : {}),
      train_seconds: Math.round(trainSeconds * 10) / 10,
      predict_ms_p50: Math.round((times[Math.floor(times.length / 2)] ?? 0) * 1000) / 1000,
      model_bytes: JSON.stringify(model).length,
    }) + '\n',
  );
}
