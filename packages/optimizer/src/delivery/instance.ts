import { InputError, requireFinite, requireInteger, requireNonNegative, requirePositive } from '@gridhaul/common';

/** A node of the construction-site delivery case. Node 0 is the depot; the others are sites. */
export interface DeliveryNode {
  readonly id: number;
  readonly name: string;
  /** Energy the site needs in its storage (kWh) ("Requirement of KWH"). */
  readonly requirementKWh: number;
  /** Energy the site's storage holds now (kWh) ("Present KWH"). */
  readonly presentKWh: number;
  /** State of charge of the site's storage at the shift start (%), the data's "Present SOC". */
  readonly socPct: number;
  /** Time window for the start of service (h from midnight). */
  readonly windowStartH: number;
  readonly windowEndH: number;
}

export interface DeliveryVehicle {
  readonly id: number;
  readonly type: string;
  readonly capacityKWh: number;
  readonly speedKmh: number;
  /** Fuel or energy cost of driving (NOK/km). */
  readonly fuelCostPerKm: number;
  /** Driver wage (NOK/h). */
  readonly hourlyWage: number;
}

/** Global constants of the case (vehicles.json `global_parameters`). */
export interface DeliveryParameters {
  /** Road toll paid on every leg driven (NOK per leg). */
  readonly tollPerLeg: number;
  readonly maintenancePerKm: number;
  /** Service (battery exchange) time at a site (h). */
  readonly serviceTimeH: number;
  /**
   * Loading time at the depot before the first departure (h). The published heuristic's clock
   * adds one service time before the first leg (arrival = 8.0 + 0.5 + d/v); reading that 0.5 h as
   * loading at the depot is what makes its times a consistent schedule, so the default equals the
   * service time.
   */
  readonly depotLoadingTimeH: number;
  /** Radius of the published heuristic's depot-distance clusters (km). */
  readonly clusterRadiusKm: number;
  /** Start of the shift; SOC decay is counted from here (h). */
  readonly shiftStartH: number;
  /** Site SOC falls by this many %-points per hour from the shift start. */
  readonly socDecayPctPerH: number;
  /** A site may (and, if its SOC gets there within its window, must) be served once its SOC is at or below this (%). */
  readonly pickupSocThresholdPct: number;
  /** Deliveries come in multiples of this (kWh). */
  readonly deliveryRoundingKWh: number;
}

export interface DeliveryInstance {
  readonly name: string;
  /** nodes[0] is the depot. */
  readonly nodes: readonly DeliveryNode[];
  /** distanceKm[i][j] (km), row = from; not necessarily symmetric or metric. */
  readonly distanceKm: readonly (readonly number[])[];
  readonly vehicles: readonly DeliveryVehicle[];
  readonly params: DeliveryParameters;
}

export interface DeliveryInstanceInput {
  name: string;
  nodes: DeliveryNode[];
  distanceKm: number[][];
  vehicles: DeliveryVehicle[];
  params: DeliveryParameters;
}

/** Validates and freezes an instance; every problem is an InputError naming the field. */
export function createDeliveryInstance(input: DeliveryInstanceInput): DeliveryInstance {
  const n = input.nodes.length;
  if (n < 2) throw new InputError('nodes', n, 'a depot and at least one site');
  input.nodes.forEach((node, i) => {
    const f = `nodes[${i}]`;
    if (node.id !== i) throw new InputError(`${f}.id`, node.id, `${i} (nodes in order, depot first)`);
    requireNonNegative(`${f}.requirementKWh`, node.requirementKWh);
    requireNonNegative(`${f}.presentKWh`, node.presentKWh);
    if (i > 0) {
      requireNonNegative(`${f}.socPct`, node.socPct);
      requireFinite(`${f}.windowStartH`, node.windowStartH);
      requireFinite(`${f}.windowEndH`, node.windowEndH);
      if (node.windowEndH < node.windowStartH) throw new InputError(`${f}.windowEndH`, node.windowEndH, `>= windowStartH (${node.windowStartH})`);
    }
  });
  if (input.distanceKm.length !== n) throw new InputError('distanceKm', input.distanceKm.length, `${n} rows`);
  input.distanceKm.forEach((row, i) => {
    if (row.length !== n) throw new InputError(`distanceKm[${i}]`, row.length, `${n} columns`);
    row.forEach((d, j) => {
      requireNonNegative(`distanceKm[${i}][${j}]`, d);
      if (i === j && d !== 0) throw new InputError(`distanceKm[${i}][${j}]`, d, '0 on the diagonal');
    });
  });
  if (input.vehicles.length === 0) throw new InputError('vehicles', 0, 'at least one vehicle');
  const ids = new Set<number>();
  input.vehicles.forEach((v, k) => {
    const f = `vehicles[${k}]`;
    requireInteger(`${f}.id`, v.id, 0);
    if (ids.has(v.id)) throw new InputError(`${f}.id`, v.id, 'a unique vehicle id');
    ids.add(v.id);
    requirePositive(`${f}.capacityKWh`, v.capacityKWh);
    requirePositive(`${f}.speedKmh`, v.speedKmh);
    requireNonNegative(`${f}.fuelCostPerKm`, v.fuelCostPerKm);
    requireNonNegative(`${f}.hourlyWage`, v.hourlyWage);
  });
  const p = input.params;
  requireNonNegative('params.tollPerLeg', p.tollPerLeg);
  requireNonNegative('params.maintenancePerKm', p.maintenancePerKm);
  requireNonNegative('params.serviceTimeH', p.serviceTimeH);
  requireNonNegative('params.depotLoadingTimeH', p.depotLoadingTimeH);
  requirePositive('params.clusterRadiusKm', p.clusterRadiusKm);
  requireFinite('params.shiftStartH', p.shiftStartH);
  requireNonNegative('params.socDecayPctPerH', p.socDecayPctPerH);
  requireNonNegative('params.pickupSocThresholdPct', p.pickupSocThresholdPct);
  requirePositive('params.deliveryRoundingKWh', p.deliveryRoundingKWh);
  return deepFreeze({
    name: input.name,
    nodes: input.nodes.map((x) => ({ ...x })),
    distanceKm: input.distanceKm.map((r) => [...r]),
    vehicles: input.vehicles.map((v) => ({ ...v })),
    params: { ...p },
  });
}

/** The same case with other constants or another fleet (validated again). */
export function withDeliveryChanges(base: DeliveryInstance, changes: { name?: string; params?: Partial<DeliveryParameters>; vehicles?: DeliveryVehicle[] }): DeliveryInstance {
  return createDeliveryInstance({
    name: changes.name ?? base.name,
    nodes: base.nodes.map((x) => ({ ...x })),
    distanceKm: base.distanceKm.map((r) => [...r]),
    vehicles: (changes.vehicles ?? base.vehicles).map((v) => ({ ...v })),
    params: { ...base.params, ...changes.params },
  });
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
