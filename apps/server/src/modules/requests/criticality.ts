/**
 * Criticality from the text: the city's editable rules (a phrase → a level; the most severe match
 * wins), else the default criticality of the category the operator or the model chose. A city with
 * no rules at all starts from the built-in urgent phrases below.
 */
import type { Criticality } from '@komek/domain/lifecycle';
import { normalizeText } from '@komek/domain/text/normalize';

export interface CriticalityRule {
  pattern: string;
  level: Criticality;
}

export const DEFAULT_URGENT = [
  'нет света',
  'открытый люк',
  'запах газа',
  'жарық жоқ',
  'газ иісі',
  'no power',
  'gas smell',
  'open manhole',
  'прорыв трубы',
  'застрял в лифте',
];

const SEVERITY: Record<Criticality, number> = { urgent: 3, high: 2, standard: 1, low: 0 };

const DEFAULT_RULES: readonly CriticalityRule[] = DEFAULT_URGENT.map((pattern) => ({
  pattern,
  level: 'urgent',
}));

// A city's rules are normalised once per catalog load, not on every request.
const normalized = new WeakMap<readonly CriticalityRule[], string[]>();
function normalizedPatterns(rules: readonly CriticalityRule[]): string[] {
  let p = normalized.get(rules);
  if (!p) normalized.set(rules, (p = rules.map((r) => normalizeText(r.pattern))));
  return p;
}

export function assessCriticality(opts: {
  text: string;
  categoryDefault: Criticality;
  rules?: readonly CriticalityRule[] | undefined;
}): {
  level: Criticality;
  matchedRule?: string;
} {
  const t = ` ${normalizeText(opts.text)} `;
  const rules = opts.rules && opts.rules.length ? opts.rules : DEFAULT_RULES;
  const patterns = normalizedPatterns(rules);
  let best: CriticalityRule | undefined;
  rules.forEach((r, i) => {
    const p = patterns[i];
    if (!p || !t.includes(p)) return;
    if (!best || SEVERITY[r.level] > SEVERITY[best.level]) best = r;
  });
  return best ? { level: best.level, matchedRule: best.pattern } : { level: opts.categoryDefault };
}
