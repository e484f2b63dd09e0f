import { createHash, randomBytes } from 'node:crypto';
import { NotFoundError } from '../../errors';
import type { PrismaClient } from '../generated/client';

export interface ApiKeyInfo {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  revokedAt: string | null;
}

/** SHA-256 suffices: keys are 256-bit random strings, not passwords, so there is nothing to brute-force. */
export const hashApiKey = (key: string): string => createHash('sha256').update(key).digest('hex');

const info = (r: { id: string; name: string; prefix: string; createdAt: Date; revokedAt: Date | null }): ApiKeyInfo => ({
  id: r.id,
  name: r.name,
  prefix: r.prefix,
  createdAt: r.createdAt.toISOString(),
  revokedAt: r.revokedAt?.toISOString() ?? null,
});

export function apiKeyRepository(prisma: PrismaClient) {
  return {
    /** A new key; its plain text is returned here once and only its hash is stored. */
    create: async (name: string): Promise<ApiKeyInfo & { key: string }> => {
      const key = `ghk_${randomBytes(32).toString('base64url')}`;
      const row = await prisma.apiKey.create({ data: { name, prefix: key.slice(0, 12), hash: hashApiKey(key) } });
      return { ...info(row), key };
    },
    /** The id of the key if it exists and is not revoked, else null. */
    verify: async (key: string): Promise<string | null> => {
      const row = await prisma.apiKey.findUnique({ where: { hash: hashApiKey(key) } });
      return row && row.revokedAt === null ? row.id : null;
    },
    revoke: async (id: string): Promise<ApiKeyInfo> => {
      const updated = await prisma.apiKey.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
      const row = await prisma.apiKey.findUnique({ where: { id } });
      if (!row) throw new NotFoundError('API key', id);
      void updated;
      return info(row);
    },
    list: async (): Promise<ApiKeyInfo[]> => (await prisma.apiKey.findMany({ orderBy: { createdAt: 'asc' } })).map(info),
    count: () => prisma.apiKey.count({ where: { revokedAt: null } }),
  };
}
