import { useEffect, useState } from 'preact/hooks';
import { watchJob } from '../api/api';
import { trpc } from '../api/client';
import { terminal, type Job, type JobProgress } from '../api/types';
import { CostBars } from '../charts/cost-bars';
import { LineChart } from '../charts/line-chart';
import { formatNumber } from '../charts/scale';
import { PlanView } from '../plans/views';
import { Card, ErrorBox, errorText, Loaded, StatusBadge } from '../ui/components';
import { useAsync } from '../ui/hooks';

/** Follows a job; keeps every distinct progress report for the convergence chart. */
export function useLiveJob(id: string): { job: Job | undefined; history: JobProgress[]; error: unknown } {
  const [job, setJob] = useState<Job>();
  const [history, setHistory] = useState<JobProgress[]>([]);
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    setJob(undefined);
    setHistory([]);
    return watchJob(
      id,
      (j) => {
        setJob(j);
        const p = j.progress;
        if (p) setHistory((h) => (h.length && h[h.length - 1]!.timeSec === p.timeSec ? h : [...h, p]));
      },
      setError,
    );
  }, [id]);
  return { job, history, error };
}

export function ProgressPanel({ job, history }: { job: Job; history: JobProgress[] }) {
  const p = job.progress;
  const inc = history.filter((h) => h.incumbent !== undefined).map((h) => ({ tH: h.timeSec, value: h.incumbent! }));
  const bnd = history.filter((h) => h.bound !== undefined).map((h) => ({ tH: h.timeSec, value: h.bound! }));
  return (
    <>
      <dl class="facts" aria-live="polite" aria-label="Solve progress">
        <div>
          <dt>status</dt>
          <dd>
            <StatusBadge status={job.status} />
          </dd>
        </div>
        <div>
          <dt>incumbent</dt>
          <dd>{formatNumber(p?.incumbent, 4)}</dd>
        </div>
        <div>
          <dt>bound</dt>
          <dd>{formatNumber(p?.bound, 4)}</dd>
        </div>
        <div>
          <dt>gap</dt>
          <dd>{p?.gap !== undefined ? `${formatNumber(p.gap * 100, 2)} %` : '–'}</dd>
        </div>
        <div>
          <dt>iteration</dt>
          <dd>{formatNumber(p?.iteration, 0)}</dd>
        </div>
        <div>
          <dt>time</dt>
          <dd>{p ? `${formatNumber(p.timeSec, 1)} s` : '–'}</dd>
        </div>
      </dl>
      {p?.message && <p class="muted">{p.message}</p>}
      {(inc.length > 1 || bnd.length > 1) && (
        <LineChart
          title="Incumbent and bound over solve time"
          series={[
            { name: 'incumbent', points: inc, step: true },
            { name: 'bound', points: bnd, step: true, dashed: true },
          ]}
          x={{ label: 'seconds' }}
          y={{ label: 'objective' }}
          height={200}
        />
      )}
    </>
  );
}

export function SolutionPanel({ job }: { job: Job }) {
  const result = useAsync(() => trpc().jobs.result.query({ id: job.id }), [job.id]);
  return (
    <Loaded value={result} what="the solution">
      {(s) => (
        <>
          <p>
            Solver status <strong>{s.status}</strong>, objective <strong>{formatNumber(s.objective, 4)}</strong>, seed {s.seed}, solved in {formatNumber(s.solveSec, 2)} s.{' '}
            <span class={s.check.feasible ? 'ok' : 'bad'}>Independent check: {s.check.feasible ? 'feasible' : 'not feasible'}</span>
            {s.check.objective !== null && `, objective recomputed ${formatNumber(s.check.objective, 4)}`}.
          </p>
          {s.check.problems.length > 0 && (
            <ul class="problems">
              {s.check.problems.slice(0, 20).map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
          <h3>Cost breakdown</h3>
          <CostBars title="Cost components of this solution" solutions={[{ name: 'this solution', costs: s.costs }]} />
          <h3>Plan</h3>
          <PlanView problemType={job.problemType} plan={s.plan} />
          <p>
            <a href={`/api/jobs.planCsv?input=${encodeURIComponent(JSON.stringify({ id: job.id }))}`}>Download the plan as CSV</a>
          </p>
        </>
      )}
    </Loaded>
  );
}

export function JobPage({ id }: { id: string }) {
  const { job, history, error } = useLiveJob(id);
  const [cancelError, setCancelError] = useState<string>();
  if (!job) return error ? <ErrorBox error={error} what={`job ${id}`} /> : <p role="status">Loading job {id}…</p>;
  const running = !terminal.includes(job.status);
  return (
    <>
      <h1>
        Solve {job.id.slice(0, 8)} <span class="muted">({job.problemType})</span>
      </h1>
      <Card
        title="Progress"
        actions={
          running && (
            <button type="button" onClick={() => trpc().jobs.cancel.mutate({ id }).then(() => setCancelError(undefined), (e: unknown) => setCancelError(errorText(e)))}>
              Cancel solve
            </button>
          )
        }
      >
        <ProgressPanel job={job} history={history} />
        {cancelError && <p role="alert" class="error">{cancelError}</p>}
        {job.error && (
          <p role="alert" class="error">
            {job.error.tag}: {job.error.message}
          </p>
        )}
      </Card>
      {job.status === 'succeeded' && (
        <Card title="Result">
          <SolutionPanel job={job} />
        </Card>
      )}
      <p>
        <a href={`#/compare?a=${job.id}`}>Compare this solution with another</a>
      </p>
    </>
  );
}
