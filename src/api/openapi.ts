/**
 * The OpenAPI 3.1 description of the API, generated from the route table and
 * the same JSON Schemas the routes validate their input with.
 */
import type { RouteDef } from './routes.js';
import { type JsonSchema, components, ref } from './schemas.js';

export const OPENAPI_PATH = '/api/openapi.json';

function parameters(schema: JsonSchema | undefined, where: 'path' | 'query', extensions: RouteDef['parameterExtensions'] = {}): JsonSchema[] {
  if (!schema) return [];
  const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema.required as string[] | undefined) ?? []);
  return Object.entries(props).map(([name, s]) => {
    const { description, ...rest } = s;
    return { name, in: where, required: where === 'path' || required.has(name), ...(description ? { description } : {}), schema: { ...rest, ...(extensions[name] ?? {}) } };
  });
}

function requestBody(r: RouteDef): JsonSchema | undefined {
  const body = r.schema.body;
  if (!body) return undefined;
  const alternatives = (body.oneOf as JsonSchema[] | undefined) ?? [body];
  const json = alternatives.find((a) => a.type === 'object') ?? body;
  const content: Record<string, JsonSchema> = { 'application/json': { schema: json } };
  const text = alternatives.find((a) => a.type === 'string');
  for (const t of r.bodyTypes ?? []) content[t] = { schema: text ?? { type: 'string' } };
  return { required: true, content };
}

function operationId(r: RouteDef): string {
  const words = r.url.replace(/^\/api\//, '').replace(/:(\w+)/g, 'by-$1').split(/[/.-]/).filter(Boolean);
  return r.method.toLowerCase() + words.map((w) => w[0].toUpperCase() + w.slice(1)).join('');
}

/** The OpenAPI document for the given routes. */
export function openApiDocument(routes: readonly RouteDef[], version: string): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  const all: readonly RouteDef[] = routes;
  for (const r of all) {
    const path = r.url.replace(/:(\w+)/g, '{$1}');
    const responses: Record<string, JsonSchema> = {};
    for (const [status, res] of Object.entries(r.responses)) {
      const types = res.contentTypes ?? ['application/json'];
      responses[status] = { description: res.description, ...(res.schema ? { content: Object.fromEntries(types.map((t) => [t, { schema: t.startsWith('application/json') || types.length === 1 ? res.schema : { type: 'string' } }])) } : {}) };
    }
    responses.default = { description: 'an error', content: { 'application/json': { schema: ref('Error') } } };
    const body = requestBody(r);
    (paths[path] ??= {})[r.method.toLowerCase()] = {
      operationId: operationId(r),
      summary: r.summary,
      tags: r.tags,
      parameters: [...parameters(r.schema.params, 'path'), ...parameters(r.schema.querystring, 'query', r.parameterExtensions)],
      ...(body ? { requestBody: body } : {}),
      responses,
      ...(r.write ? { security: [{ bearer: [] }, {}] } : {}),
    };
  }
  paths[OPENAPI_PATH] = { get: { operationId: 'getOpenapi', summary: 'This description', tags: ['meta'], responses: { 200: { description: 'OpenAPI 3.1', content: { 'application/json': { schema: { type: 'object' } } } } } } };
  paths['/'] = { get: { operationId: 'getDashboard', summary: 'The web dashboard (HTML), when built', tags: ['meta'], responses: { 200: { description: 'the dashboard page', content: { 'text/html': { schema: { type: 'string' } } } } } } };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Marsad API',
      version,
      description: 'Arabic news to structured, searchable event data. Errors are always {"error": {"code", "message"}}. Write endpoints need a bearer token when the server has one (MARSAD_API_TOKEN).',
    },
    paths,
    components: { schemas: components, securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'the server\'s MARSAD_API_TOKEN; needed for writes only when it is set' } } },
  };
}
