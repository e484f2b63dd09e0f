import { z } from 'zod';

/**
 * The service's configuration, read once from the environment and validated. Nothing else in the
 * server reads `process.env`.
 */
const envSchema = z.object({
  /** Postgres URL; unset means the embedded PGlite database in GRIDHAUL_DATA_DIR. */
  DATABASE_URL: z
    .string()
    .trim()
    .min(1)
    .refine((v) => /^postgres(ql)?:\/\//.test(v), 'must be a postgres:// or postgresql:// URL')
    .optional(),
  /** Folder of the embedded database and other local state. */
  GRIDHAUL_DATA_DIR: z.string().trim().min(1).default('.gridhaul'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  /** Whether queries (reads) may be called without an API key. Mutations always need one. */
  GRIDHAUL_PUBLIC_READS: z
    .enum(['true', 'false', '1', '0'])
    .default('true')
    .transform((v) => v === 'true' || v === '1'),
  /** Solver worker threads per process for the in-process queue. */
  GRIDHAUL_JOB_THREADS: z.coerce.number().int().min(1).max(64).default(1),
  /** 'inprocess' runs solves in this process; 'pgboss' only enqueues them for `gridhaul worker`s. */
  GRIDHAUL_QUEUE: z.enum(['inprocess', 'pgboss']).optional(),
  /** pg-boss: how often jobs of dead workers are detected and retried, seconds. */
  GRIDHAUL_BOSS_MAINTENANCE_SEC: z.coerce.number().int().min(1).max(3600).default(30),
  /** pg-boss: seconds a worker may overrun a job's time limit before it is presumed dead. */
  GRIDHAUL_JOB_EXPIRE_GRACE_SEC: z.coerce.number().int().min(1).max(86_400).default(60),
  /** Largest accepted HTTP request body, bytes. */
  GRIDHAUL_MAX_BODY_BYTES: z.coerce.number().int().positive().default(32 * 1024 * 1024),
  /** Set by CI: Postgres-backed test suites must then run, never skip. */
  CI: z
    .string()
    .optional()
    .transform((v) => v === 'true' || v === '1'),
});

export type Env = z.output<typeof envSchema>;

/**
 * Postgres connection string and schema from DATABASE_URL: Prisma's `?schema=name` selects the
 * schema (default public) and is removed from what the driver sees.
 */
export function postgresTarget(databaseUrl: string): { url: string; schema: string } {
  const url = new URL(databaseUrl);
  const schema = url.searchParams.get('schema') ?? 'public';
  url.searchParams.delete('schema');
  return { url: url.toString(), schema };
}

export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const relevant = Object.fromEntries(
    Object.keys(envSchema.shape).map((k) => [k, source[k] === '' ? undefined : source[k]]),
  );
  const parsed = envSchema.safeParse(relevant);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`invalid environment: ${problems}`);
  }
  return parsed.data;
}

/** The environment for a child process: this one's, plus `extra`. */
export function childEnv(extra: Record<string, string> = {}): Record<string, string | undefined> {
  return { ...process.env, ...extra };
}
