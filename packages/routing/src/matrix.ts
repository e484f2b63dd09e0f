import { GridHaulError, InputError, requireNonNegative } from '@gridhaul/common';
import type { CompiledNetwork } from './compile';
import { EdgeTraverser } from './edge-traversal';
import { nodeIndexOf } from './route';
import { checkPathTree } from './route-check';
import { searchFrom, validateSpec, type CostRates, type Objective, type SearchSpec } from './search';
import type { VehicleEnergyModel } from './vehicle';

export interface MatrixQuery {
  readonly origins: readonly string[];
  readonly destinations: readonly string[];
  /** Hours from midnight (≥ 0). */
  readonly departureH: number;
  /** What each cell's path minimises; default 'time'. */
  readonly objective?: Objective;
  readonly vehicle?: VehicleEnergyModel;
  readonly rates?: CostRates;
  /**
   * Re-check every cell with the independent checker (default true): each origin's tree of paths
   * is re-driven on the graphology graph. Turning it off is for inner loops that re-use a matrix
   * many times; the values are the same.
   */
  readonly verify?: boolean;
}

/** Many-to-many travel matrix; arrays are row-major (origin i, destination j at i·nDest + j), Infinity when unreachable. */
export interface TravelMatrix {
  readonly origins: readonly string[];
  readonly destinations: readonly string[];
  readonly departureH: number;
  readonly objective: Objective;
  readonly timeH: Float64Array;
  readonly distanceKm: Float64Array;
  /** null without a vehicle. */
  readonly energyKWh: Float64Array | null;
  /** null without a vehicle and rates. */
  readonly costUsd: Float64Array | null;
}

/** One time-dependent one-to-many search per origin, stopped once every destination is settled. */
export function travelMatrix(net: CompiledNetwork, query: MatrixQuery): TravelMatrix {
  requireNonNegative('departureH', query.departureH);
  const objective = query.objective ?? 'time';
  const spec: SearchSpec = {
    objective,
    ...(query.vehicle === undefined ? {} : { vehicle: query.vehicle }),
    ...(query.rates === undefined ? {} : { rates: query.rates }),
  };
  validateSpec(spec);
  const origins = query.origins.map((id, i) => nodeIndexOf(net, `origins[${i}]`, id));
  const dests = query.destinations.map((id, j) => nodeIndexOf(net, `destinations[${j}]`, id));
  const nd = dests.length;
  const size = origins.length * nd;
  const timeH = new Float64Array(size).fill(Infinity);
  const distanceKm = new Float64Array(size).fill(Infinity);
  const withEnergy = query.vehicle !== undefined;
  const withCost = withEnergy && query.rates !== undefined;
  const energyKWh = withEnergy ? new Float64Array(size).fill(Infinity) : null;
  const costUsd = withCost ? new Float64Array(size).fill(Infinity) : null;
  const options = { ...(query.vehicle === undefined ? {} : { vehicle: query.vehicle }), ...(query.rates === undefined ? {} : { rates: query.rates }) };
  const traverser = new EdgeTraverser(net, query.vehicle ?? null);
  const memo = new PathMemo(net.nodeCount);
  const rates = query.rates as CostRates;

  const verify = query.verify ?? true;
  origins.forEach((source, i) => {
    const tree = searchFrom(net, spec, source, query.departureH, dests.length > 0 ? dests : null);
    memo.reset(source, query.departureH);
    const stack: number[] = [];
    const treeEdges: string[] = [];
    const cells: { node: string; timeH: number; distanceKm: number; energyKWh: number | null; costUsd: number | null }[] = [];
    dests.forEach((target, j) => {
      if (!tree.reached(target)) return;
      for (let x = target; !memo.has(x); x = net.edgeSource[tree.parentEdge(x)] as number) stack.push(tree.parentEdge(x));
      while (stack.length > 0) {
        const e = stack.pop() as number;
        const u = net.edgeSource[e] as number;
        const entry = memo.time[u] as number;
        const exit = withEnergy ? traverser.traverse(e, entry) : traverser.exitTimeH(e, entry);
        memo.set(net.edgeTarget[e] as number, u, exit, net.edgeLengthKm[e] as number, withEnergy ? traverser.energyKWh : 0, net.edgeTollUsd[e] as number);
        if (verify) treeEdges.push(net.edgeKeys[e] as string);
      }
      const cell = i * nd + j;
      const travel = (memo.time[target] as number) - query.departureH;
      timeH[cell] = travel;
      distanceKm[cell] = memo.km[target] as number;
      if (energyKWh !== null) energyKWh[cell] = memo.kWh[target] as number;
      if (costUsd !== null) {
        costUsd[cell] = rates.wageUsdPerH * travel + rates.energyPriceUsdPerKWh * (memo.kWh[target] as number) + rates.perKmUsd * (memo.km[target] as number) + (memo.tolls[target] as number);
      }
      const value = objective === 'time' ? travel : objective === 'energy' ? (energyKWh as Float64Array)[cell] : (costUsd as Float64Array)[cell];
      if (Math.abs((value as number) - tree.objective(target)) > 1e-9 * (1 + Math.abs(value as number))) {
        throw new GridHaulError('MATRIX_CHECK_FAILED', `cell ${query.origins[i]} -> ${query.destinations[j]}: path value ${value} differs from search label ${tree.objective(target)}`);
      }
      if (verify) {
        cells.push({ node: query.destinations[j] as string, timeH: travel, distanceKm: distanceKm[cell] as number, energyKWh: energyKWh?.[cell] ?? null, costUsd: costUsd?.[cell] ?? null });
      }
    });
    if (verify) checkPathTree({ graph: net.graph, traffic: net.traffic, ...options }, { origin: query.origins[i] as string, departureH: query.departureH, edges: treeEdges, cells });
  });
  return { origins: [...query.origins], destinations: [...query.destinations], departureH: query.departureH, objective, timeH, distanceKm, energyKWh, costUsd };
}

/** Totals along the search tree from one origin, computed once per tree node. */
class PathMemo {
  readonly time: Float64Array;
  readonly km: Float64Array;
  readonly kWh: Float64Array;
  readonly tolls: Float64Array;
  private readonly stamp: Int32Array;
  private generation = 0;

  constructor(n: number) {
    this.time = new Float64Array(n);
    this.km = new Float64Array(n);
    this.kWh = new Float64Array(n);
    this.tolls = new Float64Array(n);
    this.stamp = new Int32Array(n);
  }

  reset(source: number, departureH: number): void {
    this.generation++;
    this.stamp[source] = this.generation;
    this.time[source] = departureH;
    this.km[source] = 0;
    this.kWh[source] = 0;
    this.tolls[source] = 0;
  }

  has(node: number): boolean {
    return this.stamp[node] === this.generation;
  }

  set(node: number, from: number, exitH: number, km: number, kWh: number, toll: number): void {
    this.stamp[node] = this.generation;
    this.time[node] = exitH;
    this.km[node] = (this.km[from] as number) + km;
    this.kWh[node] = (this.kWh[from] as number) + kWh;
    this.tolls[node] = (this.tolls[from] as number) + toll;
  }
}

/**
 * Matrices per departure-time bucket, computed once and cached. Bucket i covers
 * [bucketStartsH[i], bucketStartsH[i+1]) (the last one has no end); its matrix is computed for a
 * departure at the bucket's start, and cell times are durations (h).
 */
export class TravelMatrixCache {
  private readonly cache = new Map<string, TravelMatrix>();
  readonly stats = { hits: 0, misses: 0 };
  readonly bucketStartsH: readonly number[];

  constructor(
    readonly net: CompiledNetwork,
    bucketStartsH: readonly number[],
  ) {
    if (bucketStartsH.length === 0) throw new InputError('bucketStartsH', bucketStartsH, 'at least one bucket start');
    bucketStartsH.forEach((t, i) => {
      requireNonNegative(`bucketStartsH[${i}]`, t);
      if (i > 0 && t <= (bucketStartsH[i - 1] as number)) throw new InputError(`bucketStartsH[${i}]`, t, 'a start after the previous one');
    });
    this.bucketStartsH = [...bucketStartsH];
  }

  /** Index of the bucket holding a departure time. */
  bucketOf(departureH: number): number {
    requireNonNegative('departureH', departureH);
    if (departureH < (this.bucketStartsH[0] as number)) throw new InputError('departureH', departureH, `a time at or after the first bucket start ${this.bucketStartsH[0]} h`);
    let i = this.bucketStartsH.length - 1;
    while ((this.bucketStartsH[i] as number) > departureH) i--;
    return i;
  }

  /** The cached matrix of the bucket holding `query.departureH`. */
  get(query: MatrixQuery): TravelMatrix {
    const bucket = this.bucketOf(query.departureH);
    const key = JSON.stringify([bucket, query.objective ?? 'time', query.origins, query.destinations, query.vehicle ?? null, query.rates ?? null]);
    const hit = this.cache.get(key);
    if (hit !== undefined) {
      this.stats.hits++;
      return hit;
    }
    this.stats.misses++;
    const matrix = travelMatrix(this.net, { ...query, departureH: this.bucketStartsH[bucket] as number });
    this.cache.set(key, matrix);
    return matrix;
  }

  /** One matrix per bucket. */
  all(query: Omit<MatrixQuery, 'departureH'>): TravelMatrix[] {
    return this.bucketStartsH.map((t) => this.get({ ...query, departureH: t }));
  }

  clear(): void {
    this.cache.clear();
  }
}
