import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Short-lived tokens for subscriptions over server-sent events: a browser's EventSource cannot send
 * an Authorization header, so a client trades its API key for a token (apiKeys.streamToken) and
 * passes it in the URL through tRPC's `connectionParams` ({ token }). A token names its key, which
 * must still be unrevoked when a stream opens, and expires soon, so a URL that ends up in a log is
 * worth little. It opens subscriptions only, never queries or mutations.
 *
 * The signing secret is made when the process starts: tokens verify on the process that issued them
 * (restarts and several `serve` processes behind one address need a fresh token per connection,
 * which the client's connectionParams callback fetches anyway).
 */
const secret = randomBytes(32);

export const STREAM_TOKEN_TTL_SEC = 300;

const sign = (payload: string) => createHmac('sha256', secret).update(payload).digest('base64url');

export interface StreamToken {
  token: string;
  expiresAt: string;
}

/** A token for the API key `keyId`, valid for `ttlSec` from `nowMs`. */
export function issueStreamToken(keyId: string, nowMs = Date.now(), ttlSec = STREAM_TOKEN_TTL_SEC): StreamToken {
  const expiresSec = Math.floor(nowMs / 1000) + ttlSec;
  const payload = `st1.${Buffer.from(keyId).toString('base64url')}.${expiresSec}`;
  return { token: `${payload}.${sign(payload)}`, expiresAt: new Date(expiresSec * 1000).toISOString() };
}

/** The key id a token was issued for, or null when it is malformed, forged or expired. */
export function streamTokenKeyId(token: string, nowMs = Date.now()): string | null {
  const match = /^(st1\.([A-Za-z0-9_-]+)\.(\d{1,12}))\.([A-Za-z0-9_-]+)$/.exec(token);
  if (!match) return null;
  const [, payload, keyId, expires, signature] = match as unknown as [string, string, string, string, string];
  const expected = Buffer.from(sign(payload));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  if (Number(expires) * 1000 <= nowMs) return null;
  return Buffer.from(keyId, 'base64url').toString();
}
