/**
 * Text models built from the linear classifier: a small ensemble of members that see the text
 * through different character n-gram ranges (their averaged probabilities are steadier than any
 * one of them), optionally with a finer label level (sub-category, reason) whose probabilities
 * are summed up to their parent and blended with the coarse model's.
 *
 * Measured on the St Petersburg split (train Oct–Jan, test Feb; `komek eval classify`):
 * category 1 member 0.919 / 0.828 macro-F1 → with 2 reason members blended 0.927 / 0.851;
 * with reasons unique per parent, the shorter coarse schedule and sharpened reason members
 * 0.930 / 0.857 (validated on Jan 2021, trained Oct–Dec 2020: 0.935 → 0.939);
 * reason 1 member 0.744 / 0.530 → 3 members with class weights 0.744 / 0.570 (5 epochs with this
 * many classes: 48 s to train on two cores). `CITY_MODEL` (what a city trains: 3 members over the
 * leaves, 2^16 buckets; `--preset city --parent-column category`): leaves 0.739 / 0.563, their
 * categories 0.928 / 0.856 / top-3 0.992.
 * The text alone stops near 0.93 (more members, finer geo cells as tags: no gain). What the
 * resident says besides the text does more: with the kind of place as a tag (`--place-column
 * city_object`; the intake's `place`) category 0.960 / 0.894 / top-3 0.995, reason 0.870 / 0.670.
 */
import type { FeatureOptions, TagLists } from './hashed-features.ts';
import { predictLinear, trainLinear, type LinearModel, type TrainOptions } from './linear-classifier.ts';

export interface EnsembleModel {
  kind: 'ensemble';
  version: 1;
  labels: string[];
  members: LinearModel[];
  /** Finer-level members (labels are the fine labels) and each fine label's parent. */
  fine?: { members: LinearModel[]; parentOf: Record<string, string> };
  /** Weight of the coarse members in the blend (the fine level gets 1 − mix). */
  mix: number;
  /** Factor on the fine members' calibrated temperatures in the blend (absent: 1). */
  fineTemperature?: number;
  trainedOn: number;
}

export type TextModel = LinearModel | EnsembleModel;

export interface EnsembleOptions {
  /** Coarse members (1–3). */
  members?: number;
  /** Fine labels, one per text (e.g. the reason under a category); enables the blend. */
  fineLabels?: readonly string[];
  fineMembers?: number;
  mix?: number;
  /**
   * Factor on the fine members' temperatures when their probabilities are summed to the parents
   * (default 0.65): calibrated, a fine member spreads mass over many reasons of other parents;
   * sharpened, its sum follows its most likely reasons. On Jan 2021 (trained Oct–Dec 2020), three
   * seeds: 0.9349/0.9365/0.9370 → 0.9386/0.9374/0.9406.
   */
  fineTemperature?: number;
  /** Options shared by every member (features are varied per member on top of these). */
  base?: TrainOptions;
  fineClassWeightPower?: number;
  /** Context tags per text (e.g. the place the resident chose: `['place:yard']`). */
  tags?: TagLists;
}

/**
 * What a city's retraining job trains from its history (`classify/training-worker.ts`) and
 * `komek eval classify --preset city` measures: members over the leaf categories (the level an
 * operator picks; their parents' probabilities are their sums), with class weights that lift rare
 * leaves, in 2^16 buckets to keep the stored model small (int8 weights: 64 KB per class and member).
 */
export const CITY_MODEL: EnsembleOptions = {
  members: 3,
  base: { features: { bits: 16 }, classWeightPower: 0.6 },
};

/** Member i's view of the text: different character n-gram ranges and seeds. */
const VARIANTS: Partial<FeatureOptions>[] = [{}, { charMin: 1, charMax: 4 }, { charMin: 3, charMax: 6 }];

/** One member to train: which label level, and its options. */
export interface MemberJob {
  level: 'coarse' | 'fine';
  options: TrainOptions;
}

/** The members an ensemble needs, in order (independent: they may be trained in parallel). */
export function memberJobs(o: EnsembleOptions = {}): MemberJob[] {
  const base = o.base ?? {};
  const hierarchical = Boolean(o.fineLabels);
  const job = (level: MemberJob['level'], i: number, classWeightPower?: number): MemberJob => ({
    level,
    options: {
      ...base,
      seed: (base.seed ?? 1) + i,
      features: { ...(base.features ?? {}), ...(VARIANTS[i % VARIANTS.length] ?? {}) },
      ...(classWeightPower !== undefined ? { classWeightPower } : {}),
      // Many fine classes cost time per epoch; five epochs reach the same accuracy there.
      ...(level === 'fine' && base.epochs === undefined ? { epochs: 5 } : {}),
      // Next to a fine level, the coarse members take a shorter, gentler schedule (5 epochs at
      // learning rate 2 instead of 8 at 4): they stop before memorising rare n-grams. Validated on
      // Jan 2021 with Oct–Dec 2020 training: one coarse member 0.927 → 0.932 (three seeds/rates).
      ...(level === 'coarse' && hierarchical && base.epochs === undefined ? { epochs: 5 } : {}),
      ...(level === 'coarse' && hierarchical && base.learningRate === undefined ? { learningRate: 2 } : {}),
    },
  });
  const nCoarse = Math.max(1, Math.min(3, o.members ?? 1));
  const nFine = o.fineLabels ? Math.max(1, Math.min(3, o.fineMembers ?? 2)) : 0;
  return [
    ...Array.from({ length: nCoarse }, (_, i) => job('coarse', i)),
    ...Array.from({ length: nFine }, (_, i) => job('fine', i, o.fineClassWeightPower ?? 0.6)),
  ];
}

/**
 * The labels the fine members learn: the fine label itself, or, when the same fine label occurs
 * under more than one coarse label (St Petersburg's "unremoved snow" is filed under roofs and
 * under landscaping), the pair "coarse › fine", so that every fine class has exactly one parent.
 */
export function fineTargets(labels: readonly string[], fineLabels: readonly string[]): string[] {
  if (fineLabels.length !== labels.length) throw new Error('need one fine label per text');
  const parents = new Map<string, Set<string>>();
  fineLabels.forEach((f, i) => {
    const set = parents.get(f) ?? new Set<string>();
    set.add(labels[i] as string);
    parents.set(f, set);
  });
  return fineLabels.map((f, i) => ((parents.get(f)?.size ?? 0) > 1 ? `${labels[i] as string} › ${f}` : f));
}

/** A fine label's parent: the coarse label it carries most often. */
export function fineParents(
  labels: readonly string[],
  fineLabels: readonly string[],
): Record<string, string> {
  if (fineLabels.length !== labels.length) throw new Error('need one fine label per text');
  const votes = new Map<string, Map<string, number>>();
  fineLabels.forEach((f, i) => {
    const m = votes.get(f) ?? new Map<string, number>();
    m.set(labels[i] as string, (m.get(labels[i] as string) ?? 0) + 1);
    votes.set(f, m);
  });
  const parentOf: Record<string, string> = {};
  for (const [f, m] of votes) parentOf[f] = [...m].sort((a, b) => b[1] - a[1])[0]?.[0] as string;
  return parentOf;
}

/** Puts trained members (in `memberJobs` order) together. */
export function assembleEnsemble(
  jobs: readonly MemberJob[],
  trained: readonly LinearModel[],
  o: EnsembleOptions,
  labels: readonly string[],
): EnsembleModel {
  const members = trained.filter((_, i) => jobs[i]?.level === 'coarse');
  const fineMembers = trained.filter((_, i) => jobs[i]?.level === 'fine');
  const fine =
    o.fineLabels && fineMembers.length
      ? { members: fineMembers, parentOf: fineParents(labels, fineTargets(labels, o.fineLabels)) }
      : undefined;
  return {
    kind: 'ensemble',
    version: 1,
    labels: members[0]?.labels ?? [],
    members,
    ...(fine ? { fine } : {}),
    mix: fine ? (o.mix ?? 0.25) : 1,
    ...(fine ? { fineTemperature: o.fineTemperature ?? 0.65 } : {}),
    trainedOn: labels.length,
  };
}

/** A member's options with the texts' context tags, if any. */
export function withTags(options: TrainOptions, tags: TagLists | undefined): TrainOptions {
  return tags ? { ...options, tags } : options;
}

/** Trains an ensemble (and the fine level when fine labels are given). CPU-heavy: use a worker. */
export function trainTextModel(
  texts: readonly string[],
  labels: readonly string[],
  o: EnsembleOptions = {},
  onProgress?: (done: number, total: number) => void,
): EnsembleModel {
  if (o.fineLabels && o.fineLabels.length !== texts.length) throw new Error('need one fine label per text');
  const jobs = memberJobs(o);
  const fine = o.fineLabels ? fineTargets(labels, o.fineLabels) : [];
  const trained = jobs.map((j, i) =>
    trainLinear(texts, j.level === 'fine' ? fine : labels, withTags(j.options, o.tags), (d, t) =>
      onProgress?.(i * t + d, jobs.length * t),
    ),
  );
  return assembleEnsemble(jobs, trained, o, labels);
}

function average(
  members: readonly LinearModel[],
  text: string,
  map: Record<string, string> | undefined,
  sharpen: number,
  tags: readonly string[] | undefined,
): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of members) {
    for (const p of predictLinear(m, text, m.labels.length, sharpen, tags)) {
      const label = map ? (map[p.label] ?? p.label) : p.label;
      out.set(label, (out.get(label) ?? 0) + p.confidence / members.length);
    }
  }
  return out;
}

/**
 * The k most likely labels with probabilities, for a single linear model or an ensemble, given
 * the text and its context tags (a model trained without tags ignores them).
 */
export function predictText(
  m: TextModel,
  text: string,
  k = 3,
  tags?: readonly string[],
): { label: string; confidence: number }[] {
  if (m.kind === 'linear-softmax') return predictLinear(m, text, k, 1, tags);
  const p = average(m.members, text, undefined, 1, tags);
  if (m.fine) {
    for (const [label, v] of p) p.set(label, v * m.mix);
    for (const [label, v] of average(m.fine.members, text, m.fine.parentOf, m.fineTemperature ?? 1, tags))
      p.set(label, (p.get(label) ?? 0) + (1 - m.mix) * v);
  }
  return [...p]
    .sort((a, b) => b[1] - a[1])
    .slice(0, k)
    .map(([label, confidence]) => ({ label, confidence: Math.round(confidence * 1000) / 1000 }));
}

/** The labels a model can predict. */
export function modelLabels(m: TextModel): string[] {
  return m.labels;
}
