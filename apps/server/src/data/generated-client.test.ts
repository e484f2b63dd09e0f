import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { childEnv } from '../env';
import { schemaPath } from '../testing/prisma-schema';

const committed = fileURLToPath(new URL('./generated', import.meta.url));

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

describe('committed Prisma client', () => {
  it('is exactly what `prisma generate` makes from prisma/schema.prisma (regenerate after editing the schema)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gridhaul-prisma-'));
    try {
      // Same relative layout as the repository, so the output path and the inlined schema match.
      mkdirSync(join(dir, 'prisma'));
      writeFileSync(join(dir, 'prisma', 'schema.prisma'), readFileSync(schemaPath, 'utf8'));
      const run = spawnSync('npx', ['prisma', 'generate', '--schema', join(dir, 'prisma', 'schema.prisma')], {
        cwd: fileURLToPath(new URL('../..', import.meta.url)),
        env: childEnv({ PRISMA_SCHEMA_ENGINE_BINARY: '/bin/true', PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' }),
        encoding: 'utf8',
      });
      expect(run.status, run.stderr).toBe(0);
      const fresh = join(dir, 'apps', 'server', 'src', 'data', 'generated');
      expect(listFiles(committed)).toEqual(listFiles(fresh));
      const stale = listFiles(fresh).filter((f) => readFileSync(join(committed, f), 'utf8') !== readFileSync(join(fresh, f), 'utf8'));
      expect(stale, 'files that differ: run `npm run prisma:generate -w @gridhaul/server`').toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
