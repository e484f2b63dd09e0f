import { randomBytes } from 'node:crypto';
import { loadEnv } from '../env';
import { openDatabase, type Database } from '../data/database';
import { quoteIdent } from '../data/sql';

export type Backend = 'pglite' | 'postgres';

/**
 * The backends every database suite runs on: embedded PGlite always, and the real Postgres server
 * when DATABASE_URL is set. Under CI a missing DATABASE_URL is an error, never a silent skip.
 */
export function testBackends(): Backend[] {
  const env = loadEnv();
  if (env.DATABASE_URL) return ['pglite', 'postgres'];
  if (env.CI) throw new Error('CI=true but DATABASE_URL is unset: the Postgres suites must run in CI');
  return ['pglite'];
}

export interface TestDatabase extends Database {
  /** Closes the connection and drops the test's own schema (Postgres). */
  dispose(): Promise<void>;
}

/** A fresh, migrated database: in-memory PGlite, or a schema of its own on the Postgres server. */
export async function openTestDatabase(backend: Backend, label = 'test'): Promise<TestDatabase> {
  if (backend === 'pglite') {
    const db = await openDatabase({ kind: 'pglite' });
    return Object.assign(db, { dispose: () => db.close() });
  }
  const url = loadEnv().DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is unset');
  const schema = `t_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  const db = await openDatabase({ kind: 'postgres', url, schema, poolSize: 4 });
  return Object.assign(db, {
    dispose: async () => {
      await db.sql.exec(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
      await db.close();
    },
  });
}
