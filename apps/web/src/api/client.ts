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

let client: TRPCClient<AppRouter> | undefined;

/** One client per page: batched HTTP for queries and mutations, SSE for subscriptions. */
export function trpc(): TRPCClient<AppRouter> {
  if (client) return client;
  const url = new URL(TRPC_PATH, window.location.origin).toString();
  client = createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        // EventSource cannot send headers; job progress is a read, public unless reads are private.
        true: httpSubscriptionLink({ url }),
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
  return client;
}
