import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GridHaulError } from '@gridhaul/common';
import type { SqlConnection } from './sql';

/** prisma/migrations at the repository root. */
export const migrationsDir = fileURLToPath(new URL('../../../../prisma/migrations', import.meta.url));

/** Same key Prisma Migrate locks with, so our migrator and a real `prisma migrate` never interleave. */
const ADVISORY_LOCK_KEY = 72707369;

export interface Migration {
  name: string;
  sql: string;
  /** SHA-256 of migration.sql (hex), as Prisma records it. */
  checksum: string;
}

export async function readMigrations(dir = migrationsDir): Promise<Migration[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    }),
  );
}

/** Prisma Migrate's bookkeeping table, created exactly as Prisma creates it. */
const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum" VARCHAR(64) NOT NULL,
    "finished_at" TIMESTAMPTZ,
    "migration_name" VARCHAR(255) NOT NULL,
    "logs" TEXT,
    "rolled_back_at" TIMESTAMPTZ,
    "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export interface MigrateReport {
  applied: string[];
  alreadyApplied: string[];
}

/**
 * Applies the pending migrations, each in its own transaction together with its
 * `_prisma_migrations` row, under Prisma's advisory lock: a failing migration leaves neither a
 * partial schema nor a record, concurrent starts apply each migration once, and a re-run is a no-op.
 * An applied migration whose file changed since is an error (tag MIGRATION_CHANGED).
 */
export async function migrate(sql: SqlConnection, migrations?: Migration[]): Promise<MigrateReport> {
  const all = migrations ?? (await readMigrations());
  const report: MigrateReport = { applied: [], alreadyApplied: [] };
  for (const m of all) {
    const applied = await sql.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [ADVISORY_LOCK_KEY]);
      await tx.exec(CREATE_MIGRATIONS_TABLE);
      const rows = await tx.query<{ checksum: string }>(
        `SELECT checksum FROM "_prisma_migrations"
         WHERE migration_name = $1 AND finished_at IS NOT NULL AND rolled_back_at IS NULL`,
        [m.name],
      );
      const done = rows[0];
      if (done) {
        if (done.checksum !== m.checksum) {
          throw new GridHaulError('MIGRATION_CHANGED', `migration ${m.name} was edited after it was applied (checksum differs)`);
        }
        return false;
      }
      await tx.exec(m.sql);
      await tx.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
         VALUES ($1, $2, $3, now(), now(), 1)`,
        [randomUUID(), m.checksum, m.name],
      );
      return true;
    });
    (applied ? report.applied : report.alreadyApplied).push(m.name);
  }
  return report;
}
