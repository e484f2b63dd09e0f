import { z } from 'zod';
import type { AnyProcedure, AnyRouter } from '@trpc/server';
import type { Meta } from '../trpc/trpc';

interface ProcedureInfo {
  path: string;
  type: 'query' | 'mutation' | 'subscription';
  meta: Meta | undefined;
  input: z.ZodType | undefined;
  output: z.ZodType | undefined;
}

/** The router's procedures with their zod input schemas and metadata. */
export function listProcedures(router: AnyRouter): ProcedureInfo[] {
  const procedures = router._def.procedures as Record<string, AnyProcedure>;
  return Object.entries(procedures).map(([path, p]) => ({
    path,
    type: p._def.type,
    meta: p._def.meta as Meta | undefined,
    input: (p._def.inputs as unknown[])[0] as z.ZodType | undefined,
    output: (p._def as { output?: z.ZodType }).output,
  }));
}

const errorSchema = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: {
        code: { type: 'string', description: 'tRPC error code, e.g. BAD_REQUEST, NOT_FOUND, UNAUTHORIZED' },
        tag: { type: 'string', description: 'stable domain tag, e.g. INVALID_INPUT, NOT_FOUND, CONFLICT' },
        field: { type: ['string', 'null'], description: 'dotted path of the offending field' },
        problems: { type: 'array', items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } } },
        message: { type: 'string' },
      },
      required: ['code', 'tag', 'message'],
    },
  },
};

/** A zod schema as JSON Schema draft 2020-12 (OpenAPI 3.1 uses it as is), for a request or a response. */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    // `format: date-time` says it; zod's equivalent 300-character regex would repeat at every timestamp.
    override: ({ jsonSchema }) => void (jsonSchema.format === 'date-time' && delete jsonSchema.pattern),
  }) as Record<string, unknown>;
  return rest;
}

/**
 * OpenAPI 3.1 for the HTTP/JSON API, generated from the procedures' zod schemas (zod's own JSON
 * Schema output, draft 2020-12, which OpenAPI 3.1 uses as is).
 */
export function openApiDocument(router: AnyRouter, serverUrl: string): Record<string, unknown> {
  const paths: Record<string, unknown> = {};
  for (const p of listProcedures(router)) {
    if (p.type === 'subscription') continue;
    const inputSchema = p.input ? jsonSchema(p.input, 'input') : { type: 'null' };
    const secured = p.meta?.auth === 'key';
    // A procedure without an output schema is published with none: tests list such procedures.
    const outputSchema = p.output ? jsonSchema(p.output, 'output') : undefined;
    const response = { [p.meta?.contentType ?? 'application/json']: outputSchema ? { schema: outputSchema } : {} };
    const operation = (method: 'get' | 'post') => ({
      operationId: method === 'get' ? `${p.path}.get` : p.path,
      summary: p.meta?.summary ?? p.path,
      tags: [p.path.split('.')[0]],
      ...(secured ? { security: [{ apiKey: [] }] } : { security: [{}, { apiKey: [] }] }),
      ...(method === 'post'
        ? { requestBody: { required: p.input !== undefined, content: { 'application/json': { schema: inputSchema } } } }
        : { parameters: [{ name: 'input', in: 'query', required: false, description: 'the input as JSON text', content: { 'application/json': { schema: inputSchema } } }] }),
      responses: {
        200: { description: 'the result', content: response },
        400: { description: 'invalid input (tag INVALID_INPUT; field and problems say what)', content: { 'application/json': { schema: errorSchema } } },
        401: { description: 'no, unknown or revoked API key', content: { 'application/json': { schema: errorSchema } } },
        404: { description: 'unknown id', content: { 'application/json': { schema: errorSchema } } },
        409: { description: 'conflicts with stored data', content: { 'application/json': { schema: errorSchema } } },
        413: { description: 'request body too large', content: { 'application/json': { schema: errorSchema } } },
      },
    });
    paths[`/api/${p.path}`] = p.type === 'query' ? { get: operation('get'), post: operation('post') } : { post: operation('post') };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'GridHaul API',
      version: '0.1.0',
      description:
        'Every procedure of the tRPC API as HTTP/JSON: POST /api/<procedure> with the input as the JSON body (queries also GET with ?input=<json>). ' +
        'Responses are the result as JSON (or CSV for exports); errors are {"error": {code, tag, field, problems, message}}. ' +
        'Mutations need "Authorization: Bearer <API key>". Job progress streams as server-sent events from the tRPC endpoint /trpc/jobs.progress; ' +
        'when reads are private, a client that cannot send headers (EventSource) adds connectionParams={"token":"<apiKeys.streamToken>"} to that URL.',
    },
    servers: [{ url: serverUrl }],
    components: { securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'an API key from apiKeys.create' } } },
    paths,
  };
}
