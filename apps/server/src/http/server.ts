import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GridHaulError } from '@gridhaul/common';
import { getTRPCErrorFromUnknown, type TRPCError } from '@trpc/server';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { ErrorTag } from '../errors';
import { appRouter, createCaller } from '../routers/index';
import { apiKeyFromHeaders, createContext, streamTokenFromConnectionParams, type Services } from '../trpc/context';
import { errorData, toTRPCError } from '../trpc/errors';
import { listProcedures, openApiDocument } from './openapi';
import { serveStaticWeb } from './static-web';

export interface HttpOptions {
  port: number;
  host: string;
  maxBodyBytes: number;
}

export interface RunningHttp {
  server: Server;
  url: string;
  close(): Promise<void>;
}

const procedures = new Map(listProcedures(appRouter).map((p) => [p.path, p]));

function send(res: ServerResponse, status: number, body: string, type = 'application/json'): void {
  res.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

function sendError(res: ServerResponse, error: TRPCError): void {
  send(res, getHTTPStatusCodeFromError(error), JSON.stringify({ error: { code: error.code, message: error.message, ...errorData(error) } }));
}

class BodyTooLargeError extends GridHaulError {
  constructor(limit: number) {
    super(ErrorTag.tooLarge, `request body exceeds ${limit} bytes`);
  }
}

async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLargeError(limit);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseJsonInput(text: string | null): unknown {
  if (text === null || text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw toTRPCError(new GridHaulError('INVALID_INPUT', 'the input is not valid JSON'));
  }
}

/** POST /api/<procedure> (JSON body) or GET /api/<query>?input=<json>: the procedure through createCaller. */
async function handleRest(services: Services, opts: HttpOptions, req: IncomingMessage, res: ServerResponse, path: string, search: URLSearchParams) {
  try {
    const proc = procedures.get(path);
    if (!proc || proc.type === 'subscription') return send(res, 404, JSON.stringify({ error: { code: 'NOT_FOUND', tag: 'NOT_FOUND', field: null, problems: [], message: `no procedure "${path}"` } }));
    if (req.method !== 'POST' && !(req.method === 'GET' && proc.type === 'query')) {
      res.setHeader('allow', proc.type === 'query' ? 'GET, POST' : 'POST');
      return send(res, 405, JSON.stringify({ error: { code: 'METHOD_NOT_SUPPORTED', tag: 'METHOD_NOT_SUPPORTED', field: null, problems: [], message: `use ${proc.type === 'query' ? 'GET or POST' : 'POST'}` } }));
    }
    const input = req.method === 'GET' ? parseJsonInput(search.get('input')) : parseJsonInput(await readBody(req, opts.maxBodyBytes));
    const caller = createCaller(createContext(services, apiKeyFromHeaders((n) => req.headers[n] as string | undefined)));
    const fn = path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], caller) as (input: unknown) => Promise<unknown>;
    const output = await fn(input);
    if (proc.meta?.contentType === 'text/csv') return send(res, 200, String(output), 'text/csv');
    send(res, 200, JSON.stringify(output ?? null));
  } catch (error) {
    if (error instanceof BodyTooLargeError) {
      // Stop reading an oversized body: answer, then drop the connection instead of draining it.
      res.setHeader('connection', 'close');
      const socket = req.socket; // detached from req once the response has finished
      res.on('finish', () => socket?.destroy());
    }
    sendError(res, error instanceof GridHaulError ? toTRPCError(error) : getTRPCErrorFromUnknown(error));
  }
}

/** `gridhaul serve`: tRPC at /trpc (with SSE subscriptions), the same procedures as HTTP/JSON at /api, OpenAPI at /openapi.json. */
export async function startHttp(services: Services, opts: HttpOptions): Promise<RunningHttp> {
  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: '/trpc/',
    maxBodySize: opts.maxBodyBytes,
    createContext: ({ req, info }) =>
      createContext(services, apiKeyFromHeaders((n) => req.headers[n] as string | undefined), streamTokenFromConnectionParams(info.connectionParams)),
  });
  let baseUrl = '';
  const server = createServer((req, res) => {
    if (serveStaticWeb(req, res)) return;
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname.startsWith('/trpc/')) return trpc(req, res);
    if (url.pathname.startsWith('/api/')) return void handleRest(services, opts, req, res, decodeURIComponent(url.pathname.slice(5)), url.searchParams);
    if (url.pathname === '/openapi.json') return send(res, 200, JSON.stringify(openApiDocument(appRouter, baseUrl)));
    if (url.pathname === '/') {
      return send(res, 200, `GridHaul service\n\nHTTP/JSON API: ${baseUrl}/api/<procedure>\nOpenAPI: ${baseUrl}/openapi.json\ntRPC: ${baseUrl}/trpc\n`, 'text/plain');
    }
    send(res, 404, JSON.stringify({ error: { code: 'NOT_FOUND', tag: 'NOT_FOUND', field: null, problems: [], message: `no route ${url.pathname}` } }));
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  baseUrl = `http://${host}:${address.port}`;
  return {
    server,
    url: baseUrl,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
