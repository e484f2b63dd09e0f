import { useId, useState } from 'preact/hooks';
import { trpc } from '../api/client';
import { categorical } from '../charts/colors';
import { Gantt } from '../charts/gantt';
import { LineChart } from '../charts/line-chart';
import { formatHour, formatNumber, formatUsd } from '../charts/scale';
import { roadDrawing, type Drawing } from '../graph/drawing';
import { forceLayout } from '../graph/layout';
import { NetworkView, VIEW_H, VIEW_W } from '../graph/network-view';
import { DataTable, Loaded } from '../ui/components';
import { useAsync } from '../ui/hooks';
import { peakWindow, powerSteps, readBusChargingPlan } from './bus-charging';
import { readEvrpPlan, socAlongRoute } from './evrp';
import { readLmpPlan } from './lmp';
import { LmpPanel } from '../pages/prices';
import { readMessPlan, truckStateAt, valueAt, type MessPlanView } from './mess';
import { arr, field, isObject, list } from './read';

export type PlanKind = 'mess' | 'bus-charging' | 'evrp' | 'lmp' | 'lp' | 'unknown';

/** Which view draws a plan: by problem type name first, else by the plan's shape. */
export function planKind(problemType: string, plan: unknown): PlanKind {
  if (/bus/.test(problemType)) return 'bus-charging';
  if (/evrp|vrp/.test(problemType)) return 'evrp';
  if (/mess|charging-cycle|co-?opt|delivery/.test(problemType)) return 'mess';
  if (problemType === 'lmp') return 'lmp';
  if (problemType === 'lp') return 'lp';
  if (list(plan, 'sessions').length > 0 || list(field(plan, 'schedule'), 'sessions').length > 0) return 'bus-charging';
  if (list(plan, 'routes').some((r) => list(r, 'visits').length > 0) || isObject(field(plan, 'solution'))) return 'evrp';
  if (list(plan, 'trucks').length > 0) return 'mess';
  if (readLmpPlan(plan).length > 0) return 'lmp';
  if (isObject(field(plan, 'values'))) return 'lp';
  return 'unknown';
}

/** A drawing for plans whose nodes are not on a stored network: the legs' nodes laid out by the legs. */
function legsDrawing(plan: MessPlanView): Drawing {
  const legs = plan.trucks.flatMap((t) => t.legs);
  const ids = [...new Set(legs.flatMap((l) => [l.from, l.to]))];
  const pos = forceLayout(ids, legs.map((l) => ({ from: l.from, to: l.to, length: l.distanceKm })));
  return {
    nodes: ids.map((id) => ({ id, label: id, ...pos.get(id)!, color: '#666', radius: 7, shape: 'circle' as const, title: id })),
    edges: [...new Set(legs.map((l) => `${l.from}\u0000${l.to}`))].map((k) => {
      const [from = '', to = ''] = k.split('\u0000');
      return { from, to, color: '#bbb', width: 2, dashed: false, title: `${from} → ${to}` };
    }),
    legend: [],
  };
}

export function MessPlanPanel({ plan: raw }: { plan: unknown }) {
  const plan = readMessPlan(raw);
  const [t, setT] = useState(plan.horizon[0]);
  const sliderId = useId();
  const road = useAsync(async () => (plan.roadNetworkId ? trpc().networks.getRoad.query({ id: plan.roadNetworkId }) : null), [plan.roadNetworkId]);
  const drawing = road.data ? roadDrawing(road.data) : legsDrawing(plan);
  const trucks = plan.trucks.map((tr, i) => ({ tr, color: categorical(i), state: truckStateAt(tr.legs, t, tr.legs[0]?.from) }));
  const socAtT = [...plan.mess, ...plan.excavators].map((s) => `${s.id} ${formatNumber((valueAt(s.points, t) ?? NaN) * 100, 0)} %`).join(', ');
  return (
    <div class="plan">
      <div class="slider">
        <label for={sliderId}>Time of day: {formatHour(t)}</label>
        <input
          id={sliderId}
          type="range"
          min={plan.horizon[0]}
          max={plan.horizon[1]}
          step={1 / 12}
          value={t}
          aria-valuetext={formatHour(t)}
          onInput={(e) => setT(Number((e.target as HTMLInputElement).value))}
        />
        <p class="readout" aria-live="polite">
          {trucks.map(({ tr, state }) => `${tr.id} ${state.kind === 'at' ? `at ${state.node}` : `driving ${state.from} → ${state.to}${state.carrying.length ? ` with ${state.carrying.join(', ')}` : ''}`}`).join('; ')}
          {socAtT ? `. SOC: ${socAtT}` : ''}
        </p>
      </div>
      <NetworkView
        drawing={drawing}
        title={`Truck positions at ${formatHour(t)} on the road network`}
        overlay={(at) =>
          trucks.map(({ tr, color, state }, i) => {
            const a = at(state.kind === 'at' ? state.node : state.from);
            const b = state.kind === 'at' ? a : at(state.to);
            if (!a || !b) return null;
            const f = state.kind === 'at' ? 0 : state.fraction;
            // trucks at the same place stand side by side above it
            const x = a.x + (b.x - a.x) * f + (i - (trucks.length - 1) / 2) * 46;
            const y = a.y + (b.y - a.y) * f - 16;
            return (
              <g key={tr.id} class="truck">
                <title>{tr.id}</title>
                <rect x={x - 9} y={y - 6} width={18} height={12} rx={2} fill={color} stroke="#000" />
                <text x={x} y={y - 9} text-anchor="middle" class="node-label">
                  {tr.id}
                </text>
              </g>
            );
          })
        }
      />
      {plan.trucks.length > 0 && (
        <Gantt
          title="Truck routes over time"
          rowLabel="truck"
          rows={plan.trucks.map((tr) => tr.id)}
          domain={plan.horizon}
          cursor={t}
          bars={plan.trucks.flatMap((tr) => tr.legs.map((l) => ({ row: tr.id, startH: l.departH, endH: l.arriveH, label: `${l.from}→${l.to}`, colorKey: l.carrying.length ? 'loaded' : 'empty', detail: l.carrying.length ? `carrying ${l.carrying.join(', ')}` : 'empty' })))}
        />
      )}
      {plan.mess.length > 0 && (
        <LineChart title="SOC of each MESS over the day" series={plan.mess.map((s) => ({ name: s.id, points: s.points }))} x={{ label: 'time of day', format: formatHour, domain: plan.horizon }} y={{ label: 'SOC', format: (v) => `${Math.round(v * 100)} %`, domain: [0, 1] }} cursor={t} />
      )}
      {plan.excavators.length > 0 && (
        <LineChart title="SOC of each excavator over the day" series={plan.excavators.map((s) => ({ name: s.id, points: s.points }))} x={{ label: 'time of day', format: formatHour, domain: plan.horizon }} y={{ label: 'SOC', format: (v) => `${Math.round(v * 100)} %`, domain: [0, 1] }} cursor={t} />
      )}
      {plan.charging.length > 0 && (
        <table class="events">
          <caption>Charging events with the price paid</caption>
          <thead>
            <tr>
              {['MESS', 'where', 'from', 'to', 'energy (kWh)', 'LMP ($/MWh)', 'cost'].map((c) => (
                <th scope="col" key={c}>
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {plan.charging.map((c, i) => (
              <tr key={i}>
                <th scope="row">{c.mess}</th>
                <td>{c.at}</td>
                <td>{formatHour(c.startH)}</td>
                <td>{formatHour(c.endH)}</td>
                <td>{formatNumber(c.energyKWh, 1)}</td>
                <td>{formatNumber(c.priceUsdPerMWh)}</td>
                <td>{formatUsd(c.costUsd)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Loaded value={road} what="the road network">
        {() => null}
      </Loaded>
    </div>
  );
}

export function BusChargingPanel({ plan: raw }: { plan: unknown }) {
  const plan = readBusChargingPlan(raw);
  const steps = powerSteps(plan.sessions);
  const peak = peakWindow(plan.sessions);
  const times = plan.sessions.flatMap((s) => [s.startH, s.endH]).concat(plan.soc.flatMap((b) => b.points.map((p) => p.tH)));
  const domain: [number, number] = times.length ? [Math.floor(Math.min(...times)), Math.ceil(Math.max(...times))] : [0, 24];
  const profile = steps.flatMap((s) => [{ tH: s.startH, value: s.kW }]).concat(steps.length ? [{ tH: steps[steps.length - 1]!.endH, value: 0 }] : []);
  return (
    <div class="plan">
      <Gantt
        title="Charger schedule: chargers × time, one bar per charging session"
        rowLabel="charger"
        rows={plan.chargers}
        domain={domain}
        bars={plan.sessions.map((s) => ({ row: s.charger, startH: s.startH, endH: s.endH, label: s.bus, colorKey: s.bus, detail: `${formatNumber(s.powerKW, 0)} kW` }))}
      />
      <LineChart
        title={`Grid power of the depot${peak ? `; 15-minute peak ${formatNumber(peak.averageKW, 0)} kW at ${formatHour(peak.startH)}–${formatHour(peak.endH)}` : ''}`}
        series={[{ name: 'charging power', points: profile, step: true }]}
        markers={peak ? [{ from: peak.startH, to: peak.endH, label: `15-min peak ${formatNumber(peak.averageKW, 0)} kW` }] : []}
        x={{ label: 'time of day', format: formatHour, domain }}
        y={{ label: 'kW', domain: [0, Math.max(1, ...profile.map((p) => p.value)) * 1.1] }}
        height={220}
      />
      {plan.soc.length > 0 && (
        <LineChart title="SOC of each bus over the day (kWh)" series={plan.soc.map((b) => ({ name: b.bus, points: b.points }))} x={{ label: 'time of day', format: formatHour, domain }} y={{ label: 'kWh' }} />
      )}
      <DataTable
        caption="charging sessions"
        columns={['charger', 'bus', 'start', 'end', 'power (kW)']}
        rows={plan.sessions.map((s) => [s.charger, s.bus, formatHour(s.startH), formatHour(s.endH), formatNumber(s.powerKW, 0)])}
      />
    </div>
  );
}

export function EvrpPanel({ plan: raw }: { plan: unknown }) {
  const v = readEvrpPlan(raw);
  const pts = [...v.nodes.values()];
  const xs = pts.map((p) => p.x);
  const ys = pts.map((p) => p.y);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const span = Math.max(maxX - minX, maxY - minY) || 1;
  const at = (id: string) => {
    const n = v.nodes.get(id);
    return n ? { x: 30 + ((n.x - minX) / span) * (VIEW_H - 60), y: VIEW_H - 30 - ((n.y - minY) / span) * (VIEW_H - 60) } : undefined;
  };
  return (
    <div class="plan">
      {pts.length > 0 && (
        <figure class="chart network">
          <svg viewBox={`0 0 ${VIEW_W} ${VIEW_H}`} role="img" aria-label={`E-VRPTW routes: ${v.routes.length} vehicles; recharging stations as squares, the depot as a diamond`}>
            {v.routes.map((r, i) => (
              <polyline
                key={i}
                fill="none"
                stroke={categorical(i)}
                stroke-width={2.5}
                points={r.visits
                  .map((x) => at(x.id))
                  .filter((p) => p !== undefined)
                  .map((p) => `${p.x},${p.y}`)
                  .join(' ')}
              />
            ))}
            {pts.map((n) => {
              const p = at(n.id)!;
              return (
                <g key={n.id}>
                  <title>{`${n.kind} ${n.id}`}</title>
                  {n.kind === 'station' ? (
                    <rect x={p.x - 6} y={p.y - 6} width={12} height={12} fill="#E69F00" stroke="#000" />
                  ) : n.kind === 'depot' ? (
                    <path d={`M${p.x},${p.y - 9}L${p.x + 9},${p.y}L${p.x},${p.y + 9}L${p.x - 9},${p.y}Z`} fill="#000" />
                  ) : (
                    <circle cx={p.x} cy={p.y} r={3.5} fill="#555" />
                  )}
                  <text x={p.x + 8} y={p.y - 6} class="node-label">
                    {n.id}
                  </text>
                </g>
              );
            })}
          </svg>
          <ul class="legend" aria-label="E-VRPTW legend">
            <li>
              <span class="chip chip-square" style={{ background: '#E69F00' }} aria-hidden="true" />
              recharging station
            </li>
            {v.routes.map((_r, i) => (
              <li key={i}>
                <span class="chip chip-line" style={{ background: categorical(i) }} aria-hidden="true" />
                route {i + 1}
              </li>
            ))}
          </ul>
        </figure>
      )}
      <LineChart
        title="State of charge along each route (arrival and departure at every stop)"
        series={v.routes.map((r, i) => ({ name: `route ${i + 1}`, points: socAlongRoute(r.visits) }))}
        x={{ label: 'time', format: (x) => formatNumber(x, 0) }}
        y={{ label: 'SOC (energy units)', domain: [0, v.batteryCapacity ?? Math.max(1, ...v.routes.flatMap((r) => r.visits.map((x) => x.socOnDeparture)))] }}
      />
      <table class="events">
        <caption>Station visits</caption>
        <thead>
          <tr>
            {['route', 'station', 'arrival', 'SOC on arrival', 'charged', 'SOC on departure'].map((c) => (
              <th scope="col" key={c}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {v.routes.flatMap((r, i) =>
            r.visits
              .filter((x) => x.kind === 'station')
              .map((x, k) => (
                <tr key={`${i}-${k}`}>
                  <th scope="row">{i + 1}</th>
                  <td>{x.id}</td>
                  <td>{formatNumber(x.arrival, 1)}</td>
                  <td>{formatNumber(x.socOnArrival, 2)}</td>
                  <td>{formatNumber(x.charge, 2)}</td>
                  <td>{formatNumber(x.socOnDeparture, 2)}</td>
                </tr>
              )),
          )}
        </tbody>
      </table>
    </div>
  );
}

/** An 'lmp' job: the heat map of its prices, then dispatch and binding branches per period. */
export function LmpPlanPanel({ plan }: { plan: unknown }) {
  const points = readLmpPlan(plan);
  const periods = list(plan, 'periods');
  const binding = periods.map((p) => list(p, 'bindingBranches').length);
  const first = periods[0];
  return (
    <div class="plan">
      <LmpPanel points={points} stepH={1} name="this dispatch" />
      <p>
        Binding branches per period: {binding.every((b) => b === 0) ? 'none (no congestion)' : binding.join(', ')}.
      </p>
      <DataTable
        caption="generator dispatch in the first period"
        columns={['generator', 'bus', 'MW', 'at limit']}
        rows={list(first, 'generators').map((g) => [String(field(g, 'generator')), String(field(g, 'bus')), formatNumber(field(g, 'pgMW') as number), field(g, 'atPmax') ? 'Pmax' : field(g, 'atPmin') ? 'Pmin' : ''])}
      />
    </div>
  );
}

export function LpPanel({ plan }: { plan: unknown }) {
  const values = field(plan, 'values');
  const duals = field(plan, 'duals');
  const rows = isObject(values) ? Object.entries(values) : [];
  return (
    <div class="plan">
      <table class="events">
        <caption>Variable values</caption>
        <thead>
          <tr>
            <th scope="col">variable</th>
            <th scope="col">value</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([k, x]) => (
            <tr key={k}>
              <th scope="row">{k}</th>
              <td>{formatNumber(typeof x === 'number' ? x : NaN, 6)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {isObject(duals) && <DataTable caption="row duals" columns={['row', 'dual']} rows={Object.entries(duals).map(([k, x]) => [k, formatNumber(typeof x === 'number' ? x : NaN, 6)])} />}
    </div>
  );
}

export function PlanView({ problemType, plan }: { problemType: string; plan: unknown }) {
  switch (planKind(problemType, plan)) {
    case 'mess':
      return <MessPlanPanel plan={plan} />;
    case 'bus-charging':
      return <BusChargingPanel plan={plan} />;
    case 'evrp':
      return <EvrpPanel plan={plan} />;
    case 'lp':
      return <LpPanel plan={plan} />;
    case 'lmp':
      return <LmpPlanPanel plan={plan} />;
    default:
      return (
        <details open>
          <summary>Plan ({arr(plan).length || Object.keys(isObject(plan) ? plan : {}).length} entries)</summary>
          <pre class="json">{JSON.stringify(plan, null, 2).slice(0, 20_000)}</pre>
        </details>
      );
  }
}
