import type { Database, Repositories } from '../data';
import type { JobQueue } from '../jobs/queue';

/** Long-lived things every request may use. */
export interface Services {
  db: Database;
  repos: Repositories;
  queue: JobQueue;
  config: { publicReads: boolean };
}

export interface Context extends Services {
  /** The API key the caller presented (not yet verified), or null. */
  apiKey: string | null;
  /** A stream token (apiKeys.streamToken) from tRPC's connectionParams, not yet verified: opens subscriptions only. */
  streamToken?: string | undefined;
}

/** Reads the key from `Authorization: Bearer <key>` or `X-API-Key: <key>`. */
export function apiKeyFromHeaders(get: (name: string) => string | null | undefined): string | null {
  const auth = get('authorization');
  if (auth) {
    const match = /^Bearer\s+(\S+)$/i.exec(auth.trim());
    if (match?.[1]) return match[1];
  }
  const header = get('x-api-key');
  return header ? header.trim() : null;
}

/** The stream token in tRPC's connectionParams (`?connectionParams={"token":"..."}` on an SSE URL), or undefined. */
export function streamTokenFromConnectionParams(params: Partial<Record<string, string>> | null | undefined): string | undefined {
  const token = params?.['token'];
  return token ? token : undefined;
}

export function createContext(services: Services, apiKey: string | null, streamToken?: string): Context {
  return { ...services, apiKey, ...(streamToken ? { streamToken } : {}) };
}
