import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPrismaModels, type PrismaColumn } from '../testing/prisma-schema';
import { openTestDatabase, testBackends, type TestDatabase } from '../testing/databases';
import { migrate, readMigrations, type Migration } from './migrate';

/** information_schema's data_type (udt_name for arrays) for each Prisma scalar on PostgreSQL. */
const PG_TYPE: Record<string, string> = {
  String: 'text',
  Int: 'integer',
  Float: 'double precision',
  Boolean: 'boolean',
  DateTime: 'timestamp without time zone',
  Json: 'jsonb',
  BigInt: 'bigint',
};
const PG_ARRAY_UDT: Record<string, string> = { Float: '_float8', Int: '_int4', String: '_text' };

function expectedType(c: PrismaColumn): string {
  return c.list ? `ARRAY ${PG_ARRAY_UDT[c.type]}` : (PG_TYPE[c.type] ?? `unmapped ${c.type}`);
}

describe.each(testBackends())('migrated database on %s', (backend) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase(backend, 'schema');
  });
  afterAll(async () => db?.dispose());

  it('has exactly the tables and columns of prisma/schema.prisma, with their types and nullability', async () => {
    const rows = await db.sql.query<{ table_name: string; column_name: string; data_type: string; udt_name: string; is_nullable: string; column_default: string | null }>(
      `SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default
       FROM information_schema.columns WHERE table_schema = current_schema() AND table_name <> '_prisma_migrations'`,
    );
    const actual = rows
      .map((r) => `${r.table_name}.${r.column_name}: ${r.data_type === 'ARRAY' ? `ARRAY ${r.udt_name}` : r.data_type}${r.is_nullable === 'YES' ? ' null' : ''}${r.column_default?.startsWith('nextval(') ? ' serial' : ''}`)
      .sort();
    const expected = readPrismaModels()
      .flatMap((m) => m.columns.map((c) => `${m.name}.${c.name}: ${expectedType(c)}${c.optional || c.list ? ' null' : ''}${c.autoincrement ? ' serial' : ''}`))
      .sort();
    expect(expected.length).toBeGreaterThan(150);
    expect(actual).toEqual(expected);
  });

  it('has a unique index for every @id, @unique and @@unique of the schema', async () => {
    const rows = await db.sql.query<{ table_name: string; columns: string }>(
      `SELECT t.relname AS table_name, string_agg(a.attname, ',' ORDER BY k.ord) AS columns
       FROM pg_index i
       JOIN pg_class t ON t.oid = i.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = current_schema()
       CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
       WHERE i.indisunique AND t.relname <> '_prisma_migrations'
       GROUP BY t.relname, i.indexrelid`,
    );
    const actual = rows.map((r) => `${r.table_name}(${r.columns})`).sort();
    const expected = readPrismaModels()
      .flatMap((m) => m.uniques.map((cols) => `${m.name}(${cols.join(',')})`))
      .sort();
    expect(actual).toEqual(expected);
  });

  it('records each migration in _prisma_migrations with its checksum, and a re-run applies nothing', async () => {
    const files = await readMigrations();
    const recorded = await db.sql.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      'SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY migration_name',
    );
    expect(recorded.map((r) => [r.migration_name, r.checksum])).toEqual(files.map((f) => [f.name, f.checksum]));
    expect(recorded.every((r) => r.finished_at !== null)).toBe(true);
    const again = await migrate(db.sql);
    expect(again.applied).toEqual([]);
    expect(again.alreadyApplied).toEqual(files.map((f) => f.name));
  });

  it('rolls back a failing migration whole: no table from it, no record of it', async () => {
    const broken = { name: '29990101000000_broken', sql: 'CREATE TABLE "Half" ("id" INTEGER); SELECT 1/0;', checksum: 'x'.repeat(64) };
    await expect(migrate(db.sql, [...(await readMigrations()), broken])).rejects.toThrow(/division by zero/);
    const tables = await db.sql.query(`SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'Half'`);
    expect(tables).toHaveLength(0);
    const recorded = await db.sql.query(`SELECT 1 FROM "_prisma_migrations" WHERE migration_name = $1`, [broken.name]);
    expect(recorded).toHaveLength(0);
  });

  it('refuses to run when an applied migration file was edited (tag MIGRATION_CHANGED)', async () => {
    const [first, ...rest] = await readMigrations();
    const edited = { ...(first as Migration), checksum: '0'.repeat(64) };
    await expect(migrate(db.sql, [edited, ...rest])).rejects.toMatchObject({ tag: 'MIGRATION_CHANGED' });
  });
});
