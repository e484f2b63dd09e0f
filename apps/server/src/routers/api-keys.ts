import { z } from 'zod';
import { apiKeyInfo, createdApiKey, streamToken } from '../schemas/api-keys';
import { byId, label } from '../schemas/common';
import { issueStreamToken } from '../trpc/stream-token';
import { router, writeProcedure } from '../trpc/trpc';

export const apiKeysRouter = router({
  create: writeProcedure
    .meta({ summary: 'Create an API key. The key text is in this response only; only its hash is stored.' })
    .input(z.object({ name: label }))
    .output(createdApiKey)
    .mutation(({ ctx, input }) => ctx.repos.apiKeys.create(input.name)),
  revoke: writeProcedure
    .meta({ summary: 'Revoke an API key: it stops working at once.' })
    .input(byId)
    .output(apiKeyInfo)
    .mutation(({ ctx, input }) => ctx.repos.apiKeys.revoke(input.id)),
  streamToken: writeProcedure
    .meta({
      summary:
        'A short-lived token for job-progress streams when reads are private: EventSource cannot send the Authorization header, so pass it as tRPC connectionParams {"token": ...} (valid 5 minutes, for subscriptions only, dies with its key).',
    })
    .output(streamToken)
    .mutation(({ ctx }) => issueStreamToken(ctx.apiKeyId)),
  list: writeProcedure
    .meta({ summary: 'API keys (name, prefix, dates; never the key).' })
    .output(z.array(apiKeyInfo))
    .query(({ ctx }) => ctx.repos.apiKeys.list()),
});
