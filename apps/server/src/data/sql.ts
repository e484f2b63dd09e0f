import pg from 'pg';
import type { PGlite, Transaction } from '@electric-sql/pglite';

/** Plain SQL access for the migrator, schema checks and queue bookkeeping (Prisma does the rest). */
export interface SqlSession {
  /** Runs one or more statements without parameters. */
  exec(sql: string): Promise<void>;
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
}

export interface SqlConnection extends SqlSession {
  /** Runs `work` in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(work: (tx: SqlSession) => Promise<T>): Promise<T>;
}

export function pgConnection(pool: pg.Pool): SqlConnection {
  const session = (client: pg.Pool | pg.PoolClient): SqlSession => ({
    exec: async (sql) => {
      await client.query(sql);
    },
    query: async <Row>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as Row[],
  });
  return {
    ...session(pool),
    transaction: async (work) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(session(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
  };
}

export function pgliteConnection(db: PGlite): SqlConnection {
  const session = (client: PGlite | Transaction): SqlSession => ({
    exec: async (sql) => {
      await client.exec(sql);
    },
    query: async <Row>(sql: string, params: unknown[] = []) => (await client.query<Row>(sql, params)).rows,
  });
  return { ...session(db), transaction: (work) => db.transaction((tx) => work(session(tx))) };
}

export function newPgPool(connectionString: string, schema: string | undefined, max = 10): pg.Pool {
  return new pg.Pool({
    connectionString,
    max,
    ...(schema ? { options: `-c search_path=${quoteIdent(schema)}` } : {}),
  });
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
