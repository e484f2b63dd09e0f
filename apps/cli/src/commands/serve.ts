import { Option, type Command } from 'commander';
import { loadEnv, startServerProcess } from '@gridhaul/server';
import { progress } from '../output';
import { UsageError } from '../program';

interface ServeOptions {
  port?: number;
  host?: string;
  demo?: boolean;
  threads?: number;
}

const integer = (flag: string, min: number, max: number) => (raw: string) => {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`${flag} must be an integer from ${min} to ${max}, got "${raw}"`);
  return n;
};

/**
 * `gridhaul serve`: the API on PORT (default 3000), on Postgres when DATABASE_URL is set, else on
 * the embedded database in GRIDHAUL_DATA_DIR (default .gridhaul/). `--demo` loads the demo data and
 * solves the demo scenario once before serving.
 */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('run the GridHaul API (tRPC, HTTP/JSON with OpenAPI) and its solve jobs')
    .addOption(new Option('--port <n>', 'TCP port (default: PORT or 3000)').argParser(integer('--port', 0, 65535)))
    .addOption(new Option('--host <address>', 'address to listen on (default: HOST or 127.0.0.1)'))
    .addOption(new Option('--threads <n>', 'solves run at once by this process (default: GRIDHAUL_JOB_THREADS or 1)').argParser(integer('--threads', 0, 64)))
    .addOption(new Option('--demo', 'load the demo networks, fleet and scenario, and solve the demo scenario once'))
    .action(async (options: ServeOptions) => {
      const env = loadEnv();
      const where = env.DATABASE_URL ? 'Postgres (DATABASE_URL)' : `embedded PGlite in ${env.GRIDHAUL_DATA_DIR}/db`;
      progress(`starting on ${where}${options.demo ? ', loading the demo' : ''}...`);
      const server = await startServerProcess(env, { port: options.port, host: options.host, demo: options.demo ?? false, threads: options.threads });
      const { url } = server.http;
      process.stdout.write(`GridHaul is running at ${url}\n`);
      process.stdout.write(`  HTTP/JSON API ${url}/api/<procedure>   OpenAPI ${url}/openapi.json   tRPC ${url}/trpc\n`);
      process.stdout.write(`  database: ${server.services.db.backend}, jobs: ${server.services.queue.kind}\n`);
      if (server.bootstrapKey) process.stdout.write(`  API key for mutations (shown once, store it): ${server.bootstrapKey}\n`);
      if (server.demo) process.stdout.write(`\n${server.demo.table}\n`);
      progress('press Ctrl-C to stop');
      await waitForSignal();
      progress('stopping...');
      await server.stop();
    });
}

export function waitForSignal(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve();
    };
    process.on('SIGINT', done);
    process.on('SIGTERM', done);
  });
}
