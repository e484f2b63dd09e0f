import type { Job, JobInput, JobProgress } from '../data';

/** Where enqueued jobs go: solved in this process, or handed to `gridhaul worker`s through pg-boss. */
export interface JobQueue {
  readonly kind: 'inprocess' | 'pgboss';
  enqueue(job: JobInput): Promise<Job>;
  /** Stops a job: a queued one at once, a running one as soon as its worker sees the request. */
  cancel(jobId: string): Promise<Job>;
  /** Progress reports of jobs solved in this process, as they happen. */
  subscribe(jobId: string, listener: (p: JobProgress) => void): () => void;
  close(): Promise<void>;
}
