import { describe, expect, it } from 'vitest';
import { fineParents, fineTargets, memberJobs, predictText, trainTextModel } from './ensemble.ts';
import { MANY_CLASSES, predictLinear, trainLinear } from './linear-classifier.ts';

// Two coarse categories with two fine reasons each; "lights" is rare.
const DATA: [string, string, string][] = [
  ['глубокая яма на дороге', 'roads', 'pothole'],
  ['выбоина на проезжей части', 'roads', 'pothole'],
  ['шұңқыр жолда', 'roads', 'pothole'],
  ['pothole on the road', 'roads', 'pothole'],
  ['не горит фонарь на улице', 'roads', 'lights'],
  ['темно, уличное освещение не работает', 'roads', 'lights'],
  ['нет горячей воды в квартире', 'housing', 'water'],
  ['ыстық су жоқ', 'housing', 'water'],
  ['no hot water in the flat', 'housing', 'water'],
  ['холодные батареи, нет отопления', 'housing', 'heating'],
  ['батареялар суық', 'housing', 'heating'],
  ['radiators are cold, no heating', 'housing', 'heating'],
];
const texts = DATA.flatMap(([t]) => [t, `${t} второй день`, `срочно ${t}`]);
const coarse = DATA.flatMap(([, c]) => [c, c, c]);
const fine = DATA.flatMap(([, , f]) => [f, f, f]);

describe('text models', () => {
  it('an ensemble with a fine level ranks the right coarse label first and its probabilities sum to one', () => {
    const m = trainTextModel(texts, coarse, {
      members: 2,
      fineLabels: fine,
      fineMembers: 2,
      base: { features: { bits: 14 } },
    });
    expect(m.members).toHaveLength(2);
    expect(m.fine?.parentOf).toEqual({
      pothole: 'roads',
      lights: 'roads',
      water: 'housing',
      heating: 'housing',
    });
    const p = predictText(m, 'огромная яма, асфальт разбит', 2);
    expect(p[0]?.label).toBe('roads');
    expect(p[0]!.confidence + p[1]!.confidence).toBeCloseTo(1, 2);
    expect(predictText(m, 'в квартире нет отопления', 1)[0]?.label).toBe('housing');
    const again = JSON.parse(JSON.stringify(m)) as typeof m;
    expect(predictText(again, 'ыстық су жоқ', 2)).toEqual(predictText(m, 'ыстық су жоқ', 2));
  });

  it('predictText reads a single linear model as before', () => {
    const single = trainLinear(texts, coarse, { features: { bits: 14 } });
    expect(predictText(single, 'нет горячей воды', 2)).toEqual(predictLinear(single, 'нет горячей воды', 2));
  });

  it('class weights lift a rare class: with them the rare reason gets more probability', () => {
    const many = [...texts, ...Array.from({ length: 60 }, (_, i) => `яма на дороге номер ${i}`)];
    const labels = [...fine, ...Array.from({ length: 60 }, () => 'pothole')];
    const flat = trainLinear(many, labels, { features: { bits: 14 }, classWeightPower: 0 });
    const weighted = trainLinear(many, labels, { features: { bits: 14 }, classWeightPower: 1 });
    const prob = (m: typeof flat): number =>
      predictLinear(m, 'на дороге не горит фонарь', 4).find((p) => p.label === 'lights')?.confidence ?? 0;
    expect(prob(weighted)).toBeGreaterThan(prob(flat));
  });

  it('a fine label filed under two coarse labels becomes one fine class per parent', () => {
    const coarseOf = ['roofs', 'yards', 'yards', 'roofs'];
    const targets = fineTargets(coarseOf, ['snow', 'snow', 'litter', 'icicles']);
    expect(targets).toEqual(['roofs › snow', 'yards › snow', 'litter', 'icicles']);
    expect(fineParents(coarseOf, targets)).toEqual({
      'roofs › snow': 'roofs',
      'yards › snow': 'yards',
      litter: 'yards',
      icicles: 'roofs',
    });
  });

  it('next to a fine level the coarse members take the shorter schedule; alone they keep theirs', () => {
    const [coarse] = memberJobs({ fineLabels: fine });
    expect(coarse?.options).toMatchObject({ epochs: 5, learningRate: 2 });
    expect(memberJobs({})[0]?.options.learningRate).toBeUndefined();
    expect(memberJobs({ fineLabels: fine, base: { epochs: 3 } })[0]?.options.epochs).toBe(3);
  });

  it('a place tag decides what the words leave open, and a model trained without places ignores it', () => {
    // "Snow not cleared" is the building's (roof, entrance) or the street's: the place tells.
    const snow = ['снег не убран', 'не чистят снег', 'қар тазаланбаған', 'snow not cleared'];
    const t = [...texts, ...snow, ...snow];
    const y = [...coarse, ...snow.map(() => 'housing'), ...snow.map(() => 'roads')];
    const tags = [
      ...texts.map(() => []),
      ...snow.map(() => ['place:building']),
      ...snow.map(() => ['place:street']),
    ];
    const m = trainTextModel(t, y, { base: { features: { bits: 14, tagWeight: 3 } }, tags });
    expect(predictText(m, 'снег не убран', 1, ['place:building'])[0]?.label).toBe('housing');
    expect(predictText(m, 'снег не убран', 1, ['place:street'])[0]?.label).toBe('roads');
    expect(m.members[0]?.tagged).toBe(true);
    const plain = trainLinear(texts, coarse, { features: { bits: 14 } });
    expect(plain.tagged).toBeUndefined();
    expect(predictLinear(plain, 'снег не убран', 2, 1, ['place:street'])).toEqual(
      predictLinear(plain, 'снег не убран', 2),
    );
  });

  it('takes five passes over the data with many classes, eight with few', () => {
    const passes = (labels: string[]): number => {
      let last = 0;
      const t = labels.map((l, i) => `${l} текст ${i}`);
      trainLinear(t, labels, { features: { bits: 12 } }, (done, total) => (last = total));
      return last / labels.length; // fewer than 200 texts: nothing is held out
    };
    const many = Array.from({ length: 150 }, (_, i) => `c${i % MANY_CLASSES}`);
    expect(passes(many)).toBe(5);
    expect(passes(many.map((_, i) => `c${i % 2}`))).toBe(8);
  });

  it('refuses fine labels that do not match the texts', () => {
    expect(() => trainTextModel(texts, coarse, { fineLabels: ['x'] })).toThrow(/fine label/);
  });
});
