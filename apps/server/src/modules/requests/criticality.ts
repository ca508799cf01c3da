/**
 * Criticality from the text: a matched rule wins, else the category's default.
 * (Replaced by the domain rules and the city's editable rules in the text-intelligence work.)
 */
import type { Criticality } from '@komek/domain/lifecycle';
import { normalizeText } from '@komek/domain/text/normalize';

const URGENT = [
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

export function assessCriticality(opts: { text: string; categoryDefault: Criticality }): {
  level: Criticality;
  matchedRule?: string;
} {
  const t = normalizeText(opts.text);
  const hit = URGENT.find((p) => t.includes(normalizeText(p)));
  return hit ? { level: 'urgent', matchedRule: hit } : { level: opts.categoryDefault };
}
