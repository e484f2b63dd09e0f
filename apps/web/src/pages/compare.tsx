import { trpc } from '../api/client';
import { CostBars } from '../charts/cost-bars';
import { formatNumber } from '../charts/scale';
import { PlanView } from '../plans/views';
import { Card, Loaded, SelectField } from '../ui/components';
import { navigate, useAsync } from '../ui/hooks';

export function ComparePage({ a, b }: { a: string; b: string }) {
  const jobs = useAsync(() => trpc().jobs.list.query({ status: 'succeeded', limit: 100 }), []);
  const results = useAsync(async () => Promise.all([a, b].map((id) => (id ? trpc().jobs.result.query({ id }) : Promise.resolve(null)))), [a, b]);
  const pick = (which: 'a' | 'b', v: string) => navigate(`compare?a=${which === 'a' ? v : a}&b=${which === 'b' ? v : b}`);
  return (
    <>
      <h1>Compare two solutions</h1>
      <Loaded value={jobs} what="finished solves">
        {(list) => {
          const options = [{ value: '', label: '— choose a solve —' }, ...list.map((j) => ({ value: j.id, label: `${j.id.slice(0, 8)} · ${j.problemType} · ${new Date(j.createdAt).toLocaleTimeString()}` }))];
          const typeOf = (id: string) => list.find((j) => j.id === id)?.problemType ?? '';
          return (
            <>
              <div class="grid-2">
                <SelectField label="Left solution" value={a} options={options} onChange={(v) => pick('a', v)} />
                <SelectField label="Right solution" value={b} options={options} onChange={(v) => pick('b', v)} />
              </div>
              <Loaded value={results} what="the solutions">
                {([ra, rb]) => (
                  <>
                    {ra && rb && (
                      <Card title="Costs side by side">
                        <p>
                          Objective {formatNumber(ra.objective, 4)} vs {formatNumber(rb.objective, 4)}
                          {ra.objective !== null && rb.objective !== null && ` (difference ${formatNumber(rb.objective - ra.objective, 4)})`}.
                        </p>
                        <CostBars title="Cost components, left and right" solutions={[{ name: `left ${a.slice(0, 8)}`, costs: ra.costs }, { name: `right ${b.slice(0, 8)}`, costs: rb.costs }]} />
                      </Card>
                    )}
                    <div class="grid-2 compare">
                      {[ra, rb].map((r, i) => (
                        <Card key={i} title={i === 0 ? 'Left plan' : 'Right plan'}>
                          {r ? <PlanView problemType={typeOf(i === 0 ? a : b)} plan={r.plan} /> : <p class="muted">Choose a solve above.</p>}
                        </Card>
                      ))}
                    </div>
                  </>
                )}
              </Loaded>
            </>
          );
        }}
      </Loaded>
    </>
  );
}
