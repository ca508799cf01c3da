/** What the intake screens show while someone types: category top-3, criticality, agency, due time. */
import { computeDueAt, DEFAULT_SLA_HOURS } from '@komek/domain/sla';
import { detectLanguage } from '@komek/domain/text/normalize';
import { notFound } from '../../errors.ts';
import type { AppDeps } from '../../lib/context.ts';
import { districtAt, getCatalog, responsibleAgency } from '../catalog/cache.ts';
import { assessCriticality } from '../requests/criticality.ts';

export async function suggestForText(
  deps: Pick<AppDeps, 'db' | 'classifier' | 'now'>,
  cityId: string,
  input: { text: string; lat?: number | undefined; lon?: number | undefined; place?: string | undefined },
) {
  const catalog = await getCatalog(deps.db, cityId);
  if (!catalog) throw notFound('city');
  const suggestions = await deps.classifier.suggest(cityId, input.text, 3, input.place);
  const district =
    input.lat !== undefined && input.lon !== undefined
      ? districtAt(catalog, input.lat, input.lon)
      : undefined;
  const categories = suggestions.flatMap((s) => {
    const c = catalog.categories.get(s.category);
    return c
      ? [
          {
            code: c.code,
            name: c.name,
            confidence: s.confidence,
            agency: responsibleAgency(catalog, c.code, district?.code ?? null),
          },
        ]
      : [];
  });
  const top = categories[0] ? catalog.categories.get(categories[0].code) : undefined;
  const crit = assessCriticality({
    text: input.text,
    categoryDefault: top?.default_criticality ?? 'standard',
    rules: catalog.criticalityRules,
  });
  const agencyCode = top ? responsibleAgency(catalog, top.code, district?.code ?? null) : null;
  const agency = agencyCode ? catalog.agencies.get(agencyCode) : undefined;
  const cal = agency?.calendar_code ? catalog.calendars.get(agency.calendar_code) : undefined;
  const hours = top?.sla_hours[crit.level] ?? DEFAULT_SLA_HOURS[crit.level];
  return {
    categories,
    criticality: crit.level,
    criticalityRule: crit.matchedRule ?? null,
    agency: agency ? { code: agency.code, name: agency.name } : null,
    district: district?.code ?? null,
    dueAt: top ? computeDueAt(deps.now(), hours, cal).toISOString() : null,
    model: deps.classifier.info(cityId),
    lang: detectLanguage(input.text),
  };
}
