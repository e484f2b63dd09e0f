import { GridHaulError } from '@gridhaul/common';
import { initTRPC, TRPCError } from '@trpc/server';
import { UnauthorizedError } from '../errors';
import type { Context } from './context';
import { errorData, toTRPCError } from './errors';
import { streamTokenKeyId } from './stream-token';

/** Procedure metadata: documentation for the HTTP/OpenAPI surface. */
export interface Meta {
  summary: string;
  /** Response media type when the procedure returns a document, e.g. CSV text. */
  contentType?: 'text/csv';
  /** Set by the procedure builders: whether an API key is always required or only when reads are private. */
  auth?: 'key' | 'read';
}

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    errorFormatter: ({ shape, error }) => ({ ...shape, data: { ...shape.data, stack: undefined, ...errorData(error) } }),
  });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** The single place where domain errors become tRPC errors (and HTTP statuses). */
const mapDomainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof GridHaulError && !(result.error.cause instanceof TRPCError)) {
    throw toTRPCError(result.error.cause);
  }
  return result;
});

const base = t.procedure.use(mapDomainErrors);

async function verifiedKey(ctx: Context): Promise<string> {
  if (!ctx.apiKey) throw new UnauthorizedError();
  const id = await ctx.repos.apiKeys.verify(ctx.apiKey);
  if (!id) throw new UnauthorizedError('the API key is unknown or revoked');
  return id;
}

/** A subscription's stream token: well signed, unexpired, and its API key still unrevoked. */
async function verifiedStreamToken(ctx: Context, token: string): Promise<void> {
  const keyId = streamTokenKeyId(token);
  if (!keyId) throw new UnauthorizedError('the stream token is malformed or expired (get a new one from apiKeys.streamToken)');
  const key = (await ctx.repos.apiKeys.list()).find((k) => k.id === keyId);
  if (!key || key.revokedAt !== null) throw new UnauthorizedError('the API key of the stream token is unknown or revoked');
}

/**
 * Reads: open to all when configured so, else they need a key like mutations. Subscriptions may
 * present a stream token instead, since EventSource cannot send the Authorization header.
 */
export const readProcedure = base.meta({ summary: '', auth: 'read' }).use(async ({ ctx, type, next }) => {
  if (ctx.config.publicReads) return next();
  if (type === 'subscription' && !ctx.apiKey && ctx.streamToken) await verifiedStreamToken(ctx, ctx.streamToken);
  else await verifiedKey(ctx);
  return next();
});

/** Mutations and anything that costs compute: a valid, unrevoked API key is required. */
export const writeProcedure = base.meta({ summary: '', auth: 'key' }).use(async ({ ctx, next }) => next({ ctx: { apiKeyId: await verifiedKey(ctx) } }));
