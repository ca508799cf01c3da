/**
 * `komek eval classify --train T --test E --text-column text --label-column category`
 * (or `--input F --split-column created_at --split-before 2021-02-01`, `--until U` to drop what comes
 * later, e.g. to validate on the month before the test month): trains the text model
 * (linear members, optionally blended with a finer label level: `--fine-label-column reason`)
 * and prints one JSON line: n, accuracy, macro_f1, top3, train_seconds, predict_ms_p50.
 * `--place-column C` adds what the resident chose besides the text (St Petersburg's portal asks
 * the kind of place: building, yard, street…) as a context tag `place:<value>`, as the intake
 * stores it.
 */
import { predictText } from '@komek/domain/text/ensemble';
import { trainTextModelInWorkers } from '../../lib/train-parallel.ts';
import { parseArgs, progressBar, readSplit, requireFlag } from '../io.ts';

const USAGE =
  'komek eval classify --train T --test E | --input F --split-column C --split-before V [--until U] --text-column C --label-column C [--fine-label-column C] [--members 1] [--fine-members 2] [--mix 0.25] [--fine-temperature 0.65] [--class-weight 0.3] [--bits 18] [--epochs 8] [--place-column C] [--tag-weight 20]';

export async function run(argv: string[]): Promise<void> {
  const { flags } = parseArgs(argv);
  const textCol = requireFlag(flags, 'text-column', USAGE);
  const labelCol = requireFlag(flags, 'label-column', USAGE);
  let { train, test } = await readSplit(flags, USAGE);
  const fineCol = flags['fine-label-column'];
  const usable = (r: Record<string, string>): boolean =>
    Boolean(r[textCol]?.trim() && r[labelCol]?.trim() && (!fineCol || r[fineCol]?.trim()));
  train = train.filter(usable);
  test = test.filter(usable);
  const placeCol = flags['place-column'];
  const tagsOf = (r: Record<string, string>): string[] =>
    placeCol && r[placeCol]?.trim() ? [`place:${(r[placeCol] as string).trim()}`] : [];
  const bar = progressBar('training', 1);
  let last = 0;
  const t0 = performance.now();
  const model = await trainTextModelInWorkers(
    train.map((r) => r[textCol] as string),
    train.map((r) => r[labelCol] as string),
    {
      members: Number(flags.members ?? 1),
      ...(fineCol ? { fineLabels: train.map((r) => r[fineCol] as string) } : {}),
      ...(flags['fine-members'] ? { fineMembers: Number(flags['fine-members']) } : {}),
      ...(flags.mix ? { mix: Number(flags.mix) } : {}),
      ...(flags['fine-temperature'] ? { fineTemperature: Number(flags['fine-temperature']) } : {}),
      ...(placeCol ? { tags: train.map(tagsOf) } : {}),
      base: {
        features: {
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
  let correct = 0;
  let top3 = 0;
  const tp = new Map<string, number>();
  const fp = new Map<string, number>();
  const fn = new Map<string, number>();
  for (const r of test) {
    const s = performance.now();
    const pred = predictText(model, r[textCol] as string, 3, tagsOf(r));
    times.push(performance.now() - s);
    const truth = r[labelCol] as string;
    const top = pred[0]?.label ?? '';
    if (top === truth) {
      correct++;
      tp.set(truth, (tp.get(truth) ?? 0) + 1);
    } else {
      fp.set(top, (fp.get(top) ?? 0) + 1);
      fn.set(truth, (fn.get(truth) ?? 0) + 1);
    }
    if (pred.some((p) => p.label === truth)) top3++;
  }
  const classes = new Set([...test.map((r) => r[labelCol] as string)]);
  let f1sum = 0;
  for (const c of classes) {
    const t = tp.get(c) ?? 0;
    const prec = t + (fp.get(c) ?? 0) > 0 ? t / (t + (fp.get(c) ?? 0)) : 0;
    const rec = t + (fn.get(c) ?? 0) > 0 ? t / (t + (fn.get(c) ?? 0)) : 0;
    f1sum += prec + rec > 0 ? (2 * prec * rec) / (prec + rec) : 0;
  }
  times.sort((a, b) => a - b);
  const r4 = (x: number): number => Math.round(x * 10000) / 10000;
  process.stdout.write(
    JSON.stringify({
      n: test.length,
      train_n: train.length,
      classes: classes.size,
      accuracy: r4(correct / test.length),
      macro_f1: r4(f1sum / classes.size),
      top3: r4(top3 / test.length),
      train_seconds: Math.round(trainSeconds * 10) / 10,
      predict_ms_p50: Math.round((times[Math.floor(times.length / 2)] ?? 0) * 1000) / 1000,
      model_bytes: JSON.stringify(model).length,
    }) + '\n',
  );
}
