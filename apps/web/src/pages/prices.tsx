import { useState } from 'preact/hooks';
import { trpc } from '../api/client';
import { LmpHeatmap } from '../charts/heatmap';
import { LineChart } from '../charts/line-chart';
import { formatNumber } from '../charts/scale';
import { DAILY_LOAD_SHAPE, lmpGrid, scenarioSpread, scenariosOf, type PricePoint } from '../plans/lmp';
import { Card, DataTable, errorText, InputField, Loaded, SelectField } from '../ui/components';
import { navigate, useAsync } from '../ui/hooks';

/** A step curve holds its last value to the end of the last period. */
function withPeriodEnd(points: Array<{ tH: number; value: number }>, stepH: number) {
  const last = points[points.length - 1];
  return last ? [...points, { tH: last.tH + stepH, value: last.value }] : points;
}

export function LmpPanel({ points, stepH, name }: { points: PricePoint[]; stepH: number; name: string }) {
  const scenarios = scenariosOf(points);
  const [scenario, setScenario] = useState(scenarios[0] ?? 0);
  const grid = lmpGrid(points, scenario);
  const [bus, setBus] = useState(grid.buses[0] ?? 0);
  const spread = scenarioSpread(points, bus);
  return (
    <>
      {scenarios.length > 1 && (
        <SelectField label="Price scenario" value={String(scenario)} options={scenarios.map((s) => ({ value: String(s), label: `scenario ${s}` }))} onChange={(v) => setScenario(Number(v))} />
      )}
      <LmpHeatmap grid={grid} stepH={stepH} title={`LMP heat map of ${name}, scenario ${scenario}: buses down, hours across, $/MWh`} />
      <SelectField label="Bus for the price curve" value={String(bus)} options={grid.buses.map((b) => ({ value: String(b), label: `bus ${b}` }))} onChange={(v) => setBus(Number(v))} />
      <LineChart
        title={`LMP at bus ${bus} over the day${scenarios.length > 1 ? `: min–max band over ${scenarios.length} scenarios and their mean` : ''}`}
        bands={scenarios.length > 1 ? [{ name: `min–max over ${scenarios.length} scenarios`, points: spread.map((s) => ({ tH: s.period * stepH, lo: s.min, hi: s.max })) }] : []}
        series={[{ name: scenarios.length > 1 ? 'mean LMP' : 'LMP', points: withPeriodEnd(spread.map((s) => ({ tH: s.period * stepH, value: s.mean })), stepH), step: true }]}
        x={{ label: 'hour', format: (v) => formatNumber(v, 1) }}
        y={{ label: '$/MWh' }}
        height={220}
      />
      <DataTable
        caption={`LMP components at bus ${bus}, scenario ${scenario}`}
        columns={['hour', 'LMP ($/MWh)', 'energy', 'congestion', 'loss']}
        rows={points
          .filter((p) => p.bus === bus && p.scenario === scenario)
          .map((p) => [formatNumber(p.period * stepH, 2), formatNumber(p.lmpPerMWh), formatNumber(p.energyPerMWh), formatNumber(p.congestionPerMWh), formatNumber(p.lossPerMWh)])}
      />
    </>
  );
}

/** Queues a DC-OPF LMP job for a stored grid (prices.compute) and opens its live page. */
function ComputeLmpForm() {
  const networks = useAsync(() => trpc().networks.list.query(), []);
  const grids = (networks.data ?? []).filter((n) => n.kind === 'grid');
  const [grid, setGrid] = useState('');
  const [name, setName] = useState('');
  const [shape, setShape] = useState('daily');
  const [error, setError] = useState<string>();
  const gridId = grid || grids[0]?.id || '';
  const submit = async (e: Event) => {
    e.preventDefault();
    try {
      const job = await trpc().prices.compute.mutate({
        gridNetworkId: gridId,
        ...(name.trim() ? { name: name.trim() } : {}),
        stepH: 1,
        ...(shape === 'daily' ? { profile: { periods: 24, loadScale: [...DAILY_LOAD_SHAPE] } } : {}),
      });
      navigate(`jobs/${job.id}`);
    } catch (err) {
      setError(errorText(err));
    }
  };
  if (grids.length === 0) return <p class="muted">Import a grid network first.</p>;
  return (
    <form onSubmit={(e) => void submit(e)} aria-label="Compute LMPs">
      <div class="grid-3">
        <SelectField label="Grid network" value={gridId} options={grids.map((g) => ({ value: g.id, label: g.name }))} onChange={setGrid} />
        <SelectField
          label="Load profile"
          value={shape}
          options={[
            { value: 'daily', label: '24 hours: weekday shape, 0.6–1.0 × base load' },
            { value: 'base', label: 'one period at base load' },
          ]}
          onChange={setShape}
        />
        <InputField label="Series name" value={name} onInput={setName} hint="empty: LMPs of <network>" />
      </div>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <button type="submit">Compute LMPs</button>
    </form>
  );
}

export function PricesPage({ selected }: { selected: string | undefined }) {
  const list = useAsync(() => trpc().prices.list.query({}), []);
  const current = list.data?.find((s) => s.id === selected) ?? list.data?.[0];
  const data = useAsync(async () => (current ? trpc().prices.query.query({ seriesId: current.id }) : null), [current?.id]);
  return (
    <>
      <h1>Locational marginal prices</h1>
      <Card title="Compute LMPs (DC-OPF)">
        <ComputeLmpForm />
      </Card>
      <Loaded value={list} what="price series">
        {(series) =>
          series.length === 0 ? (
            <p class="muted">No price series stored yet.</p>
          ) : (
            <>
              <SelectField label="Price series" value={current?.id ?? ''} options={series.map((s) => ({ value: s.id, label: `${s.name} (${s.points} points, ${s.stepH} h steps)` }))} onChange={(v) => navigate(`prices/${v}`)} />
              <Card title={current?.name ?? 'Prices'}>
                <Loaded value={data} what="prices">
                  {(d) => (d ? <LmpPanel key={d.series.id} points={d.points} stepH={d.series.stepH} name={d.series.name} /> : null)}
                </Loaded>
              </Card>
            </>
          )
        }
      </Loaded>
    </>
  );
}
