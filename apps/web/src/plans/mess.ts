import { arr, field, list, num, readSeries, str, type Json } from './read';

export interface TruckLeg {
  from: string;
  to: string;
  departH: number;
  arriveH: number;
  /** MESS units on board during the leg. */
  carrying: string[];
  distanceKm?: number | undefined;
}

export interface ChargingEvent {
  mess: string;
  /** Where it charged: a node name or grid bus. */
  at: string;
  startH: number;
  endH: number;
  energyKWh: number;
  /** The locational marginal price paid, $/MWh. */
  priceUsdPerMWh?: number | undefined;
  costUsd?: number | undefined;
}

export interface SocTrace {
  id: string;
  /** SOC as a fraction of capacity (0..1). */
  points: Array<{ tH: number; value: number }>;
}

export interface MessPlanView {
  horizon: [number, number];
  trucks: Array<{ id: string; legs: TruckLeg[] }>;
  mess: SocTrace[];
  excavators: SocTrace[];
  charging: ChargingEvent[];
  /** Road network the routes run on, when the plan names one. */
  roadNetworkId?: string | undefined;
}

/** SOC traces may come as percent (0..100); the view always uses fractions. */
function asFraction(points: Array<{ tH: number; value: number }>): Array<{ tH: number; value: number }> {
  const percent = points.some((p) => p.value > 1.0001);
  return percent ? points.map((p) => ({ tH: p.tH, value: p.value / 100 })) : points;
}

function readTraces(v: Json): SocTrace[] {
  return arr(v)
    .map((t, i) => ({ id: str(t, 'id', 'name', 'mess', 'excavator') ?? `#${i + 1}`, points: asFraction(readSeries(field(t, 'soc') ?? field(t, 'points'), 'soc', 'value')) }))
    .filter((t) => t.points.length > 0);
}

/**
 * Reads a MESS plan (delivery, charging cycle or co-optimization): `trucks[].legs[]` (from, to,
 * departH, arriveH, carrying), `mess[]` and `excavators[]` SOC traces, `charging[]` events.
 */
export function readMessPlan(plan: Json): MessPlanView {
  const trucks = list(plan, 'trucks', 'routes', 'vehicles').map((t, i) => ({
    id: str(t, 'id', 'name', 'truck', 'vehicle') ?? `truck ${i + 1}`,
    legs: list(t, 'legs', 'trips')
      .map((l) => ({
        from: str(l, 'from', 'fromNode') ?? '?',
        to: str(l, 'to', 'toNode') ?? '?',
        departH: num(l, 'departH', 'startH', 'departureH') ?? NaN,
        arriveH: num(l, 'arriveH', 'endH', 'arrivalH') ?? NaN,
        carrying: arr(field(l, 'carrying') ?? field(l, 'mess')).map(String),
        distanceKm: num(l, 'distanceKm'),
      }))
      .filter((l) => Number.isFinite(l.departH) && Number.isFinite(l.arriveH) && l.arriveH >= l.departH)
      .sort((a, b) => a.departH - b.departH),
  }));
  const mess = readTraces(field(plan, 'mess') ?? field(plan, 'messSoc'));
  const excavators = readTraces(field(plan, 'excavators') ?? field(plan, 'excavatorSoc'));
  const charging = list(plan, 'charging', 'chargingEvents').flatMap((c) => {
    const startH = num(c, 'startH');
    const endH = num(c, 'endH');
    const energyKWh = num(c, 'energyKWh');
    if (startH === undefined || endH === undefined || energyKWh === undefined) return [];
    const priceUsdPerMWh = num(c, 'priceUsdPerMWh', 'lmpUsdPerMWh', 'lmpPerMWh');
    const costUsd = num(c, 'costUsd') ?? (priceUsdPerMWh !== undefined ? (energyKWh / 1000) * priceUsdPerMWh : undefined);
    return [{ mess: str(c, 'mess', 'messId', 'unit') ?? '?', at: str(c, 'at', 'node', 'site', 'bus') ?? '?', startH, endH, energyKWh, priceUsdPerMWh, costUsd }];
  });
  const times = [
    ...trucks.flatMap((t) => t.legs.flatMap((l) => [l.departH, l.arriveH])),
    ...[...mess, ...excavators].flatMap((t) => t.points.map((p) => p.tH)),
    ...charging.flatMap((c) => [c.startH, c.endH]),
  ];
  const declared = arr(field(plan, 'horizonH'));
  const horizon: [number, number] =
    declared.length === 2 && typeof declared[0] === 'number' && typeof declared[1] === 'number'
      ? [declared[0], declared[1]]
      : times.length > 0
        ? [Math.min(...times), Math.max(...times)]
        : [0, 24];
  return { horizon, trucks, mess, excavators, charging, roadNetworkId: str(plan, 'roadNetworkId') };
}

export type TruckState = { kind: 'at'; node: string } | { kind: 'moving'; from: string; to: string; fraction: number; carrying: string[] };

/** Where a truck is at time t: at the end node of its last leg, or a fraction along the current one. */
export function truckStateAt(legs: readonly TruckLeg[], tH: number, home = '0'): TruckState {
  let node = legs[0]?.from ?? home;
  for (const l of legs) {
    if (tH < l.departH) break;
    if (tH < l.arriveH) return { kind: 'moving', from: l.from, to: l.to, fraction: (tH - l.departH) / (l.arriveH - l.departH), carrying: l.carrying };
    node = l.to;
  }
  return { kind: 'at', node };
}

/** Linear interpolation of a trace at t (held flat outside its points). */
export function valueAt(points: ReadonlyArray<{ tH: number; value: number }>, tH: number): number | undefined {
  if (points.length === 0) return undefined;
  if (tH <= points[0]!.tH) return points[0]!.value;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    if (tH <= b.tH) return b.tH === a.tH ? b.value : a.value + ((tH - a.tH) / (b.tH - a.tH)) * (b.value - a.value);
  }
  return points[points.length - 1]!.value;
}
