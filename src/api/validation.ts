/**
 * Input validation: the route schemas compiled by Ajv, with type coercion for
 * query strings and path parameters (they arrive as text: "?limit=10") but none
 * for bodies, where `{"text": 123}` must be refused rather than read as "123".
 *
 * Ajv is Fastify's own copy, loaded from where Fastify's compiler loads it.
 */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type { FastifySchemaCompiler } from 'fastify';

type Validate = ((data: unknown) => boolean) & { errors?: unknown };
interface AjvLike {
  compile(schema: object): Validate;
}
type AjvClass = new (options: Record<string, unknown>) => AjvLike;

const require = createRequire(import.meta.url);
const fastifyDir = dirname(require.resolve('fastify'));
const compilerRequire = createRequire(require.resolve('@fastify/ajv-compiler', { paths: [fastifyDir] }));
const Ajv = (compilerRequire('ajv') as { default: AjvClass }).default;
const addFormats = compilerRequire('ajv-formats') as (ajv: AjvLike) => void;

const COMMON = { useDefaults: true, removeAdditional: false, allErrors: false, allowUnionTypes: true, strict: true };

function make(coerce: boolean): AjvLike {
  const ajv = new Ajv({ ...COMMON, coerceTypes: coerce ? 'array' : false });
  addFormats(ajv);
  return ajv;
}

const coercing = make(true);
const exact = make(false);

/** Fastify's validator compiler: exact types for bodies, coerced for the rest. */
export const validatorCompiler: FastifySchemaCompiler<object> = ({ schema, httpPart }) =>
  (httpPart === 'body' ? exact : coercing).compile(schema) as ReturnType<FastifySchemaCompiler<object>>;
