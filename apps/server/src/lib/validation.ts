/**
 * Two validators: bodies are checked strictly (a number is not a string), while query strings,
 * path parameters and headers, which arrive as text, are coerced to their declared types.
 */
import { Ajv, type Options } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

function make(opts: Options): Ajv {
  const ajv = new Ajv({
    useDefaults: true,
    removeAdditional: false,
    allErrors: false,
    strict: false,
    ...opts,
  });
  addFormats(ajv);
  return ajv;
}

const strictAjv = make({ coerceTypes: false });
const coercingAjv = make({ coerceTypes: 'array' });

export const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) =>
  (httpPart === 'body' ? strictAjv : coercingAjv).compile(schema as object) as ReturnType<
    FastifySchemaCompiler<unknown>
  >;
