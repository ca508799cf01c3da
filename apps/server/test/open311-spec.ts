/**
 * Validates Open311 responses against the GeoReport v2 Swagger description in ../shared/specs/open311
 * (CC BY 3.0, Open311 community), with the corrections its README lists, where the prose
 * specification wins. Absent file → `open311Spec` is null and the tests that need it skip.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const SPEC_FILE = join(root, '..', 'shared', 'specs', 'open311', 'georeport_v2-1.yaml');

interface Swagger {
  definitions: Record<string, Record<string, unknown>>;
}

export interface Open311Spec {
  /** Errors of a JSON response body for an operation, [] when it conforms. */
  check(operation: Operation, body: unknown): string[];
}

export type Operation =
  'services' | 'service_definition' | 'requests' | 'request' | 'post_requests' | 'token' | 'errors';

function load(): Open311Spec | null {
  if (!existsSync(SPEC_FILE)) return null;
  const doc = parse(readFileSync(SPEC_FILE, 'utf8')) as Swagger;
  const ajv = new Ajv({ strict: false, allErrors: true });
  (addFormatsModule as unknown as (a: Ajv) => Ajv)(ajv);
  // Swagger's own formats that JSON Schema does not know: "uid" (an identifier), "double", "uint".
  ajv.addFormat('uid', /^.+$/);
  ajv.addFormat('double', { type: 'number', validate: (x: number) => Number.isFinite(x) });
  ajv.addFormat('uint', { type: 'number', validate: (x: number) => Number.isInteger(x) && x >= 0 });
  // Definitions become one schema; references stay as in the file ('#/definitions/…').
  ajv.addSchema({ $id: 'open311', definitions: doc.definitions });
  const ref = (name: string) => ({ $ref: `open311#/definitions/${name}` });
  const list = (name: string) => ({ type: 'array', items: ref(name) });
  // Responses per operation, as the prose specification gives them (the Swagger file's
  // single-request and token responses are objects; the specification returns one-element lists).
  const shapes: Record<Operation, object> = {
    services: list('Service'),
    service_definition: ref('ServiceDefinition'),
    requests: list('Request'),
    request: list('Request'),
    post_requests: list('RequestResponse'),
    token: list('TokenResponse'),
    errors: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['code', 'description'],
        properties: { code: { type: 'integer' }, description: { type: 'string' } },
      },
    },
  };
  const validators = new Map<Operation, ValidateFunction>(
    (Object.entries(shapes) as [Operation, object][]).map(([op, schema]) => [op, ajv.compile(schema)]),
  );
  return {
    check(operation, body) {
      const v = validators.get(operation) as ValidateFunction;
      return v(body) ? [] : (v.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
    },
  };
}

export const open311Spec = load();
