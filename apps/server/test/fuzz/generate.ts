/**
 * Schema-driven input generation for fuzzing: from a JSON Schema (as in the OpenAPI document)
 * produce values that are valid, and mutations that are not (wrong types, out-of-range numbers,
 * huge strings, unknown enum values, missing fields, extra fields).
 */
import fc from 'fast-check';

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema | JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minItems?: number;
  maxItems?: number;
  additionalProperties?: boolean | JsonSchema;
  $ref?: string;
  nullable?: boolean;
}

const NASTY = [
  '',
  ' ',
  '\u0000',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '../../etc/passwd',
  '%00',
  '{{request.number}}',
  '🚧🕳️',
  'ё'.repeat(300),
  '\n\r\t',
  'null',
  'undefined',
  '-1',
  '1e309',
  'NaN',
];

/** A value that should satisfy the schema (best effort: patterns get plausible strings). */
export function valid(s: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!s || depth > 4) return fc.constant(null);
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const alts = s.anyOf ?? s.oneOf;
  if (alts) return fc.oneof(...alts.map((a) => valid(a, depth + 1)));
  if (s.allOf) return valid(Object.assign({}, ...s.allOf) as JsonSchema, depth + 1);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'string': {
      if (s.format === 'date-time')
        return fc
          .date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true })
          .map((d) => d.toISOString());
      if (s.format === 'email') return fc.constantFrom('a@example.kz', 'test@komek.example');
      if (s.pattern === '^\\d{4}-\\d{2}-\\d{2}$')
        return fc
          .date({ min: new Date('2024-01-01'), max: new Date('2027-01-01'), noInvalidDate: true })
          .map((d) => d.toISOString().slice(0, 10));
      if (s.pattern?.includes('[0-9]{4}-[0-9]{4,12}'))
        return fc.integer({ min: 1, max: 9_999_999 }).map((n) => `109-2026-${String(n).padStart(7, '0')}`);
      if (s.pattern?.startsWith('^[a-z0-9')) return fc.stringMatching(/^[a-z][a-z0-9_-]{0,10}$/);
      if (s.pattern === '^[0-9]{6}$') return fc.stringMatching(/^[0-9]{6}$/);
      const max = Math.min(s.maxLength ?? 60, 60);
      return fc.string({ minLength: Math.min(s.minLength ?? 0, max), maxLength: max });
    }
    case 'integer': {
      const min = Math.ceil(s.minimum ?? Math.min(-1000, s.maximum ?? 0));
      return fc.integer({ min, max: Math.max(min, Math.floor(s.maximum ?? Math.max(1_000_000, min))) });
    }
    case 'number':
      return fc.double({
        min: s.minimum ?? Math.min(-1e6, s.maximum ?? 0),
        max: Math.max(s.minimum ?? -1e6, s.maximum ?? 1e6),
        noNaN: true,
        noDefaultInfinity: true,
      });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      // A tuple lists one schema per position.
      if (Array.isArray(s.items))
        return fc.tuple(...(s.items as JsonSchema[]).map((i) => valid(i, depth + 1)));
      return fc.array(valid(s.items, depth + 1), {
        minLength: s.minItems ?? 0,
        maxLength: Math.max(s.minItems ?? 0, Math.min(s.maxItems ?? 3, 3)),
      });
    case 'object': {
      const props = s.properties ?? {};
      const req = new Set(s.required ?? []);
      const rec: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, v] of Object.entries(props)) rec[k] = valid(v, depth + 1);
      return fc.record(rec, { requiredKeys: Object.keys(props).filter((k) => req.has(k)) });
    }
    default:
      return fc.anything({ maxDepth: 1 });
  }
}

/** A value that breaks the schema in one of many ways (or any JSON at all). */
export function invalid(s: JsonSchema | undefined): fc.Arbitrary<unknown> {
  const anyJson = fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double(),
    fc.constantFrom(...NASTY),
    fc.array(fc.integer(), { maxLength: 3 }),
    fc.object({ maxDepth: 1 }),
  );
  if (!s || !s.properties) return anyJson;
  const props = Object.entries(s.properties);
  const breakOne = fc
    .constantFrom(...props.map(([k]) => k))
    .chain((k) =>
      fc
        .tuple(
          valid(s),
          fc.oneof(
            anyJson,
            fc.constant('x'.repeat(100_000)),
            fc.constantFrom(1e308, -1e308, 91, -181, 0.5, -1),
            fc.constantFrom(...NASTY),
          ),
        )
        .map(([v, bad]) => ({ ...(v as object), [k]: bad })),
    );
  const dropRequired = valid(s).map((v) => {
    const o = { ...(v as Record<string, unknown>) };
    for (const r of s.required ?? []) delete o[r];
    return o;
  });
  const extra = valid(s).map((v) => ({ ...(v as object), unexpected_field: '🙂' }));
  return fc.oneof(breakOne, dropRequired, extra, anyJson);
}
