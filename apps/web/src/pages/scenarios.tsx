import { useState } from 'preact/hooks';
import { trpc } from '../api/client';
import type { ProblemTypeInfo } from '../api/types';
import { Card, errorText, InputField, Loaded, SelectField } from '../ui/components';
import { navigate, useAsync } from '../ui/hooks';

/** A starting input for each problem type, so the form is solvable as it opens. */
export const EXAMPLE_INPUTS: Record<string, unknown> = {
  // A two-product mix LP: max 3x + 5y, x ≤ 4, 2y ≤ 12, 3x + 2y ≤ 18 → x = 2, y = 6, objective 36
  // (Hillier & Lieberman, Introduction to Operations Research, the Wyndor Glass example).
  lp: {
    sense: 'max',
    variables: [
      { name: 'x', obj: 3 },
      { name: 'y', obj: 5 },
    ],
    constraints: [
      { name: 'plant1', terms: [{ var: 'x', coef: 1 }], sense: '<=', rhs: 4 },
      { name: 'plant2', terms: [{ var: 'y', coef: 2 }], sense: '<=', rhs: 12 },
      { name: 'plant3', terms: [{ var: 'x', coef: 3 }, { var: 'y', coef: 2 }], sense: '<=', rhs: 18 },
    ],
  },
};

interface Problem {
  field: string;
  message: string;
}

/** The list of problems a rejected scenario came back with (tRPC error data), else the message. */
function problemsOf(e: unknown): Problem[] {
  const data = (e as { data?: { problems?: Problem[] } }).data;
  if (data?.problems?.length) return data.problems;
  return [{ field: '', message: errorText(e) }];
}

function CreateScenarioForm({ types, onCreated }: { types: ProblemTypeInfo[]; onCreated: (id: string) => void }) {
  const networks = useAsync(() => trpc().networks.list.query(), []);
  const fleets = useAsync(() => trpc().fleets.list.query(), []);
  const firstType = types[0]?.name ?? 'lp';
  const [name, setName] = useState('my scenario');
  const [problemType, setProblemType] = useState(firstType);
  const [fleetId, setFleetId] = useState('');
  const [roadNetworkId, setRoad] = useState('');
  const [gridNetworkId, setGrid] = useState('');
  const [seed, setSeed] = useState('1');
  const [timeLimit, setTimeLimit] = useState('');
  const [problem, setProblem] = useState(JSON.stringify(EXAMPLE_INPUTS[firstType] ?? {}, null, 2));
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);
  const nets = networks.data ?? [];
  const none = { value: '', label: '(none)' };

  const submit = async (e: Event) => {
    e.preventDefault();
    let parsed: unknown;
    try {
      parsed = JSON.parse(problem);
    } catch (err) {
      setProblems([{ field: 'problem', message: `not valid JSON: ${errorText(err)}` }]);
      return;
    }
    setBusy(true);
    try {
      const s = await trpc().scenarios.create.mutate({
        name,
        problemType,
        seed: Number(seed) || 0,
        ...(timeLimit ? { timeLimitSec: Number(timeLimit) } : {}),
        ...(fleetId ? { fleetId } : {}),
        ...(roadNetworkId ? { roadNetworkId } : {}),
        ...(gridNetworkId ? { gridNetworkId } : {}),
        problem: parsed,
      });
      setProblems([]);
      onCreated(s.id);
    } catch (err) {
      setProblems(problemsOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} aria-label="Create a scenario">
      <div class="grid-3">
        <InputField label="Scenario name" value={name} onInput={setName} required />
        <SelectField
          label="Problem type"
          value={problemType}
          options={types.map((t) => ({ value: t.name, label: t.name }))}
          onChange={(v) => {
            setProblemType(v);
            if (EXAMPLE_INPUTS[v]) setProblem(JSON.stringify(EXAMPLE_INPUTS[v], null, 2));
          }}
        />
        <SelectField label="Fleet" value={fleetId} options={[none, ...(fleets.data ?? []).map((f) => ({ value: f.id, label: f.name }))]} onChange={setFleetId} />
        <SelectField label="Road network" value={roadNetworkId} options={[none, ...nets.filter((n) => n.kind === 'road').map((n) => ({ value: n.id, label: n.name }))]} onChange={setRoad} />
        <SelectField label="Grid network" value={gridNetworkId} options={[none, ...nets.filter((n) => n.kind === 'grid').map((n) => ({ value: n.id, label: n.name }))]} onChange={setGrid} />
        <InputField label="Seed" value={seed} onInput={setSeed} inputMode="numeric" pattern="[0-9]+" />
        <InputField label="Time limit (s)" value={timeLimit} onInput={setTimeLimit} inputMode="decimal" hint="empty: the solver's default" />
      </div>
      <p class="muted">{types.find((t) => t.name === problemType)?.description}</p>
      <div class="field">
        <label for="problem-input">Problem input (JSON)</label>
        <textarea id="problem-input" rows={12} spellcheck={false} value={problem} onInput={(e) => setProblem((e.target as HTMLTextAreaElement).value)} />
      </div>
      {problems.length > 0 && (
        <div role="alert" class="error">
          <strong>The scenario was not stored:</strong>
          <ul>
            {problems.map((p, i) => (
              <li key={i}>
                {p.field && <code>{p.field}</code>} {p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      <button type="submit" disabled={busy}>
        Create scenario
      </button>
    </form>
  );
}

export function ScenariosPage() {
  const types = useAsync(() => trpc().jobs.problemTypes.query(), []);
  const scenarios = useAsync(() => trpc().scenarios.list.query(), []);
  const [created, setCreated] = useState<string>();
  const [solveError, setSolveError] = useState<string>();
  const solve = async (scenarioId: string) => {
    try {
      const job = await trpc().jobs.enqueue.mutate({ scenarioId });
      navigate(`jobs/${job.id}`);
    } catch (e) {
      setSolveError(errorText(e));
    }
  };
  return (
    <>
      <h1>Scenarios and solves</h1>
      <Card title="Stored scenarios">
        {solveError && (
          <p role="alert" class="error">
            Could not start the solve: {solveError}
          </p>
        )}
        <Loaded value={scenarios} what="scenarios">
          {(list) =>
            list.length === 0 ? (
              <p class="muted">None yet.</p>
            ) : (
              <table class="jobs">
                <thead>
                  <tr>
                    <th scope="col">scenario</th>
                    <th scope="col">problem type</th>
                    <th scope="col">created</th>
                    <th scope="col">
                      <span class="sr-only">actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((s) => (
                    <tr key={s.id} class={s.id === created ? 'highlight' : undefined}>
                      <th scope="row">{s.name}</th>
                      <td>{s.problemType}</td>
                      <td>{new Date(s.createdAt).toLocaleString()}</td>
                      <td>
                        <button type="button" onClick={() => void solve(s.id)} aria-label={`Solve ${s.name}`}>
                          Solve
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )
          }
        </Loaded>
      </Card>
      <Card title="New scenario">
        <Loaded value={types} what="problem types">
          {(t) => (
            <CreateScenarioForm
              types={t}
              onCreated={(id) => {
                setCreated(id);
                scenarios.reload();
              }}
            />
          )}
        </Loaded>
      </Card>
    </>
  );
}
