/** The shape of the demo city's categories and the helpers that write them compactly. */
import type { Criticality } from '@komek/domain/lifecycle';
import { DEFAULT_SLA_HOURS, type SlaHours } from '@komek/domain/sla';

type Tuple = readonly [kk: string, ru: string, en: string];
type I18n = { kk: string; ru: string; en: string };

/** Seasons of the demo city's categories ('MM-DD'). */
export const HEATING = ['10-01', '04-30'] as const;
export const WINTER = ['11-01', '03-31'] as const;
export const SUMMER = ['05-01', '09-30'] as const;
export const FLOODS = ['03-01', '05-31'] as const;

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

/** Splits 'kk | ru | en' into its three languages. */
export function tri(text: string): Tuple {
  const parts = text.split(' | ').map((p) => p.trim());
  if (parts.length !== 3 || parts.some((p) => !p)) throw new Error(`expected "kk | ru | en", got "${text}"`);
  return parts as unknown as Tuple;
}

/** Keywords from 'ru list | kk list | en list', each list comma-separated. */
function keywordsOf(text: string): CategorySeed['keywords'] {
  const parts = text.split(' | ');
  if (parts.length !== 3) throw new Error(`expected "ru, … | kk, … | en, …", got "${text}"`);
  const [ru, kk, en] = parts.map((p) => p.split(/,\s*/).filter(Boolean)) as [string[], string[], string[]];
  return { ru, kk, en };
}

const i18n = ([kk, ru, en]: Tuple): I18n => ({ kk, ru, en });

/** A top-level group of categories; `name` and `about` are 'kk | ru | en'. */
export function group(code: string, icon: string, agency: string, name: string, about: string): CategorySeed {
  return {
    code,
    parent: null,
    icon,
    name: tri(name),
    description: tri(about),
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
  /** 'kk | ru | en' */
  name: string;
  /** 'kk | ru | en' */
  about: string;
  crit: Criticality;
  agency: string;
  /** 'ru, … | kk, … | en, …' */
  keywords: string;
  radius?: number;
  /** Hours for the 'high' and 'low' levels (urgent is always 24, standard 240). */
  high?: number;
  low?: number;
  season?: readonly [from: string, to: string];
  byDistrict?: boolean;
  overrides?: Record<string, string>;
  questions?: QuestionSeed[];
}

/** A category residents choose (a child of the group named by its code's first part). */
export function leaf(code: string, icon: string, o: LeafOptions): CategorySeed {
  return {
    ...group(code, icon, o.agency, o.name, o.about),
    parent: code.slice(0, code.indexOf('.')),
    criticality: o.crit,
    slaHours: {
      ...DEFAULT_SLA_HOURS,
      high: o.high ?? DEFAULT_SLA_HOURS.high,
      low: o.low ?? DEFAULT_SLA_HOURS.low,
    },
    byDistrict: o.byDistrict ?? false,
    overrides: o.overrides ?? {},
    season: o.season ? { from: o.season[0], to: o.season[1] } : null,
    keywords: keywordsOf(o.keywords),
    duplicateRadiusM: o.radius ?? 300,
    questions: o.questions ?? [],
  };
}

/** A question with a list of answers; texts are 'kk | ru | en'. */
export function choice(
  code: string,
  description: string,
  values: [key: string, name: string][],
  required = false,
): QuestionSeed {
  return {
    code,
    datatype: 'singlevaluelist',
    required,
    description: i18n(tri(description)),
    values: values.map(([key, name]) => ({ key, name: i18n(tri(name)) })),
  };
}

/** A free-form question ('number', 'string', 'text'); the description is 'kk | ru | en'. */
export function ask(
  code: string,
  datatype: 'number' | 'string' | 'text',
  description: string,
  required = false,
): QuestionSeed {
  return { code, datatype, required, description: i18n(tri(description)) };
}
