import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink, type TRPCClient } from '@trpc/client';
import type { AppRouter } from './types';

const KEY_STORAGE = 'gridhaul.apiKey';
let memoryKey = '';

/** The API key mutations are sent with (kept in localStorage when the browser allows it). */
export function apiKey(): string {
  try {
    return localStorage.getItem(KEY_STORAGE) ?? memoryKey;
  } catch {
    return memoryKey;
  }
}

export function setApiKey(key: string): void {
  memoryKey = key;
  try {
    if (key) localStorage.setItem(KEY_STORAGE, key);
    else localStorage.removeItem(KEY_STORAGE);
  } catch {
    // storage disabled: the key lives for this page only
  }
}

/** Where the server mounts tRPC (the same origin serves this app). */
export const TRPC_PATH = '/trpc';

/**
 * What a subscription's URL carries (tRPC connectionParams). EventSource cannot send the
 * Authorization header, so with a key configured the stream gets a token for it from
 * `apiKeys.streamToken` (5 minutes; asked for anew on every connection), which private reads need.
 * Without a key, or when the server refuses the key, nothing: public reads stream anyway, and
 * private ones answer UNAUTHORIZED on the stream.
 */
export async function streamConnectionParams(api: TRPCClient<AppRouter>): Promise<{ token: string } | null> {
  if (!apiKey()) return null;
  try {
    return { token: (await api.apiKeys.streamToken.mutate()).token };
  } catch {
    return null;
  }
}

let client: TRPCClient<AppRouter> | undefined;

/** One client per page: batched HTTP for queries and mutations, SSE for subscriptions. */
export function trpc(): TRPCClient<AppRouter> {
  client ??= createApiClient(window.location.origin);
  return client;
}

/** The page's client for the server at `origin` (tests call it with the server they started). */
export function createApiClient(origin: string): TRPCClient<AppRouter> {
  const url = new URL(TRPC_PATH, origin).toString();
  const api: TRPCClient<AppRouter> = createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: httpSubscriptionLink({ url, connectionParams: () => streamConnectionParams(api) }),
        false: httpBatchLink({
          url,
          headers: () => {
            const key = apiKey();
            return key ? { authorization: `Bearer ${key}` } : {};
          },
        }),
      }),
    ],
  });
  return api;
}
