/**
 * The evaluation commands on small data written here: they train, predict and print one JSON
 * line whose figures follow from the data (a separable set scores high; a shuffled one does not).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { run as evalClassify } from './commands/eval-classify.ts';
import { run as evalKb } from './commands/eval-kb.ts';

const dir = mkdtempSync(join(tmpdir(), 'komek-eval-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TOPICS: Record<string, { reason: string; words: string[] }[]> = {
  roads: [
    { reason: 'pothole', words: ['яма на дороге', 'выбоина асфальт', 'жолда шұңқыр', 'pothole road'] },
    { reason: 'snow', words: ['не убран снег', 'сугробы во дворе', 'қар тазаланбаған', 'snow not cleared'] },
  ],
  housing: [
    { reason: 'heating', words: ['холодные батареи', 'нет отопления', 'жылу жоқ', 'no heating'] },
    { reason: 'water', words: ['нет горячей воды', 'течёт кран', 'ыстық су жоқ', 'no hot water'] },
  ],
  lights: [
    { reason: 'lamp', words: ['не горит фонарь', 'темно на улице', 'шам жанбайды', 'street lamp off'] },
  ],
};
const FILLER = ['второй день', 'уже неделю', 'просим помочь', 'срочно', 'у дома 5', 'возле школы'];

function csvLine(values: string[]): string {
  return values.map((v) => `"${v.replaceAll('"', '""')}"`).join(',');
}

function writeSet(name: string, shuffleLabels: boolean): string {
  const rows: string[] = [csvLine(['created_at', 'text', 'category', 'reason'])];
  let i = 0;
  const cats = Object.keys(TOPICS);
  for (let day = 1; day <= 28; day++) {
    for (const [cat, reasons] of Object.entries(TOPICS)) {
      for (const r of reasons) {
        const text = `${r.words[i % r.words.length]} ${FILLER[(i * 7) % FILLER.length]}`;
        const label = shuffleLabels ? (cats[(i * 5 + day) % cats.length] as string) : cat;
        rows.push(csvLine([`2021-02-${String(day).padStart(2, '0')}`, text, label, r.reason]));
        i++;
      }
    }
  }
  const path = join(dir, name);
  writeFileSync(path, rows.join('\n'));
  return path;
}

async function capture(fn: () => Promise<void>): Promise<Record<string, number>> {
  let out = '';
  const w = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  const e = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    await fn();
  } finally {
    w.mockRestore();
    e.mockRestore();
  }
  return JSON.parse(out.trim().split('\n').pop() as string) as Record<string, number>;
}

const split = ['--split-column', 'created_at', '--split-before', '2021-02-22'];
/** `eval classify` on a file split at 22 Feb, text → category, small hash space, and `more`. */
const classifyArgs = (input: string, ...more: string[]): string[] => [
  '--input',
  input,
  ...split,
  '--text-column',
  'text',
  '--label-column',
  'category',
  '--bits',
  '14',
  ...more,
];

describe('komek eval classify', () => {
  it('learns a separable set (with the reason level blended in) and prints the figures', async () => {
    const input = writeSet('good.csv', false);
    const r = await capture(() => evalClassify(classifyArgs(input, '--fine-label-column', 'reason')));
    expect(r.n).toBe(7 * 5);
    expect(r.train_n).toBe(21 * 5);
    expect(r.accuracy).toBeGreaterThan(0.9);
    expect(r.top3).toBe(1);
    expect(r.macro_f1).toBeGreaterThan(0.85);
    expect(r.predict_ms_p50).toBeGreaterThan(0);
  });

  it("--preset city --parent-column: leaves as a catalog has them, and their parents' figures", async () => {
    // Reasons as the labels, under their categories.
    const treeArgs = (input: string, ...more: string[]): string[] =>
      classifyArgs(input, '--parent-column', 'category', ...more).map((a, i, all) =>
        all[i - 1] === '--label-column' ? 'reason' : a,
      );
    const input = writeSet('tree.csv', false);
    const r = await capture(() => evalClassify(treeArgs(input, '--preset', 'city')));
    expect(r.classes).toBe(5);
    expect(r.accuracy).toBeGreaterThan(0.9);
    expect(r.parent_accuracy).toBeGreaterThan(0.9);
    expect(r.parent_top3).toBe(1);
    // One reason under two parents (snow on a roof, snow in the street) is two leaves.
    const rows = [csvLine(['created_at', 'text', 'category', 'reason'])];
    for (let day = 1; day <= 28; day++)
      for (let k = 0; k < 4; k++) {
        const roof = k % 2 === 0;
        const text = roof
          ? `сосульки на крыше ${FILLER[k] as string}`
          : `сугробы на дороге ${FILLER[k] as string}`;
        rows.push(
          csvLine([`2021-02-${String(day).padStart(2, '0')}`, text, roof ? 'housing' : 'roads', 'snow']),
        );
      }
    const shared = join(dir, 'shared-reason.csv');
    writeFileSync(shared, rows.join('\n'));
    const two = await capture(() => evalClassify(treeArgs(shared)));
    expect(two.classes).toBe(2);
    expect(two.accuracy).toBeGreaterThan(0.95);
    expect(two.parent_accuracy).toBeGreaterThan(0.95);
    await expect(evalClassify(classifyArgs(input, '--preset', 'huge'))).rejects.toThrow(/unknown preset/);
  });

  it('scores labels that do not follow the text near chance', async () => {
    const input = writeSet('shuffled.csv', true);
    const r = await capture(() => evalClassify(classifyArgs(input, '--members', '2')));
    expect(r.accuracy).toBeLessThan(0.7);
  });

  it('with --place-column the place decides what the words leave open', async () => {
    // The same words for snow on a building (housing) and snow on a street (roads).
    const rows = [csvLine(['created_at', 'text', 'category', 'object'])];
    for (let day = 1; day <= 28; day++) {
      for (let k = 0; k < 4; k++) {
        const onStreet = (day + k) % 2 === 0;
        const words = TOPICS.roads?.[1]?.words[k] as string;
        rows.push(
          csvLine([
            `2021-02-${String(day).padStart(2, '0')}`,
            `${words} ${FILLER[k] as string}`,
            onStreet ? 'roads' : 'housing',
            onStreet ? 'Улица' : 'Дом',
          ]),
        );
      }
    }
    const input = join(dir, 'places.csv');
    writeFileSync(input, rows.join('\n'));
    const words = await capture(() => evalClassify(classifyArgs(input)));
    const placed = await capture(() => evalClassify(classifyArgs(input, '--place-column', 'object')));
    expect(words.accuracy).toBeLessThan(0.75);
    expect(placed.accuracy).toBeGreaterThan(0.95);
  });
});

describe('komek eval kb', () => {
  it('ranks the article that answered similar requests first', async () => {
    const input = writeSet('kb-queries.csv', false);
    const articles = join(dir, 'articles.csv');
    writeFileSync(
      articles,
      [
        csvLine(['reason', 'description']),
        ...Object.values(TOPICS)
          .flat()
          .map((r) => csvLine([r.reason, `Что делать: ${r.words.join(', ')}`])),
        csvLine(['unused', 'Статья, на которую никто не ссылается']),
      ].join('\n'),
    );
    const r = await capture(() =>
      evalKb([
        '--articles',
        articles,
        '--article-id-column',
        'reason',
        '--title-column',
        'reason',
        '--body-column',
        'description',
        '--input',
        input,
        ...split,
        '--query-column',
        'text',
        '--answer-column',
        'reason',
        '--members',
        '1',
      ]),
    );
    expect(r.n).toBe(7 * 5);
    expect(r.recall_at_5).toBe(1);
    expect(r.recall_at_1).toBeGreaterThan(0.8);
    expect(r.mrr).toBeGreaterThanOrEqual(r.recall_at_1 as number);
  });
});
