import { z } from 'zod';
import { timestamp } from './common';

/** An API key as listed: never the key itself, only its first characters. */
export const apiKeyInfo = z.strictObject({
  id: z.string(),
  name: z.string(),
  prefix: z.string().describe('the first 12 characters of the key'),
  createdAt: timestamp,
  revokedAt: timestamp.nullable(),
});

/** A new key: its text is in this response only. */
export const createdApiKey = apiKeyInfo.extend({ key: z.string() });

/** A short-lived token that opens subscriptions (SSE) in place of the key. */
export const streamToken = z.strictObject({ token: z.string(), expiresAt: timestamp });
