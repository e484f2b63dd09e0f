import { trpc } from './client';
import { terminal, type Job } from './types';

/**
 * Follows a job live over SSE (`jobs.progress`); falls back to polling `jobs.get` once a second
 * when the event stream fails. Returns the function that stops following.
 */
export function watchJob(id: string, onJob: (job: Job) => void, onError: (e: unknown) => void): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const poll = async () => {
    if (stopped) return;
    try {
      const job = await trpc().jobs.get.query({ id });
      onJob(job);
      if (terminal.includes(job.status)) return;
    } catch (e) {
      onError(e);
    }
    timer = setTimeout(() => void poll(), 1000);
  };
  const sub = trpc().jobs.progress.subscribe(
    { id },
    {
      onData: (job) => onJob(job as Job),
      onError: () => {
        sub.unsubscribe();
        void poll();
      },
      onComplete: () => void trpc().jobs.get.query({ id }).then(onJob, onError),
    },
  );
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    sub.unsubscribe();
  };
}
