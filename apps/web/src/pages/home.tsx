import { trpc } from '../api/client';
import { Card, Loaded, StatusBadge } from '../ui/components';
import { useAsync } from '../ui/hooks';
import { formatNumber } from '../charts/scale';

export function HomePage() {
  const health = useAsync(() => trpc().health.query(), []);
  const networks = useAsync(() => trpc().networks.list.query(), []);
  const scenarios = useAsync(() => trpc().scenarios.list.query(), []);
  const jobs = useAsync(() => trpc().jobs.list.query({ limit: 20 }), []);
  return (
    <>
      <h1>Overview</h1>
      <Loaded value={health} what="service status">
        {(h) => (
          <p class="muted">
            Service up: {h.database} database, {h.queue} job queue.
          </p>
        )}
      </Loaded>
      <div class="grid-2">
        <Card title="Networks">
          <Loaded value={networks} what="networks">
            {(list) =>
              list.length === 0 ? (
                <p class="muted">No networks stored yet.</p>
              ) : (
                <ul class="plain">
                  {list.map((n) => (
                    <li key={n.id}>
                      <a href={`#/networks/${n.id}`}>{n.name}</a> <span class="muted">{n.kind === 'road' ? `road, ${n.nodes} nodes, ${n.edges} roads` : `grid, ${n.nodes} buses, ${n.edges} branches`}</span>
                    </li>
                  ))}
                </ul>
              )
            }
          </Loaded>
        </Card>
        <Card title="Scenarios">
          <Loaded value={scenarios} what="scenarios">
            {(list) =>
              list.length === 0 ? (
                <p class="muted">
                  No scenarios yet: <a href="#/scenarios">create one</a>.
                </p>
              ) : (
                <ul class="plain">
                  {list.map((s) => (
                    <li key={s.id}>
                      {s.name} <span class="muted">({s.problemType})</span>
                    </li>
                  ))}
                </ul>
              )
            }
          </Loaded>
        </Card>
      </div>
      <Card title="Recent solves">
        <Loaded value={jobs} what="jobs">
          {(list) =>
            list.length === 0 ? (
              <p class="muted">No solves yet.</p>
            ) : (
              <table class="jobs">
                <thead>
                  <tr>
                    <th scope="col">job</th>
                    <th scope="col">problem</th>
                    <th scope="col">status</th>
                    <th scope="col">incumbent</th>
                    <th scope="col">created</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((j) => (
                    <tr key={j.id}>
                      <th scope="row">
                        <a href={`#/jobs/${j.id}`}>{j.id.slice(0, 8)}</a>
                      </th>
                      <td>{j.problemType}</td>
                      <td>
                        <StatusBadge status={j.status} />
                      </td>
                      <td>{formatNumber(j.progress?.incumbent, 4)}</td>
                      <td>{new Date(j.createdAt).toLocaleString()}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )
          }
        </Loaded>
      </Card>
    </>
  );
}
