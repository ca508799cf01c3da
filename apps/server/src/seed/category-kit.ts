/** The shape of the demo city's categories and the helpers that write them compactly. */
import type { Criticality } from '@komek/domain/lifecycle';
import { DEFAULT_SLA_HOURS, type SlaHours } from '@komek/domain/sla';

type Tuple = readonly [kk: string, ru: string, en: string];
type I18n = { kk: string; ru: string; en: string };

/** An Open311-style question asked when the category is chosen. */
export interface QuestionSeed {
  code: string;
  datatype: 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';
  required: boolean;
  description: I18n;
  values?: { key: string; name: I18n }[];
}

export interface CategorySeed {
  code: string;
  parent: string | null;
  icon: string;
  name: Tuple;
  description: Tuple;
  criticality: Criticality;
  slaHours: SlaHours;
  /** The responsible agency (groups name the department that owns the topic). */
  agency: string;
  /** Routed to the district akimat of the request's district (category_agency_overrides). */
  byDistrict: boolean;
  /** Other per-district agencies (district code → agency code), e.g. a district's lift company. */
  overrides: Readonly<Record<string, string>>;
  /** Active only between these local dates, 'MM-DD' (may wrap the new year). */
  season: { from: string; to: string } | null;
  /** Cold-start classifier keywords. */
  keywords: { ru: string[]; kk: string[]; en: string[] };
  /** Requests of this category closer than this are duplicate candidates. */
  duplicateRadiusM: number;
  questions: QuestionSeed[];
}

/** Keywords from comma-separated lists. */
export const kw = (ru: string, kk: string, en: string): CategorySeed['keywords'] => ({
  ru: ru.split(/,\s*/),
  kk: kk.split(/,\s*/),
  en: en.split(/,\s*/),
});

const i18n = ([kk, ru, en]: Tuple): I18n => ({ kk, ru, en });

/** A top-level group of categories. */
export function group(code: string, icon: string, name: Tuple, description: Tuple, agency: string): CategorySeed {
  return {
    code,
    parent: null,
    icon,
    name,
    description,
    criticality: 'standard',
    slaHours: { ...DEFAULT_SLA_HOURS },
    agency,
    byDistrict: false,
    overrides: {},
    season: null,
    keywords: { ru: [], kk: [], en: [] },
    duplicateRadiusM: 300,
    questions: [],
  };
}

export interface LeafOptions {
  crit: Criticality;
  agency: string;
  keywords: CategorySeed['keywords'];
  radius?: number;
  /** Hours for the 'high' and 'low' levels (urgent is always 24, standard 240). */
  high?: number;
  low?: number;
  season?: [from: string, to: string];
  byDistrict?: boolean;
  overrides?: Record<string, string>;
  questions?: QuestionSeed[];
}

/** A category residents choose (a child of a group). */
export function leaf(code: string, icon: string, name: Tuple, description: Tuple, o: LeafOptions): CategorySeed {
  const parent = code.slice(0, code.indexOf('.'));
  return {
    ...group(code, icon, name, description, o.agency),
    parent,
    criticality: o.crit,
    slaHours: { ...DEFAULT_SLA_HOURS, high: o.high ?? DEFAULT_SLA_HOURS.high, low: o.low ?? DEFAULT_SLA_HOURS.low },
    byDistrict: o.byDistrict ?? false,
    overrides: o.overrides ?? {},
    season: o.season ? { from: o.season[0], to: o.season[1] } : null,
    keywords: o.keywords,
    duplicateRadiusM: o.radius ?? 300,
    questions: o.questions ?? [],
  };
}

/** A question with a list of answers. */
export function choice(code: string, description: Tuple, values: [key: string, name: Tuple][], required = false): QuestionSeed {
  return {
    code,
    datatype: 'singlevaluelist',
    required,
    description: i18n(description),
    values: values.map(([key, name]) => ({ key, name: i18n(name) })),
  };
}

/** A free-form question ('number', 'string', 'text'). */
export function ask(code: string, datatype: 'number' | 'string' | 'text', description: Tuple, required = false): QuestionSeed {
  return { code, datatype, required, description: i18n(description) };
}
