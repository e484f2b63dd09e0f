import { trpc } from '../api/client';
import type { GridNetwork, RoadNetwork } from '../api/types';
import { LineChart } from '../charts/line-chart';
import { formatHour, formatNumber } from '../charts/scale';
import { gridDrawing, roadDrawing, trafficSeries } from '../graph/drawing';
import { NetworkView } from '../graph/network-view';
import { Card, DataTable, Loaded, SelectField } from '../ui/components';
import { navigate, useAsync } from '../ui/hooks';

function RoadView({ road }: { road: RoadNetwork }) {
  const drawing = roadDrawing(road);
  return (
    <>
      <NetworkView drawing={drawing} title={`Road network ${road.network.name}: ${road.network.nodes.length} nodes, ${road.network.edges.length} roads, coloured by traffic zone; nodes by elevation`} />
      {road.traffic.length > 0 ? (
        <LineChart
          title="Traffic: speed as a fraction of free-flow speed, by zone"
          series={road.traffic.map((t) => ({ name: `zone ${t.zone}`, points: trafficSeries(t), step: true }))}
          x={{ label: 'time of day', format: formatHour, domain: [0, 24] }}
          y={{ label: 'speed factor', domain: [0, 1.1] }}
          height={200}
        />
      ) : (
        <p class="muted">No time-of-day traffic profiles stored for this network.</p>
      )}
      <DataTable
        caption="roads"
        columns={['road', 'length (km)', 'free-flow speed (km/h)', 'zone', 'grade (%)']}
        rows={road.network.edges.map((e) => [`${e.from} → ${e.to}`, formatNumber(e.lengthKm), formatNumber(e.freeFlowSpeedKmh, 0), e.zone ?? e.roadClass ?? '–', formatNumber(e.gradePercent, 1)])}
      />
    </>
  );
}

function GridView({ grid }: { grid: GridNetwork }) {
  const n = grid.network;
  const load = n.buses.reduce((s, b) => s + b.pdMW, 0);
  const cap = n.generators.filter((g) => g.inService).reduce((s, g) => s + g.pmaxMW, 0);
  return (
    <>
      <p class="muted">
        {n.buses.length} buses, {n.branches.length} branches, {n.generators.length} generators; load {formatNumber(load, 1)} MW, generation capacity {formatNumber(cap, 1)} MW, base {n.baseMVA} MVA.
      </p>
      <NetworkView drawing={gridDrawing(grid)} title={`Grid ${n.name}: buses and branches; generator buses as squares, sized by load`} labels={n.buses.length <= 60} />
      <DataTable caption="buses" columns={['bus', 'type', 'load (MW)']} rows={n.buses.map((b) => [b.id, b.type, formatNumber(b.pdMW)])} />
    </>
  );
}

export function NetworksPage({ selected }: { selected: string | undefined }) {
  const list = useAsync(() => trpc().networks.list.query(), []);
  const current = list.data?.find((n) => n.id === selected) ?? list.data?.[0];
  const detail = useAsync(
    async () => (current ? (current.kind === 'road' ? { road: await trpc().networks.getRoad.query({ id: current.id }) } : { grid: await trpc().networks.getGrid.query({ id: current.id }) }) : null),
    [current?.id],
  );
  return (
    <>
      <h1>Networks</h1>
      <Loaded value={list} what="networks">
        {(nets) =>
          nets.length === 0 ? (
            <p class="muted">No networks stored. Import one through the API (networks.importMatpower, importGeoJson, importCsvMatrix).</p>
          ) : (
            <>
              <SelectField
                label="Network"
                value={current?.id ?? ''}
                options={nets.map((n) => ({ value: n.id, label: `${n.name} (${n.kind === 'road' ? 'road' : 'grid'})` }))}
                onChange={(v) => navigate(`networks/${v}`)}
              />
              <Card title={current ? current.name : 'Network'}>
                <Loaded value={detail} what="the network">
                  {(d) => (d === null ? null : 'road' in d ? <RoadView road={d.road} /> : <GridView grid={d.grid} />)}
                </Loaded>
              </Card>
            </>
          )
        }
      </Loaded>
    </>
  );
}
