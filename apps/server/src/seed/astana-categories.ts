/** The demo city's category tree: groups first, each followed by its children. */
import { HOUSING_AND_ROAD_CATEGORIES } from './astana-categories-housing.ts';
import { NEIGHBOURHOOD_CATEGORIES } from './astana-categories-neighbourhood.ts';
import { PUBLIC_SERVICE_CATEGORIES } from './astana-categories-public.ts';
import type { CategorySeed } from './category-kit.ts';

export type { CategorySeed, QuestionSeed } from './category-kit.ts';

export const CATEGORIES: readonly CategorySeed[] = [
  ...PUBLIC_SERVICE_CATEGORIES,
  ...HOUSING_AND_ROAD_CATEGORIES,
  ...NEIGHBOURHOOD_CATEGORIES,
];

/** The categories residents choose (children of a group). */
export const LEAF_CATEGORIES: readonly CategorySeed[] = CATEGORIES.filter((c) => c.parent !== null);

/**
 * The agency of a category in a district: its district akimat for yard topics, a per-district
 * override (a district's lift company, building manager), else the category's own agency.
 */
export function agencyFor(
  c: CategorySeed,
  district: string,
  akimatOf: Readonly<Record<string, string>>,
): string {
  if (c.byDistrict) return akimatOf[district] ?? c.agency;
  return c.overrides[district] ?? c.agency;
}
