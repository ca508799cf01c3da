import { localDate } from '@komek/domain/time';
import { inSeason, type CityCatalog } from './cache.ts';
import type { AgencyRow, CategoryRow, DistrictRow } from './repository.ts';

export interface CategoryNode {
  code: string;
  parent: string | null;
  name: CategoryRow['name'];
  description: CategoryRow['description'];
  icon: string | null;
  defaultCriticality: string;
  slaHours: CategoryRow['sla_hours'];
  agency: string | null;
  season: CategoryRow['season'];
  inSeason: boolean;
  active: boolean;
  questions: CategoryRow['questions'];
  keywords: CategoryRow['keywords'];
  duplicateRadiusM: number;
  children: CategoryNode[];
}

export function presentCategory(c: CategoryRow, now: Date, timeZone: string): CategoryNode {
  return {
    code: c.code,
    parent: c.parent_code,
    name: c.name,
    description: c.description,
    icon: c.icon,
    defaultCriticality: c.default_criticality,
    slaHours: c.sla_hours,
    agency: c.agency_code,
    season: c.season,
    inSeason: inSeason(c.season, localDate(now, timeZone).slice(5)),
    active: c.active,
    questions: c.questions,
    keywords: c.keywords,
    duplicateRadiusM: c.duplicate_radius_m,
    children: [],
  };
}

/** The categories as a tree; by default only active ones in season. */
export function presentCategoryTree(catalog: CityCatalog, now: Date, all: boolean): CategoryNode[] {
  const nodes = new Map<string, CategoryNode>();
  for (const c of catalog.categories.values()) {
    const n = presentCategory(c, now, catalog.city.time_zone);
    if (all || (n.active && n.inSeason)) nodes.set(c.code, n);
  }
  const roots: CategoryNode[] = [];
  for (const n of nodes.values()) {
    const parent = n.parent ? nodes.get(n.parent) : undefined;
    if (parent) parent.children.push(n);
    else roots.push(n);
  }
  return roots;
}

export function presentAgency(a: AgencyRow) {
  return {
    code: a.code,
    kind: a.kind,
    name: a.name,
    phone: a.phone,
    email: a.email,
    address: a.address,
    workingHours: a.working_hours,
    calendar: a.calendar_code,
    district: a.district_code,
    active: a.active,
  };
}

export function presentDistricts(ds: DistrictRow[]) {
  return {
    type: 'FeatureCollection' as const,
    features: ds.map((d) => ({
      type: 'Feature' as const,
      properties: { code: d.code, name: d.name },
      geometry: d.geometry,
    })),
  };
}
