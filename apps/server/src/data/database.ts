import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from './generated/client';
import { migrate, type MigrateReport } from './migrate';
import { newPgPool, pgConnection, pgliteConnection, quoteIdent, type SqlConnection } from './sql';

export type DatabaseConfig =
  /** A Postgres server; `schema` isolates one deployment (or one test file) from others. */
  | { kind: 'postgres'; url: string; schema?: string; poolSize?: number }
  /** Embedded PGlite: in memory when `dataDir` is omitted. */
  | { kind: 'pglite'; dataDir?: string };

export interface Database {
  readonly backend: 'postgres' | 'pglite';
  readonly prisma: PrismaClient;
  readonly sql: SqlConnection;
  /** Where pg-boss can reach the same database; null on PGlite (no scale-out there). */
  readonly postgres: { url: string; schema: string } | null;
  readonly migrations: MigrateReport;
  close(): Promise<void>;
}

/** Opens the database, creating its schema if needed, and applies pending migrations. */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.kind === 'postgres') {
    const schema = config.schema ?? 'public';
    const pool = newPgPool(config.url, schema, config.poolSize ?? 10);
    const sql = pgConnection(pool);
    try {
      if (schema !== 'public') await sql.exec(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
      const migrations = await migrate(sql);
      const prisma = new PrismaClient({ adapter: new PrismaPg(pool, { schema }) });
      return {
        backend: 'postgres',
        prisma,
        sql,
        postgres: { url: config.url, schema },
        migrations,
        close: async () => {
          await prisma.$disconnect();
          await pool.end();
        },
      };
    } catch (error) {
      await pool.end();
      throw error;
    }
  }
  if (config.dataDir) mkdirSync(config.dataDir, { recursive: true });
  const lite = config.dataDir ? new PGlite(config.dataDir) : new PGlite();
  const sql = pgliteConnection(lite);
  try {
    const migrations = await migrate(sql);
    const prisma = new PrismaClient({ adapter: new PrismaPGlite(lite) });
    return {
      backend: 'pglite',
      prisma,
      sql,
      postgres: null,
      migrations,
      close: async () => {
        await prisma.$disconnect();
        await lite.close();
      },
    };
  } catch (error) {
    await lite.close();
    throw error;
  }
}
