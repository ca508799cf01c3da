/**
 * Answer templates (macros): texts with placeholders filled in for a given request, so an
 * operator answers a common question in one click and the answer names the right agency,
 * phone and deadline.
 */
import { localDate } from '@komek/domain/time';
import { notFound } from '../../errors.ts';
import type { Actor, AppDeps } from '../../lib/context.ts';
import type { StaffActor } from '../auth/policy.ts';
import { getCatalog } from '../catalog/cache.ts';
import { readableRequest } from '../requests/workflow.ts';
import { invalid } from './policy.ts';
import {
  findTemplate,
  insertTemplate,
  updateTemplate,
  type TemplateFields,
  type TemplateRow,
} from './repository-templates.ts';
import type { KbLang } from './repository.ts';
import type { TemplateInput } from './schema.ts';

type Deps = Pick<AppDeps, 'db' | 'now'>;

/** The placeholders a template may use. */
export const PLACEHOLDERS = [
  'request.number',
  'due_date',
  'agency.phone',
  'agency.name',
  'category.name',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

const PLACEHOLDER = /\{\{\s*([A-Za-z_.]+)\s*\}\}/g;

/** Placeholders in a text that we do not know. */
export function unknownPlaceholders(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(PLACEHOLDER))
    if (!(PLACEHOLDERS as readonly string[]).includes(m[1] as string)) out.add(m[1] as string);
  return [...out];
}

/** Fills the placeholders; those without a value render empty and are reported. */
export function fillPlaceholders(
  text: string,
  values: Partial<Record<Placeholder, string | null>>,
): { text: string; missing: string[] } {
  const missing = new Set<string>();
  const filled = text.replace(PLACEHOLDER, (m, name: string) => {
    if (!(PLACEHOLDERS as readonly string[]).includes(name)) return m;
    const v = values[name as Placeholder];
    if (v === undefined || v === null || v === '') {
      missing.add(name);
      return '';
    }
    return v;
  });
  return { text: filled, missing: [...missing] };
}

async function fieldsOf(deps: Deps, cityId: string, input: TemplateInput): Promise<TemplateFields> {
  const bodies: TemplateFields['bodies'] = {};
  for (const lang of ['kk', 'ru', 'en'] as const) {
    const body = input.bodies[lang]?.trim();
    if (!body) continue;
    const unknown = unknownPlaceholders(body);
    if (unknown.length)
      throw invalid(`bodies.${lang}`, 'unknown placeholders', { unknown, allowed: PLACEHOLDERS });
    bodies[lang] = body;
  }
  if (!Object.keys(bodies).length)
    throw invalid('bodies', 'a template needs a text in at least one language');
  const categories = [...new Set(input.categories ?? [])];
  if (categories.length) {
    const catalog = await getCatalog(deps.db, cityId);
    const unknown = categories.filter((c) => !catalog?.categories.has(c));
    if (unknown.length) throw invalid('categories', 'unknown categories', { unknown });
  }
  const name = input.name.trim();
  if (!name) throw invalid('name', 'the name is empty');
  return { name, bodies, categories, active: input.active ?? true };
}

export async function createTemplate(
  deps: Deps,
  actor: StaffActor,
  input: TemplateInput,
): Promise<TemplateRow> {
  return insertTemplate(
    deps.db,
    actor.cityId,
    await fieldsOf(deps, actor.cityId, input),
    actor.id,
    deps.now(),
  );
}

export async function changeTemplate(
  deps: Deps,
  actor: StaffActor,
  id: number,
  input: TemplateInput,
): Promise<TemplateRow> {
  const fields = await fieldsOf(deps, actor.cityId, input);
  const row = await updateTemplate(deps.db, actor.cityId, id, fields, deps.now());
  if (!row) throw notFound('template', { id });
  return row;
}

const ddmmyyyy = (isoDate: string): string => isoDate.split('-').reverse().join('.');

/** Renders a template for a request the actor may read (404/403 as for the request itself). */
export async function renderTemplate(
  deps: Deps,
  actor: Actor,
  id: number,
  input: { requestNumber: string; lang?: KbLang | undefined },
) {
  const t = await findTemplate(deps.db, actor.cityId, id);
  if (!t) throw notFound('template', { id });
  const r = await readableRequest(deps, actor, input.requestNumber);
  const catalog = await getCatalog(deps.db, actor.cityId);
  if (!catalog) throw notFound('city');
  const preferred = [input.lang, r.lang as KbLang, 'ru', 'kk', 'en'] as const;
  const lang = preferred.find((l): l is KbLang => l !== undefined && Boolean(t.bodies[l])) as KbLang;
  const agency = r.agency_code ? catalog.agencies.get(r.agency_code) : undefined;
  const category = r.category_code ? catalog.categories.get(r.category_code) : undefined;
  const out = fillPlaceholders(t.bodies[lang] as string, {
    'request.number': r.number,
    due_date: ddmmyyyy(localDate(r.due_at, catalog.city.time_zone)),
    'agency.phone': agency?.phone ?? null,
    'agency.name': agency?.name[lang] ?? null,
    'category.name': category?.name[lang] ?? null,
  });
  return { ...out, lang };
}
