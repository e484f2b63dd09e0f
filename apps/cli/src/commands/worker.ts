import { Option, type Command } from 'commander';
import { loadEnv, startWorkerProcess } from '@gridhaul/server';
import { progress } from '../output';
import { UsageError } from '../program';
import { waitForSignal } from './serve';

/** `gridhaul worker`: solves queued jobs from the Postgres in DATABASE_URL (pg-boss), on any machine. */
export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('take solve jobs from Postgres (DATABASE_URL) and solve them; run as many as you like, anywhere')
    .addOption(
      new Option('--concurrency <n>', 'jobs solved at once, each in its own thread (default: GRIDHAUL_JOB_THREADS or 1)').argParser((raw) => {
        const n = Number(raw);
        if (!Number.isInteger(n) || n < 1 || n > 64) throw new UsageError(`--concurrency must be an integer from 1 to 64, got "${raw}"`);
        return n;
      }),
    )
    .action(async (options: { concurrency?: number }) => {
      const worker = await startWorkerProcess(loadEnv(), { concurrency: options.concurrency, log: progress });
      progress(`worker ${worker.workerId} waiting for jobs`);
      await waitForSignal();
      progress('stopping after the current jobs...');
      await worker.stop();
    });
}
