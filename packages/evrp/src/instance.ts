import { InputError } from '@gridhaul/common';

export type NodeKind = 'depot' | 'station' | 'customer';

/**
 * One line of a Schneider et al. (2014) instance. Times are in the instance's time units, demand in
 * its load units (the files are unitless; with v = 1 a time unit equals a distance unit).
 */
export interface EvrpNode {
  readonly id: string;
  readonly kind: NodeKind;
  readonly x: number;
  readonly y: number;
  readonly demand: number;
  /** Earliest start of service (time units). */
  readonly readyTime: number;
  /** Latest start of service (time units); the depot's is the end of the planning horizon. */
  readonly dueDate: number;
  /** Service duration (time units); 0 at the depot and stations. */
  readonly serviceTime: number;
}

/**
 * An E-VRPTW instance, immutable and validated when built. Node 0 is the depot; stations follow,
 * then customers, each group in file order.
 */
export interface EvrpInstance {
  readonly name: string;
  readonly nodes: readonly EvrpNode[];
  readonly depot: 0;
  readonly stations: readonly number[];
  readonly customers: readonly number[];
  /** Q: battery capacity, energy units. */
  readonly batteryCapacity: number;
  /** C: load capacity, load units. */
  readonly loadCapacity: number;
  /** r: energy used per distance unit. */
  readonly consumptionRate: number;
  /** g: time units needed to recharge one energy unit. */
  readonly inverseRechargeRate: number;
  /** v: speed, distance units per time unit. */
  readonly velocity: number;
  /** Unrounded Euclidean distance between nodes i and j (distance units). */
  distance(i: number, j: number): number;
  /** Travel time from i to j: distance / v (time units). */
  travelTime(i: number, j: number): number;
  /** Energy used from i to j: r · distance (energy units). */
  energy(i: number, j: number): number;
  /** Index of the node with this StringID, or an InputError naming the id. */
  indexOf(id: string): number;
}

const PARAMETER_KEYS = { Q: 'batteryCapacity', C: 'loadCapacity', r: 'consumptionRate', g: 'inverseRechargeRate', v: 'velocity' } as const;
const KIND_BY_TYPE: Record<string, NodeKind> = { d: 'depot', f: 'station', c: 'customer' };

/** Parses the text of a Schneider et al. (2014) instance file (format in test/data/evrptw/SOURCE.md). */
export function parseInstance(text: string, name: string): EvrpInstance {
  const lines = text.split('\n');
  const nodes: EvrpNode[] = [];
  const params: Partial<Record<keyof typeof PARAMETER_KEYS, number>> = {};
  let sawHeader = false;
  for (let lineNo = 1; lineNo <= lines.length; lineNo++) {
    const line = (lines[lineNo - 1] as string).trim();
    if (line === '') continue;
    const where = `${name}:${lineNo}`;
    if (!sawHeader) {
      if (!line.startsWith('StringID')) throw new InputError(where, line, 'the header line "StringID Type x y demand ReadyTime DueDate ServiceTime"');
      sawHeader = true;
      continue;
    }
    const param = /^(\S+)\s.*\/([^/]*)\/\s*$/.exec(line);
    if (param) {
      const key = param[1] as string;
      if (!(key in PARAMETER_KEYS)) throw new InputError(where, key, 'one of the parameter keys Q, C, r, g, v');
      const value = Number(param[2]);
      if (!Number.isFinite(value) || value <= 0) throw new InputError(`${where} (${key})`, param[2], 'a positive number between slashes');
      params[key as keyof typeof PARAMETER_KEYS] = value;
      continue;
    }
    nodes.push(parseNodeLine(line, where));
  }
  if (!sawHeader) throw new InputError(`${name}:1`, text.slice(0, 40), 'an instance file starting with the StringID header');
  for (const key of Object.keys(PARAMETER_KEYS) as Array<keyof typeof PARAMETER_KEYS>) {
    if (params[key] === undefined) throw new InputError(`${name} (${key})`, undefined, `a line "${key} ... /value/"`);
  }
  return buildInstance(name, nodes, {
    batteryCapacity: params.Q as number,
    loadCapacity: params.C as number,
    consumptionRate: params.r as number,
    inverseRechargeRate: params.g as number,
    velocity: params.v as number,
  });
}

function parseNodeLine(line: string, where: string): EvrpNode {
  const cols = line.split(/\s+/);
  if (cols.length !== 8) throw new InputError(where, line, '8 columns: StringID Type x y demand ReadyTime DueDate ServiceTime');
  const [id, type, ...rest] = cols as [string, string, ...string[]];
  const kind = KIND_BY_TYPE[type];
  if (kind === undefined) throw new InputError(`${where} (Type)`, type, 'd, f or c');
  const fields = ['x', 'y', 'demand', 'ReadyTime', 'DueDate', 'ServiceTime'];
  const values = rest.map((raw, k) => {
    const v = Number(raw);
    if (!Number.isFinite(v)) throw new InputError(`${where} (${fields[k]})`, raw, 'a finite number');
    return v;
  });
  const [x, y, demand, readyTime, dueDate, serviceTime] = values as [number, number, number, number, number, number];
  return { id, kind, x, y, demand, readyTime, dueDate, serviceTime };
}

export interface VehicleParameters {
  batteryCapacity: number;
  loadCapacity: number;
  consumptionRate: number;
  inverseRechargeRate: number;
  velocity: number;
}

/** Validates nodes and parameters and builds the immutable instance (depot first, then stations, then customers). */
export function buildInstance(name: string, rawNodes: readonly EvrpNode[], vehicle: VehicleParameters): EvrpInstance {
  const depots = rawNodes.filter((n) => n.kind === 'depot');
  if (depots.length !== 1) throw new InputError(`${name} (depot)`, depots.length, 'exactly one node of type d');
  const seen = new Set<string>();
  for (const n of rawNodes) {
    if (seen.has(n.id)) throw new InputError(`${name} (StringID)`, n.id, 'unique node ids');
    seen.add(n.id);
    if (n.demand < 0) throw new InputError(`${name} (${n.id}.demand)`, n.demand, 'a number >= 0');
    if (n.serviceTime < 0) throw new InputError(`${name} (${n.id}.ServiceTime)`, n.serviceTime, 'a number >= 0');
    if (n.dueDate < n.readyTime) throw new InputError(`${name} (${n.id}.DueDate)`, n.dueDate, `a due date >= ReadyTime ${n.readyTime}`);
    if (n.kind !== 'customer' && n.demand !== 0) throw new InputError(`${name} (${n.id}.demand)`, n.demand, '0 at the depot and stations');
    if (n.kind === 'customer' && n.demand > vehicle.loadCapacity) throw new InputError(`${name} (${n.id}.demand)`, n.demand, `at most the load capacity ${vehicle.loadCapacity}`);
  }
  const { batteryCapacity, loadCapacity, consumptionRate, inverseRechargeRate, velocity } = vehicle;
  const params: VehicleParameters = { batteryCapacity, loadCapacity, consumptionRate, inverseRechargeRate, velocity };
  for (const [key, value] of Object.entries(params)) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) throw new InputError(`${name} (${key})`, value, 'a positive number');
  }
  const nodes = [...depots, ...rawNodes.filter((n) => n.kind === 'station'), ...rawNodes.filter((n) => n.kind === 'customer')];
  const n = nodes.length;
  const dist = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const a = nodes[i] as EvrpNode;
      const b = nodes[j] as EvrpNode;
      dist[i * n + j] = Math.hypot(a.x - b.x, a.y - b.y);
    }
  }
  const index = new Map(nodes.map((node, i) => [node.id, i]));
  const stations = nodes.flatMap((node, i) => (node.kind === 'station' ? [i] : []));
  const customers = nodes.flatMap((node, i) => (node.kind === 'customer' ? [i] : []));
  const { consumptionRate: r, velocity: v } = params;
  return Object.freeze({
    name,
    nodes: Object.freeze(nodes.map((node) => Object.freeze({ ...node }))),
    depot: 0 as const,
    stations: Object.freeze(stations),
    customers: Object.freeze(customers),
    ...params,
    distance: (i: number, j: number) => dist[i * n + j] as number,
    travelTime: (i: number, j: number) => (dist[i * n + j] as number) / v,
    energy: (i: number, j: number) => r * (dist[i * n + j] as number),
    indexOf: (id: string) => {
      const i = index.get(id);
      if (i === undefined) throw new InputError(`${name} (node id)`, id, 'an id of a node of this instance');
      return i;
    },
  });
}
